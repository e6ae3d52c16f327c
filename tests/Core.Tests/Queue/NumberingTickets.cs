using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Queue;

namespace HanoiWorkbench.Core.Tests.Queue;

public class NumberingTickets
{
    [Theory]
    [InlineData("A", 1, "A001")]
    [InlineData("B", 14, "B014")]
    [InlineData("A", 999, "A999")]
    [InlineData("A", 1000, "A1000")]
    [InlineData("Z", 9999, "Z9999")]
    public void A_ticket_number_is_the_group_letter_and_at_least_three_digits(string letter, int sequence, string expected)
    {
        Assert.Equal(expected, TicketNumbering.Format(letter, sequence));
        Assert.Equal(expected, Ticket.FormatNumber(letter, sequence));
    }

    [Theory]
    [InlineData("A", 0)]
    [InlineData("A", 10000)]
    [InlineData("", 1)]
    [InlineData("a", 1)]
    [InlineData("AB", 1)]
    [InlineData("Đ", 1)]
    public void A_ticket_number_is_refused_outside_the_letters_and_the_daily_range(string letter, int sequence)
    {
        Assert.Throws<DomainException>(() => TicketNumbering.Format(letter, sequence));
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData(1, 2)]
    [InlineData(999, 1000)]
    [InlineData(9998, 9999)]
    public void The_next_sequence_follows_the_last_issued_today(int? last, int expected)
    {
        Assert.Equal(expected, TicketNumbering.NextSequence(last));
    }

    [Fact]
    public void The_sequence_never_wraps_past_its_maximum()
    {
        Assert.Throws<DomainException>(() => TicketNumbering.NextSequence(9999));
    }

    [Theory]
    [InlineData("2025-06-02T00:00:00+07:00", "2025-06-02")]
    [InlineData("2025-06-01T16:59:59+00:00", "2025-06-01")]
    [InlineData("2025-06-01T17:00:00+00:00", "2025-06-02")]
    [InlineData("2025-06-01T23:30:00+00:00", "2025-06-02")]
    [InlineData("2025-06-02T23:59:00+07:00", "2025-06-02")]
    [InlineData("2025-12-31T20:00:00+00:00", "2026-01-01")]
    [InlineData("2025-06-02T08:00:00+09:00", "2025-06-02")]
    public void The_service_day_is_the_date_in_vietnam(string now, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            TicketNumbering.ServiceDay(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Each_branch_group_and_service_day_has_its_own_sequence()
    {
        var lateEvening = new DateTimeOffset(2025, 6, 1, 18, 0, 0, TimeSpan.Zero);

        var key = TicketNumbering.Key(branchId: 3, serviceGroupId: 2, lateEvening);

        Assert.Equal(new TicketSequenceKey(3, 2, new DateOnly(2025, 6, 2)), key);
    }
}
