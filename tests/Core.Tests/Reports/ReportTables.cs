using System.Globalization;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Queue;
using HanoiWorkbench.Core.Reports;

namespace HanoiWorkbench.Core.Tests.Reports;

/// <summary>
/// Reads the report tests' ticket tables: rows separated by ';', each "branch staff day issued called started finished
/// status" with '-' for a missing staff or time, the day counted from Monday 2 Nov 2026 (0) in Hanoi.
/// </summary>
internal static class ReportTables
{
    public static readonly DateOnly Monday = new(2026, 11, 2);

    public static IReadOnlyList<ReportTicket> Tickets(string table) =>
        table.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(row => row.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(c =>
            {
                var day = Monday.AddDays(int.Parse(c[2], CultureInfo.InvariantCulture));
                return new ReportTicket(int.Parse(c[0], CultureInfo.InvariantCulture), c[1] == "-" ? null : int.Parse(c[1], CultureInfo.InvariantCulture),
                    new ClerkTicketTimes(At(day, c[3])!.Value, At(day, c[4]), At(day, c[5]), At(day, c[6]), Enum.Parse<TicketStatus>(c[7])));
            })
            .ToList();

    public static TimeSpan? Minutes(double? minutes) => minutes is { } m ? TimeSpan.FromMinutes(m) : null;

    private static DateTimeOffset? At(DateOnly day, string hhmm) => hhmm == "-"
        ? null
        : HanoiTime.StartOf(day) + TimeSpan.ParseExact(hhmm, @"hh\:mm", CultureInfo.InvariantCulture);
}
