using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Monitoring;

namespace HanoiWorkbench.Core.Tests.Monitoring;

public class AlertEpisodeTables
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly AlertKey Wait = new(7, AlertKind.LongestWaitOverTarget);
    private static readonly HashSet<int> Seven = [7];

    /// <summary>Runs a timeline of "minute:holds" readings ('1' holds, '0' does not) for one condition and says what each
    /// reading did: S = an episode started, E = one ended (at the minute in brackets), - = nothing.</summary>
    private static string Run(string timeline)
    {
        IReadOnlyDictionary<AlertKey, OpenEpisode> open = new Dictionary<AlertKey, OpenEpisode>();
        var said = new List<string>();
        foreach (var reading in timeline.Split(' '))
        {
            var (minute, holds) = (int.Parse(reading.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture), reading.Split(':')[1] == "1");
            var now = Start.AddMinutes(minute);
            var step = AlertEpisodes.Step(open, holds ? new HashSet<AlertKey> { Wait } : [], Seven, now, AlertEpisodes.Calm);
            said.Add(step.Started.Count > 0 ? "S" : step.Ended is [var e] ? $"E({(e.EndedAt - Start).TotalMinutes})" : "-");
            open = step.Open;
        }
        return string.Join(' ', said);
    }

    [Theory]
    [InlineData("0:0 1:1 2:1 3:1", "- S - -")]                           // raised once while it keeps holding
    [InlineData("0:1 1:0 5:1 6:1", "S - - -")]                           // calm for 4 min then back: the same episode
    [InlineData("0:1 1:0 11:0", "S - E(1)")]                             // calm for 10 min: ended when it stopped holding
    [InlineData("0:1 1:0 10:0 11:1", "S - - -")]                         // 9 min calm is not enough: still the same episode
    [InlineData("0:1 1:0 11:0 12:1 13:1", "S - E(1) S -")]               // a new episode can start later
    [InlineData("0:1 1:0 3:1 4:0 14:0", "S - - - E(4)")]                 // a flicker restarts the calm time
    [InlineData("0:0 5:0", "- -")]
    public void One_alert_per_episode(string timeline, string expected) => Assert.Equal(expected, Run(timeline));

    [Fact]
    public void Other_branches_episodes_are_kept_as_they_are_when_one_branch_is_evaluated()
    {
        var other = new AlertKey(8, AlertKind.SatisfactionLow);
        var open = new Dictionary<AlertKey, OpenEpisode> { [other] = new(other, Start) };

        var step = AlertEpisodes.Step(open, new HashSet<AlertKey>(), Seven, Start.AddHours(1), AlertEpisodes.Calm);

        Assert.Empty(step.Ended);
        Assert.Equal(new OpenEpisode(other, Start), step.Open[other]);
    }

    [Fact]
    public void Each_condition_of_a_branch_has_its_own_episode()
    {
        var groupA = new AlertKey(7, AlertKind.ServiceGroupUnstaffed, "A");
        var groupB = new AlertKey(7, AlertKind.ServiceGroupUnstaffed, "B");
        var first = AlertEpisodes.Step(new Dictionary<AlertKey, OpenEpisode>(), new HashSet<AlertKey> { groupA }, Seven, Start, AlertEpisodes.Calm);
        var second = AlertEpisodes.Step(first.Open, new HashSet<AlertKey> { groupA, groupB }, Seven, Start.AddMinutes(1), AlertEpisodes.Calm);

        Assert.Equal([groupA], first.Started.Select(e => e.Key));
        Assert.Equal([groupB], second.Started.Select(e => e.Key));
        Assert.Equal(Start, second.Open[groupA].StartedAt);
    }

    [Fact]
    public void An_alert_is_acknowledged_once_with_a_note_and_keeps_who_and_when()
    {
        var alert = new Alert(Wait, Start, AlertRules.Describe(Wait));

        var empty = Assert.Throws<DomainException>(() => alert.Acknowledge("   ", 42, "Nguyễn Văn A", Start.AddMinutes(5)));
        Assert.Equal("Ghi chú xử lý không được để trống.", empty.Message);
        Assert.Equal(AlertState.Open, alert.State);
        Assert.Null(alert.AcknowledgedAt);

        alert.Acknowledge("  Đã điều thêm 2 cán bộ  ", 42, "Nguyễn Văn A", Start.AddMinutes(5));
        Assert.Equal(AlertState.Acknowledged, alert.State);
        Assert.Equal(("Đã điều thêm 2 cán bộ", 42, Start.AddMinutes(5)), (alert.AcknowledgementNote, alert.AcknowledgedByStaffId, alert.AcknowledgedAt));
        Assert.Equal("Cảnh báo này đã được xác nhận.",
            Assert.Throws<DomainException>(() => alert.Acknowledge("lần hai", 43, "Trần B", Start.AddMinutes(6))).Message);
    }

    [Fact]
    public void An_episode_ends_once_and_frees_its_open_key()
    {
        var alert = new Alert(Wait, Start, AlertRules.Describe(Wait));
        Assert.Equal("7|0|", alert.OpenKey);

        alert.End(Start.AddMinutes(20));
        alert.End(Start.AddMinutes(40));

        Assert.Equal((AlertState.Ended, (DateTimeOffset?)Start.AddMinutes(20), (string?)null), (alert.State, alert.EndedAt, alert.OpenKey));
    }
}
