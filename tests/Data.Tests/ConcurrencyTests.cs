using HanoiWorkbench.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Tests;

public sealed class ConcurrentEdits
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_second_of_two_editors_of_the_same_application_is_told_instead_of_overwriting()
    {
        await using var temp = await TempDatabase.SeededAsync();
        long id;
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));
        await using (var db = temp.Factory.CreateDbContext())
        {
            var procedure = await db.Procedures.FirstAsync(Ct);
            var branch = await db.Branches.FirstAsync(b => b.Code == "BR03", Ct);
            var clerk = await db.Staff.FirstAsync(s => s.Email == DemoAccounts.Clerk.Email, Ct);
            var app = Application.ReceiveAtCounter("000.00.03.H26-260302-0001",
                new Applicant("Nguyễn Văn An", "001090012345", "0912345678", "Số 1 Võ Chí Công, Tây Hồ"),
                procedure, branch.HomeAreaId!.Value, branch.Id, clerk.Id, [new ReceivedDocument("Tờ khai", 1)], at, at.AddDays(3));
            db.Applications.Add(app);
            await db.SaveChangesAsync(Ct);
            id = app.Id;
        }

        await using var first = temp.Factory.CreateDbContext();
        await using var second = temp.Factory.CreateDbContext();
        var a1 = await first.Applications.SingleAsync(a => a.Id == id, Ct);
        var a2 = await second.Applications.SingleAsync(a => a.Id == id, Ct);
        a1.StartProcessing(a1.ReceivedByStaffId!.Value, a1.ReceivingBranchId, at.AddHours(1));
        await first.SaveChangesAsync(Ct);
        a2.Withdraw(a2.ReceivedByStaffId!.Value, a2.ReceivingBranchId, at.AddHours(2));

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task An_application_round_trips_with_its_applicant_documents_steps_and_pauses()
    {
        await using var temp = await TempDatabase.SeededAsync();
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));
        long id;
        await using (var db = temp.Factory.CreateDbContext())
        {
            var procedure = await db.Procedures.FirstAsync(Ct);
            var branch = await db.Branches.FirstAsync(Ct);
            var clerk = await db.Staff.FirstAsync(s => s.Role == StaffRole.Clerk, Ct);
            var app = Application.ReceiveAtCounter("000.00.01.H26-260302-0007",
                new Applicant("Trần Thị Bích Ngọc", "001190012345", "0987654321", "Hà Nội"),
                procedure, branch.HomeAreaId!.Value, branch.Id, clerk.Id, [new ReceivedDocument("Tờ khai", 1), new ReceivedDocument("CCCD", 2)], at, at.AddDays(3));
            app.StartProcessing(clerk.Id, branch.Id, at.AddHours(1));
            app.RequestSupplement(clerk.Id, branch.Id, at.AddHours(2), "Bản sao CCCD", "Để đối chiếu nhân thân");
            db.Applications.Add(app);
            await db.SaveChangesAsync(Ct);
            id = app.Id;
        }
        await using (var db = temp.Factory.CreateDbContext())
        {
            var app = await db.Applications.Include(a => a.Steps).Include(a => a.Pauses).SingleAsync(a => a.Id == id, Ct);
            Assert.Equal("tran thi bich ngoc", app.Applicant.SearchName);
            Assert.Equal([new ReceivedDocument("Tờ khai", 1), new ReceivedDocument("CCCD", 2)], app.Documents);
            Assert.Equal(3, app.Steps.Count);
            Assert.Null(Assert.Single(app.Pauses).EndedAt);
            Assert.Equal(at, app.ReceivedAt);
            Assert.Equal(ApplicationStatus.SupplementRequested, app.Status);
            Assert.Equal(id, await db.Applications.Where(a => a.Applicant.SearchName.StartsWith("tran thi")).Select(a => a.Id).SingleAsync(Ct));
        }
    }

    [Fact]
    public async Task Times_in_different_offsets_are_compared_and_ordered_by_instant()
    {
        await using var temp = await TempDatabase.SeededAsync();
        await using (var db = temp.Factory.CreateDbContext())
        {
            // 10:00 in Hanoi is 03:00 UTC: stored with its clock ticks it would sort after 05:00 UTC.
            db.AuditEntries.Add(new AuditEntry(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(7)), "hanoi", null, "test", "X", "1"));
            db.AuditEntries.Add(new AuditEntry(new DateTimeOffset(2026, 3, 2, 5, 0, 0, TimeSpan.Zero), "utc", null, "test", "X", "2"));
            await db.SaveChangesAsync(Ct);
        }
        await using (var db = temp.Factory.CreateDbContext())
        {
            var ordered = await db.AuditEntries.OrderBy(a => a.At).Select(a => a.UserName).ToListAsync(Ct);
            Assert.Equal(["hanoi", "utc"], ordered);
            var cutoff = new DateTimeOffset(2026, 3, 2, 4, 0, 0, TimeSpan.Zero);
            Assert.Equal(["utc"], await db.AuditEntries.Where(a => a.At > cutoff).Select(a => a.UserName).ToListAsync(Ct));
            var hanoiCutoff = cutoff.ToOffset(TimeSpan.FromHours(7));
            Assert.Equal(["utc"], await db.AuditEntries.Where(a => a.At > hanoiCutoff).Select(a => a.UserName).ToListAsync(Ct));
            Assert.Equal(new DateTimeOffset(2026, 3, 2, 5, 0, 0, TimeSpan.Zero), (await db.AuditEntries.SingleAsync(a => a.UserName == "utc", Ct)).At);
            var hanoi = await db.AuditEntries.SingleAsync(a => a.UserName == "hanoi", Ct);
            Assert.Equal(TimeSpan.FromHours(7), hanoi.At.Offset);
        }
    }
}
