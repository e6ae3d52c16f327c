using System.Globalization;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Queue;

namespace HanoiWorkbench.Core.Tests.Queue;

/// <summary>
/// Reads the queue tables of the tests: tickets separated by ';', each
/// "number group priority issued [status] [@counter]", e.g. "A001 1 Elderly 08:05 Parked @5".
/// Times are on the service day 2 Jun 2025 in Hanoi.
/// </summary>
internal static class QueueTables
{
    public static readonly DateTimeOffset Day = new(2025, 6, 2, 0, 0, 0, TimeSpan.FromHours(7));

    public static DateTimeOffset At(string hhmm) =>
        Day + TimeSpan.ParseExact(hhmm, @"hh\:mm", CultureInfo.InvariantCulture);

    public static IReadOnlyList<WaitingTicket> Tickets(string table) =>
        table.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select((row, index) => Ticket(row, index + 1))
            .ToList();

    public static IReadOnlySet<int> Groups(string groups) =>
        groups.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(g => int.Parse(g, CultureInfo.InvariantCulture))
            .ToHashSet();

    private static WaitingTicket Ticket(string row, long id)
    {
        var cells = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var number = cells[0];
        var status = TicketStatus.Waiting;
        int? reserved = null;
        foreach (var cell in cells.Skip(4))
        {
            if (cell.StartsWith('@')) reserved = int.Parse(cell[1..], CultureInfo.InvariantCulture);
            else status = Enum.Parse<TicketStatus>(cell);
        }
        return new WaitingTicket(
            id,
            int.Parse(cells[1], CultureInfo.InvariantCulture),
            int.Parse(number[1..], CultureInfo.InvariantCulture),
            number,
            Enum.Parse<PriorityCategory>(cells[2]),
            At(cells[3]),
            status,
            reserved);
    }
}
