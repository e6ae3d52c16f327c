using HanoiWorkbench.Core.Reception;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data.Applications;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Tests.Applications;

public sealed class ReceivingAnApplication
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_Tay_Ho_clerk_receives_for_Hoan_Kiem_with_a_code_of_the_receiving_agency_and_a_published_event()
    {
        await using var f = await ApplicationFixture.CreateAsync();
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var request = await f.ValidRequestAsync(Ct);

        var result = await f.Reception.ReceiveAsync(request, clerk, Ct);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        await using var db = f.Db.Factory.CreateDbContext();
        var branch = await db.Branches.SingleAsync(b => b.Id == clerk.BranchId, Ct);
        Assert.Equal($"{branch.AgencyId}-260302-0001", result.Code);
        var app = await db.Applications.Include(a => a.Steps).SingleAsync(a => a.Id == result.ApplicationId, Ct);
        Assert.Equal(ApplicationStatus.Received, app.Status);
        Assert.Equal(request.AreaId, app.AreaId);
        Assert.NotEqual(branch.HomeAreaId, app.AreaId);
        Assert.Equal((clerk.BranchId, clerk.BranchId, clerk.StaffId), (app.ReceivingBranchId, app.HandlingBranchId, app.ReceivedByStaffId!.Value));
        Assert.Equal("0912345678", app.Applicant.Phone);
        // Same-day procedure received at 09:00 on a working day: due at the end of that afternoon.
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.FromHours(7)), app.DueAt);
        Assert.Single(app.Steps);
        Assert.Contains((LiveEventKind.ApplicationChanged, clerk.BranchId, (long?)app.Id), f.Events.Published);
    }

    [Fact]
    public async Task A_same_day_procedure_received_after_15_00_is_due_the_next_working_day_as_the_preview_said()
    {
        await using var f = await ApplicationFixture.CreateAsync();
        f.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 6, 15, 30, 0, TimeSpan.FromHours(7))); // Friday
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var request = await f.ValidRequestAsync(Ct);
        var options = await f.Reception.OptionsAsync(clerk.BranchId, Ct);

        var preview = await f.Reception.PreviewDueAsync(options.Procedures.Single(p => p.Id == request.ProcedureId), Ct);
        var result = await f.Reception.ReceiveAsync(request, clerk, Ct);

        var detail = await f.Queries.DetailAsync(result.ApplicationId!.Value, Ct);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 17, 0, 0, TimeSpan.FromHours(7)), preview);
        Assert.Equal(preview, detail!.DueAt);
        Assert.Equal(30, options.Areas.Count);
    }

    [Fact]
    public async Task Twenty_clerks_confirming_at_once_get_twenty_distinct_consecutive_codes()
    {
        // All twenty have checked their form and stand at their write together (the rendezvous), none having taken a number.
        var together = new Rendezvous(20, Rendezvous.Point.FirstTransaction);
        await using var f = await ApplicationFixture.CreateAsync(together);
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var request = await f.ValidRequestAsync(Ct);

        var results = await Together.RunAsync(20, _ =>
        {
            together.Join();
            return f.Reception.ReceiveAsync(request with { Token = Guid.NewGuid() }, clerk, Ct);
        });

        Assert.True(together.Met, "the twenty were at their write at the same time");
        Assert.All(results, r => Assert.True(r.Succeeded));
        var numbers = results.Select(r => Assert.IsType<string>(r.Code)).Select(c =>
        {
            Assert.True(ApplicationCode.TryParse(c, out _, out var day, out var n));
            Assert.Equal(new DateOnly(2026, 3, 2), day);
            return n;
        }).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 20), numbers);
        Assert.Equal(20, await f.ApplicationCountAsync(Ct));
    }

    public static TheoryData<string, string> BadInputs => new()
    {
        { "bad citizen id", ReceptionFields.CitizenId },
        { "unknown province", ReceptionFields.CitizenId },
        { "birth year mismatch", ReceptionFields.CitizenId },
        { "bad phone", ReceptionFields.Phone },
        { "unknown procedure", ReceptionFields.Procedure },
        { "inactive area", ReceptionFields.Area },
        { "no document ticked", ReceptionFields.Documents },
        { "no name", ReceptionFields.FullName },
        { "no address", ReceptionFields.Address },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_reported_in_Vietnamese_on_its_field_and_nothing_is_saved(string fault, string field)
    {
        await using var f = await ApplicationFixture.CreateAsync();
        var clerk = await f.ClerkAsync(DemoAccounts.Clerk.Email, Ct);
        var request = await f.ValidRequestAsync(Ct);
        if (fault == "inactive area")
        {
            await using var db = f.Db.Factory.CreateDbContext();
            var area = await db.Areas.SingleAsync(a => a.Id == request.AreaId, Ct);
            area.SetActive(false);
            await db.SaveChangesAsync(Ct);
        }
        request = fault switch
        {
            "bad citizen id" => request with { CitizenId = "00119001234" },
            "unknown province" => request with { CitizenId = "999190012345" },
            "birth year mismatch" => request with { BirthYear = 1985 },
            "bad phone" => request with { Phone = "0112345678" },
            "unknown procedure" => request with { ProcedureId = 999_999 },
            "no document ticked" => request with { Documents = request.Documents.Select(d => d with { Ticked = false }).ToList() },
            "no name" => request with { FullName = "  " },
            "no address" => request with { Address = null },
            _ => request,
        };

        var result = await f.Reception.ReceiveAsync(request, clerk, Ct);

        Assert.False(result.Succeeded);
        var message = Assert.Contains(field, result.Errors);
        Assert.Matches("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùýÁ]", message);
        Assert.Equal(0, await f.ApplicationCountAsync(Ct));
        Assert.Empty(f.Events.Published);
    }
}
