using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Data.Staffing;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Tests.Staffing;

/// <summary>Issue 10, point 6: the configured groups belong to the manager; a clerk's ticks are a choice for the session.</summary>
public sealed class CounterSetUpStaysTheManagers
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int CounterId, int[] Groups)> ConfigureAsync(MovesFixture f, params string[] letters)
    {
        await using var db = f.Queue.Database.Factory.CreateDbContext();
        var groups = await db.ServiceGroups.Where(g => letters.Contains(g.Letter)).Select(g => g.Id).ToArrayAsync(Ct);
        await f.Moves.SetCounterGroupsAsync(f.Manager03, f.Queue.Counters[0], groups, "Cấu hình quầy", ct: Ct);
        return (f.Queue.Counters[0], groups);
    }

    private static async Task<string[]> ConfiguredAsync(MovesFixture f, int counterId)
    {
        await using var db = f.Queue.Database.Factory.CreateDbContext();
        var counter = await db.Counters.AsNoTracking().Include(c => c.ServiceGroups).SingleAsync(c => c.Id == counterId, Ct);
        return [.. counter.ServiceGroups.Select(g => g.Letter).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task A_clerk_ticking_fewer_groups_serves_them_this_session_and_the_configuration_stays()
    {
        await using var f = await MovesFixture.CreateAsync();
        var (counter, _) = await ConfigureAsync(f, "A", "B");
        var clerk = await f.AddStaffAsync("Cán bộ mở quầy", StaffRole.Clerk, f.Br03);
        await using (var db = f.Queue.Database.Factory.CreateDbContext())
        {
            var groupB = await db.ServiceGroups.Where(g => g.Letter == "B").Select(g => g.Id).SingleAsync(Ct);
            await f.Queue.Service.IssueTicketAsync(f.Br03, groupB, PriorityCategory.None, Ct);
        }

        await f.Queue.Service.OpenCounterAsync(clerk, counter, [f.Queue.GroupA], Ct);

        Assert.Equal(["A", "B"], await ConfiguredAsync(f, counter));
        Assert.Null(await f.Queue.Service.CallNextAsync(clerk, counter, Ct)); // only a B ticket waits: not this session's group
        await f.Queue.Service.CloseCounterAsync(clerk, Ct);
        Assert.Equal(["A", "B"], await ConfiguredAsync(f, counter));
    }

    [Fact]
    public async Task A_clerk_ticking_a_group_the_counter_is_not_configured_for_is_refused_and_nothing_changes()
    {
        await using var f = await MovesFixture.CreateAsync();
        var (counter, _) = await ConfigureAsync(f, "A");
        var clerk = await f.AddStaffAsync("Cán bộ mở quầy", StaffRole.Clerk, f.Br03);
        int groupC;
        await using (var db = f.Queue.Database.Factory.CreateDbContext())
            groupC = await db.ServiceGroups.Where(g => g.Letter == "C").Select(g => g.Id).SingleAsync(Ct);

        await f.AssertRefusedAsync(() => f.Queue.Service.OpenCounterAsync(clerk, counter, [f.Queue.GroupA, groupC], Ct),
            "không được cấu hình cho nhóm C");
        Assert.Equal(["A"], await ConfiguredAsync(f, counter));
    }

    [Fact]
    public async Task The_manager_sets_the_configured_groups_and_the_change_is_recorded_with_before_and_after()
    {
        await using var f = await MovesFixture.CreateAsync();
        f.Queue.Events.Clear();

        var (counter, _) = await ConfigureAsync(f, "A", "D");

        Assert.Equal(["A", "D"], await ConfiguredAsync(f, counter));
        var history = (await f.People.PeopleAsync(f.Br03, ct: Ct)).Moves;
        var record = history.First();
        Assert.Equal((StaffMoveKind.CounterGroups, "Lãnh đạo BR03"), (record.Kind, record.ActorName));
        Assert.EndsWith("A, D", record.After, StringComparison.Ordinal);
        Assert.Contains((LiveEventKind.CounterChanged, f.Br03, (long)counter), f.Queue.Events.Published);
    }

    [Fact]
    public async Task Narrowing_the_configuration_narrows_the_session_choice_with_it()
    {
        await using var f = await MovesFixture.CreateAsync();
        var (counter, groups) = await ConfigureAsync(f, "A", "B", "C");
        var clerk = await f.AddStaffAsync("Cán bộ mở quầy", StaffRole.Clerk, f.Br03);
        await f.Queue.Service.OpenCounterAsync(clerk, counter, groups[..2], Ct);

        await ConfigureAsync(f, "A");

        await using var db = f.Queue.Database.Factory.CreateDbContext();
        var c = await db.Counters.AsNoTracking().Include(x => x.ServiceGroups).Include(x => x.SessionGroups).SingleAsync(x => x.Id == counter, Ct);
        Assert.Equal(["A"], c.ServedGroups.Select(g => g.Letter));
    }

    [Fact]
    public async Task An_unknown_group_or_none_is_refused_and_nothing_changes()
    {
        await using var f = await MovesFixture.CreateAsync();

        await f.AssertRefusedAsync(() => f.Moves.SetCounterGroupsAsync(f.Manager03, f.Queue.Counters[0], [-5], "Cấu hình quầy", ct: Ct), "không tồn tại");
        await f.AssertRefusedAsync(() => f.Moves.SetCounterGroupsAsync(f.Manager03, f.Queue.Counters[0], [], "Cấu hình quầy", ct: Ct), "ít nhất một nhóm");
    }

    [Fact]
    public async Task The_manager_opens_and_closes_a_counter_and_a_ticket_being_served_is_never_closed_away()
    {
        await using var f = await MovesFixture.CreateAsync();
        var (clerk, counter, ticket) = await f.ServingClerkAsync(0);
        var other = await f.OpenCounterAsync(2);

        await f.AssertRefusedAsync(() => f.Moves.OpenCounterAsync(f.Manager03, other, "Mở thêm quầy", ct: Ct), "đang mở");
        await f.AssertRefusedAsync(() => f.Moves.CloseCounterAsync(f.Manager03, counter, "Hết giờ làm việc", ct: Ct), "Cán bộ đang phục vụ một công dân");
        await f.AssertRefusedAsync(() => f.Moves.CloseCounterAsync(f.Manager03, counter, "Hết giờ làm việc", TicketChoice.LetFinish, ct: Ct), $"đang phục vụ vé {ticket.Number}");

        await f.Moves.CloseCounterAsync(f.Manager03, counter, "Hết giờ", TicketChoice.HandTo(other), ct: Ct);

        Assert.Null((await f.StaffAsync(clerk)).CurrentCounterId);
        await using var db = f.Queue.Database.Factory.CreateDbContext();
        Assert.False((await db.Counters.SingleAsync(c => c.Id == counter, Ct)).IsOpen);
        Assert.Equal(other, (await db.Tickets.SingleAsync(t => t.Id == ticket.Id, Ct)).ReservedCounterId);
        await f.AssertRefusedAsync(() => f.Moves.CloseCounterAsync(f.Manager03, counter, "Hết giờ làm việc", ct: Ct), "đang đóng");
    }
}
