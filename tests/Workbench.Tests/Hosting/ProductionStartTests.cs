using System.Diagnostics;
using System.Net;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Admin;
using HanoiWorkbench.Workbench.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanoiWorkbench.Workbench.Tests.Hosting;

/// <summary>A production start: reference data only, no demo account, and no start at all while a demo password exists.</summary>
public sealed class ProductionStartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static WorkbenchFactory Production() => new("Production", demo: false);

    private static async Task<T> QueryAsync<T>(WorkbenchFactory factory, Func<WorkbenchDbContext, Task<T>> query)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContextAsync(Ct);
        return await query(db);
    }

    [Fact]
    public async Task A_production_start_seeds_the_reference_data_but_no_demo_account_and_no_demo_staff()
    {
        await using var factory = Production();

        Assert.Equal(30, await QueryAsync(factory, db => db.Branches.CountAsync(Ct)));
        Assert.Equal(80, await QueryAsync(factory, db => db.Procedures.CountAsync(Ct)));
        Assert.Equal(0, await QueryAsync(factory, db => db.Staff.CountAsync(Ct)));
        Assert.Equal(0, await QueryAsync(factory, db => db.Users.CountAsync(Ct)));
        var response = await factory.CreateBrowserLikeClient().GetAsync("/account/login", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Seed_demo_creates_the_demo_staff_and_accounts_and_they_sign_in()
    {
        await using var factory = Production();

        Assert.True(await SeedCommand.TryRunAsync(["seed", "--demo"], factory.Services, Ct));

        Assert.True(await QueryAsync(factory, db => db.Staff.CountAsync(Ct)) >= 220);
        foreach (var account in DemoAccounts.All)
            Assert.True(await QueryAsync(factory, db => db.Users.AnyAsync(u => u.Email == account.Email, Ct)), account.Email);
        await factory.SignInAsync(DemoAccounts.Clerk.Email, DemoAccounts.Password);
    }

    [Fact]
    public async Task A_production_start_with_a_demo_password_account_refuses_to_start_and_says_why()
    {
        using var temp = new TempFolder("refuse");
        var file = temp.PathOf("workbench.db");
        await DemoData.SeedAsync(new WorkbenchDbContextFactory(DatabaseSettings.ForSqlite($"Data Source={file};Pooling=False", temp.FullPath)), Ct);

        var (exitCode, output) = await RunWorkbenchAsync(file, "Production");

        Assert.Equal(1, exitCode);
        Assert.Contains("Refusing to start in Production: 4 account(s) have a published demo password", output, StringComparison.Ordinal);
        Assert.Contains(DemoAccounts.Admin.Email, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_refusal_is_the_start_up_checks_own_answer_in_process_too()
    {
        await using var seeded = Production();
        Assert.True(await SeedCommand.TryRunAsync(["seed", "--demo"], seeded.Services, Ct));

        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Database:Provider"] = "Sqlite";
        builder.Configuration["ConnectionStrings:Workbench"] = $"Data Source={seeded.DatabaseFile}";
        builder.Environment.EnvironmentName = "Production";
        builder.Configuration["PublicBaseUrl"] = WorkbenchFactory.PublicBaseUrl;
        builder.AddWorkbench();
        await using var app = builder.Build();

        var refused = await Assert.ThrowsAsync<StartRefusedException>(app.InitializeDatabaseAsync);
        Assert.Contains(DemoAccounts.Clerk.Email, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_admin_creates_a_working_administrator()
    {
        await using var factory = Production();
        var output = new StringWriter();

        var exit = await CreateAdminCommand.RunAsync(new CreateAdminOptions("nguyen.van.an@hcc.hanoi.gov.vn", "Nguyễn Văn An", "BR01"),
            "Sông-Hồng-chảy-về-2026", factory.Services, output, Ct);

        Assert.Equal(0, exit);
        var staff = await QueryAsync(factory, db => db.Staff.SingleAsync(Ct));
        Assert.Equal(StaffRole.Admin, staff.Role);
        var client = await factory.SignInAsync("nguyen.van.an@hcc.hanoi.gov.vn", "Sông-Hồng-chảy-về-2026");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/branches", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("Ab1!short", "Mật khẩu phải có ít nhất 12 ký tự.")]
    [InlineData("Password@2026!", CommonPasswordValidator.Message)]
    [InlineData("Matkhau123456!", CommonPasswordValidator.Message)]
    public async Task Create_admin_refuses_a_short_or_common_password_and_writes_nothing(string password, string message)
    {
        await using var factory = Production();
        var output = new StringWriter();

        var exit = await CreateAdminCommand.RunAsync(new CreateAdminOptions("admin@hcc.hanoi.gov.vn", "Trần Thị Bình", "BR01"),
            password, factory.Services, output, Ct);

        Assert.Equal(2, exit);
        Assert.Contains(message, output.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await QueryAsync(factory, db => db.Staff.CountAsync(Ct)));
        Assert.Equal(0, await QueryAsync(factory, db => db.Users.CountAsync(Ct)));
    }

    [Theory]
    [InlineData(new[] { "create-admin", "--email", "a@b.vn", "--name", "A", "--branch", "BR01" }, true)]
    [InlineData(new[] { "create-admin", "--email", "a@b.vn", "--name", "A" }, false)]
    [InlineData(new[] { "create-admin", "--email", "a@b.vn", "--name", "A", "--branch", "BR01", "--password", "x" }, false)]
    public void Create_admin_takes_email_name_and_branch_but_never_a_password_argument(string[] args, bool valid)
    {
        var parsed = CreateAdminCommand.TryParse(args);

        Assert.NotNull(parsed);
        Assert.Equal(valid, parsed.Value.Options is not null);
        Assert.Null(CreateAdminCommand.TryParse(["--urls", "http://localhost"]));
    }

    /// <summary>The built workbench as its own process: its exit code and everything it printed.</summary>
    private static async Task<(int ExitCode, string Output)> RunWorkbenchAsync(string sqliteFile, string environment)
    {
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["ConnectionStrings__Workbench"] = $"Data Source={sqliteFile}";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["PublicBaseUrl"] = WorkbenchFactory.PublicBaseUrl;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); throw; }
        return (process.ExitCode, await stdout + await stderr);
    }
}
