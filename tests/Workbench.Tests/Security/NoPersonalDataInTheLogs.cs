using HanoiWorkbench.Core.Reception;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Privacy;
using HanoiWorkbench.Core.Text;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Applications;
using HanoiWorkbench.Data.Audit;
using HanoiWorkbench.Data.Privacy;
using HanoiWorkbench.Data.Search;
using HanoiWorkbench.Workbench.Hosting;
using HanoiWorkbench.Workbench.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using HanoiWorkbench.Workbench.Endpoints;

namespace HanoiWorkbench.Workbench.Tests.Security;

/// <summary>
/// Issue 14, point 4: the main flows — an online submission through the API, reception at the counter, the application page,
/// a reveal, search by ID, phone and name, a form download, a failed reception, the public look-up, anonymisation — run with
/// a logger that captures every category at every level, and no citizen's ID number, phone, name or address appears in it.
/// </summary>
public sealed class NoPersonalDataInTheLogs : IDisposable
{
    private const string Key = "portal-test-key-0123456789";
    private readonly CapturingLoggerProvider _logs = new();
    private readonly WorkbenchFactory _host;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Two citizens: one submits online, one at the counter.
    private static readonly string[] Online = ["Nguyễn Thị Hoa", "001099012345", "0912345678", "0912 345 678", "12 Xuân Diệu, Tây Hồ"];
    private static readonly string[] Counter = ["Phạm Quang Vinh", "001088054321", "0987654321", "0987 654 321", "7 Lạc Long Quân, Tây Hồ"];

    public NoPersonalDataInTheLogs() => _host = new WorkbenchFactory("Testing", demo: true,
        settings: new Dictionary<string, string?> { ["Intake:ApiKeys:0"] = Key },
        services: s => s.AddLogging(b => b.AddProvider(_logs).AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace)));

    [Fact]
    public async Task The_main_flows_log_no_citizen_id_phone_name_or_address()
    {
        var services = _host.Services;
        // 1. Online submission through the portal API.
        using var portal = _host.CreateClient();
        using var submit = new HttpRequestMessage(HttpMethod.Post, "/api/applications")
        {
            Content = JsonContent.Create(new
            {
                procedureCode = "1.001193", areaCode = "003",
                applicant = new { fullName = Online[0], citizenId = Online[1], phone = Online[3], address = Online[4] },
                documents = new[] { new { name = "Tờ khai đăng ký khai sinh", count = 1 }, new { name = "Giấy chứng sinh", count = 1 } },
            }),
        };
        submit.Headers.Add("X-Api-Key", Key);
        submit.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        Assert.True((await portal.SendAsync(submit, Ct)).IsSuccessStatusCode);

        // 2. Reception at the counter as the signed-in clerk (the audit names them), and one refused for a wrong ID.
        Staff clerk;
        ReceptionRequest request;
        await using (var db = await services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContextAsync(Ct))
        {
            clerk = await db.Staff.AsNoTracking().SingleAsync(s => s.Email == DemoAccounts.Clerk.Email, Ct);
            var procedure = await db.Procedures.FirstAsync(p => p.Name == "Đăng ký khai sinh", Ct);
            var area = await db.Areas.FirstAsync(a => a.Name == "Tây Hồ", Ct);
            request = new ReceptionRequest(procedure.Id, area.Id, Counter[0], Counter[1], 1988, true, Counter[3], Counter[4],
                procedure.RequiredDocuments.Select(d => new DocumentTick(d, true, 1)).ToList());
        }
        long id;
        using (AuditScope.Use(new AuditActor(DemoAccounts.Clerk.Email, clerk.Id, TimeProvider.System)))
        {
            var reception = services.GetRequiredService<ReceptionService>();
            var actor = new Actor(clerk.Id, clerk.CurrentBranchId);
            var saved = await reception.ReceiveAsync(request, actor, Ct);
            Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Values));
            id = saved.ApplicationId!.Value;
            Assert.False((await reception.ReceiveAsync(request with { CitizenId = "001088", Token = Guid.NewGuid() }, actor, Ct)).Succeeded);

            // 3. Reveal both fields, search by each personal datum.
            var access = services.GetRequiredService<PersonalDataAccess>();
            Assert.Equal(Counter[1], await access.RevealAsync(id, clerk.Id, PersonalField.CitizenId, Ct));
            Assert.Equal(Counter[2], await access.RevealAsync(id, clerk.Id, PersonalField.Phone, Ct));
            var search = services.GetRequiredService<ApplicationSearch>();
            foreach (var text in new[] { Counter[1], Counter[3], Counter[0], Online[1] })
                await search.SearchAsync(new SearchViewer(clerk.Role, clerk.CurrentBranchId), new ApplicationSearchRequest { Text = text }, Ct);
        }

        // 4. The application page and its receipt over HTTP, signed in.
        using var browser = await _host.SignInAsync(DemoAccounts.Clerk.Email, DemoAccounts.Password);
        var page = await WorkbenchFactory.ReadHtmlAsync(await browser.GetAsync($"/applications/{id}", Ct));
        Assert.Contains(PersonalDataMask.Mask(Counter[1]), page, StringComparison.Ordinal);
        Assert.DoesNotContain(Counter[1], page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(ApplicationEndpoints.FormUrl(id, "receipt"), Ct)).StatusCode);

        // 5. The public look-up by code and the phone's last four digits.
        string code;
        await using (var db = await services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContextAsync(Ct))
            code = await db.Applications.Where(a => a.Id == id).Select(a => a.Code).SingleAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, (await _host.CreateClient().GetAsync($"/api/status?code={code}&phone4={Counter[2][^4..]}", Ct)).StatusCode);

        // 6. Anonymisation (nothing due yet, but the run reads and logs its queries).
        await services.GetRequiredService<RetentionRun>().RunAsync(Ct);

        var captured = _logs.Messages;
        // Every level and category was captured: the hosting's per-request lines (Information) and routing's (Debug) are there.
        Assert.Contains(captured, m => m.StartsWith("Information Microsoft.AspNetCore.Hosting.Diagnostics: Request starting", StringComparison.Ordinal));
        Assert.Contains(captured, m => m.StartsWith("Debug Microsoft.AspNetCore.Routing", StringComparison.Ordinal));
        var needles = Online.Concat(Counter).SelectMany(v => new[] { v, VietnameseText.Fold(v) }).Distinct().ToList();
        var leaks = captured.Where(m => needles.Any(n => m.Contains(n, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(leaks.Count == 0, "Personal data in the logs:\n" + string.Join("\n", leaks.Take(5)));
    }

    public void Dispose()
    {
        _host.Dispose();
        _logs.Dispose();
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _messages = new();

        public IReadOnlyList<string> Messages => _messages.ToList();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _messages);

        public void Dispose() { }

        private sealed class Logger(string category, ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }
}
