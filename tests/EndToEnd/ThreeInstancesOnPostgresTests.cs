using System.Diagnostics;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Data;
using HanoiWorkbench.EndToEnd.ScaleOut;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HanoiWorkbench.EndToEnd;

/// <summary>
/// Three workbench processes on one PostgreSQL database and one Redis, each with a user profile of its own: the shape of
/// production behind a load balancer (docs/reliability.md, "Several instances").
/// </summary>
public sealed class ThreeInstancesOnPostgresTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(15);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Tickets_called_at_three_instances_at_once_are_each_called_exactly_once()
    {
        const int tickets = 24;
        int[] clerks = [], counters = [];
        var issued = new List<string>();
        var called = await RaceAtThreeInstancesAsync(async instances =>
            {
                (clerks, counters, var group) = await ThreeCountersServingOneGroupAsync("BR05");
                for (var i = 0; i < 3; i++) await instances[i].Queue.OpenCounterAsync(clerks[i], counters[i], [group], Ct);
                var branchId = await BranchIdAsync("BR05");
                for (var i = 0; i < tickets; i++)
                    issued.Add((await instances[i % 3].Queue.IssueTicketAsync(branchId, group, PriorityCategory.None, Ct)).Number);
            },
            async (instance, i) =>
            {
                if (await instance.Queue.CallNextAsync(clerks[i], counters[i], Ct) is not { } ticket) return null;
                await instance.Queue.FinishAsync(clerks[i], ticket.Id, Ct);
                return ticket;
            }, rounds: tickets);

        Assert.All(called, c => Assert.NotEmpty(c)); // each clerk got some of the queue
        var all = called.SelectMany(c => c.Select(t => t.Number)).ToList();
        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(tickets, issued.Distinct(StringComparer.Ordinal).Count());
        Assert.All(issued, number => Assert.Contains(number, all));
    }

    [Fact]
    public async Task Three_clerks_on_three_instances_racing_for_the_pool_never_take_the_same_item()
    {
        const int items = 12;
        int[] clerks = [];
        List<long> itemIds = [];
        // Every clerk's best candidate is the same item (the most overdue): all three claim it, one wins.
        var taken = await RaceAtThreeInstancesAsync(async _ => (clerks, itemIds) = await ThreeClerksAndOpenItemsAsync(items),
            async (instance, i) =>
            {
                if (await instance.Pool.TakeNextAsync(clerks[i], Ct) is not { } item) return null;
                await instance.Pool.CompleteAsync(item.Id, clerks[i], Ct);
                return item;
            }, rounds: items);

        var all = taken.SelectMany(t => t.Select(item => item.Id)).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.All(itemIds, id => Assert.Single(all, t => t == id));
    }

    /// <summary>
    /// The services of three instances (data, queue, pool, live events over Redis) in the test process; after
    /// <paramref name="prepare"/>, one worker at each, all released by one barrier, repeats <paramref name="next"/> until it
    /// returns null, at most <paramref name="rounds"/> times. Asserts the race happened: each worker ran while the others did.
    /// </summary>
    private async Task<List<T>[]> RaceAtThreeInstancesAsync<T>(Func<IReadOnlyList<InProcessInstance>, Task> prepare,
        Func<InProcessInstance, int, Task<T?>> next, int rounds) where T : class
    {
        var instances = new List<InProcessInstance>();
        try
        {
            for (var i = 0; i < 3; i++) instances.Add(await InProcessInstance.StartAsync(cluster.Shared, AppContext.BaseDirectory));
            await prepare(instances);
            var clock = Stopwatch.StartNew();
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var workers = Enumerable.Range(0, 3).Select(i => Task.Run(async () =>
            {
                await start.Task;
                var began = clock.Elapsed;
                var done = new List<T>();
                for (var round = 0; round < rounds && await next(instances[i], i) is { } result; round++) done.Add(result);
                return (Began: began, Ended: clock.Elapsed, Done: done);
            })).ToList();
            start.SetResult();
            var results = await Task.WhenAll(workers);
            Assert.True(results.Max(r => r.Began) < results.Min(r => r.Ended), "the three workers did not run at the same time");
            return results.Select(r => r.Done).ToArray();
        }
        finally
        {
            foreach (var instance in instances) await instance.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_ticket_taken_at_a_kiosk_on_A_shows_live_on_the_lobby_display_of_B_and_a_hub_client_of_C()
    {
        const string branch = "BR03";
        var branchId = await BranchIdAsync(branch);
        await using var screenOnC = await LiveClient.ConnectToBranchAsync(cluster.C.BaseUrl, branchId, Ct);
        var display = await cluster.NewPageAsync(cluster.B);
        await display.GotoAsync($"/display/{branch}");
        await Assertions.Expect(display.Locator("#link.on")).ToBeVisibleAsync();
        screenOnC.Drain();

        var kiosk = await cluster.NewPageAsync(cluster.A);
        await kiosk.GotoAsync($"/kiosk/{branch}");
        await kiosk.Locator("h1[data-interactive=true]").WaitForAsync();
        await kiosk.GetByTestId("group-A").ClickAsync();
        await kiosk.GetByTestId("take-ticket").ClickAsync();
        await Assertions.Expect(kiosk.GetByTestId("ticket-number")).ToBeVisibleAsync();

        var issued = await screenOnC.NextAsync(e => e.Kind == LiveEventKind.TicketChanged, Delivery);
        Assert.True(issued is not null, "the hub client on C heard nothing\n" + cluster.Logs());
        Assert.Equal(branchId, issued.BranchId);
        await Assertions.Expect(display.GetByTestId("groups")).ToContainTextAsync("1 người chờ");
        await WorkbenchServer.ScreenshotAsync(display, "three-instances-display-on-b");
    }

    [Fact]
    public async Task A_sign_in_on_A_is_honoured_by_B_and_C_and_a_form_rendered_by_A_is_accepted_by_C()
    {
        // Cookies are per host, not per port: the browser sends A's sign-in cookie to B and C, as behind a load balancer.
        var page = await cluster.SignInAsync(cluster.A, DemoAccounts.Clerk.Email, DemoAccounts.Password);
        foreach (var other in new[] { cluster.B, cluster.C })
        {
            await page.GotoAsync($"{other.BaseUrl}/counter");
            Assert.StartsWith($"{other.BaseUrl}/counter", page.Url, StringComparison.Ordinal);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Quầy của tôi");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" })).ToBeVisibleAsync();
        }

        // The login form A rendered (its antiforgery field and cookie), posted to C.
        var anonymous = await cluster.NewPageAsync(cluster.A);
        await anonymous.GotoAsync("/account/login");
        var token = await anonymous.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        Assert.False(string.IsNullOrEmpty(token));
        var posted = await anonymous.Context.APIRequest.PostAsync($"{cluster.C.BaseUrl}/account/login", new()
        {
            Form = anonymous.Context.APIRequest.CreateFormData()
                .Set("_handler", "login").Set("__RequestVerificationToken", token!)
                .Set("Input.Email", DemoAccounts.Clerk.Email).Set("Input.Password", DemoAccounts.Password),
            MaxRedirects = 0,
        });
        Assert.True(posted.Status == 302, $"C answered {posted.Status} to A's form\n{await posted.TextAsync()}\n{cluster.Logs()}");
        Assert.DoesNotContain("/account/login", posted.Headers["location"], StringComparison.Ordinal);

        // One key ring, in the database: no instance wrote keys into its own profile.
        await using var db = await cluster.Contexts.CreateDbContextAsync(Ct);
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync(Ct));
        foreach (var name in new[] { "A", "B", "C" })
        {
            var folder = Path.Combine(cluster.HomeOf(name), ".aspnet", "DataProtection-Keys");
            Assert.False(Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any(), $"{name} kept keys in {folder}");
        }
    }

    /// <summary>Three new clerks with one skill and open items of that skill only (the demo's items need other skills).</summary>
    private async Task<(int[] Clerks, List<long> Items)> ThreeClerksAndOpenItemsAsync(int count)
    {
        await using var db = await cluster.Contexts.CreateDbContextAsync(Ct);
        var procedure = await db.Procedures.OrderByDescending(p => p.Id).FirstAsync(Ct);
        var field = await db.ProcedureFields.FirstAsync(f => f.Id == procedure.FieldId, Ct);
        var area = await db.Areas.FirstAsync(a => a.IsActive, Ct);
        var branchId = await db.Branches.Where(b => b.Code == "BR07").Select(b => b.Id).SingleAsync(Ct);
        var staff = Enumerable.Range(0, 3).Select(i =>
        {
            var clerk = new Staff($"Cán bộ kho {i}", $"kho{i}-{Guid.NewGuid():N}@hcc.hanoi.gov.vn", StaffRole.Clerk, branchId);
            clerk.SetSkills([field]);
            return clerk;
        }).ToList();
        db.Staff.AddRange(staff);
        var now = DateTimeOffset.UtcNow;
        var application = Application.Submit($"POOL-{Guid.NewGuid():N}"[..20], new Applicant("Nguyễn Văn A", "001099012345", "0912345678", "Hà Nội"),
            procedure, area.Id, branchId, Channel.Online, [new ReceivedDocument("Tờ khai", 1)], now);
        db.Applications.Add(application);
        await db.SaveChangesAsync(Ct);
        var open = Enumerable.Range(0, count).Select(i => new Core.Pool.WorkItem(application.Id, Core.Pool.WorkKind.Process, field.Id, area.Id,
            branchId, now.AddMinutes(-600 + i), TimeSpan.FromMinutes(15), now.AddSeconds(-i))).ToList();
        db.WorkItems.AddRange(open);
        await db.SaveChangesAsync(Ct);
        return (staff.Select(s => s.Id).ToArray(), open.Select(w => w.Id).ToList());
    }

    private async Task<int> BranchIdAsync(string code)
    {
        await using var db = await cluster.Contexts.CreateDbContextAsync(Ct);
        return await db.Branches.Where(b => b.Code == code).Select(b => b.Id).SingleAsync(Ct);
    }

    /// <summary>The branch's first three counters, each configured to serve one common group as well, and three of its clerks.</summary>
    private async Task<(int[] Clerks, int[] Counters, int Group)> ThreeCountersServingOneGroupAsync(string branchCode)
    {
        await using var db = await cluster.Contexts.CreateDbContextAsync(Ct);
        var branchId = await db.Branches.Where(b => b.Code == branchCode).Select(b => b.Id).SingleAsync(Ct);
        var counters = await db.Counters.Include(c => c.ServiceGroups).Where(c => c.BranchId == branchId)
            .OrderBy(c => c.Number).Take(3).ToListAsync(Ct);
        var common = counters[0].ServiceGroups[0];
        foreach (var counter in counters.Where(c => c.ServiceGroups.All(g => g.Id != common.Id)))
            counter.ServeGroups([.. counter.ServiceGroups, common]);
        await db.SaveChangesAsync(Ct);
        var clerks = await db.Staff.Where(s => s.HomeBranchId == branchId && s.Role == StaffRole.Clerk && s.IsActive)
            .OrderBy(s => s.Id).Select(s => s.Id).Take(3).ToArrayAsync(Ct);
        Assert.Equal(3, counters.Count);
        Assert.Equal(3, clerks.Length);
        return (clerks, counters.Select(c => c.Id).ToArray(), common.Id);
    }
}
