using System.Globalization;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Pool;
using HanoiWorkbench.Data;
using HanoiWorkbench.Data.Pool;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Benchmarks;

/// <summary>The work pool and the online submissions of the server-engine benchmark, on any provider (EF only).</summary>
internal static class PoolSetup
{
    /// <summary>An online birth registration for Tây Hồ (area 003) with the documents it requires; <paramref name="i"/>
    /// makes the citizen ID differ.</summary>
    public static IntakeSubmission Submission(int i) => new("1.001193", "003",
        new IntakeApplicant("Nguyễn Thị Hoa", "001099" + (100000 + i % 900000).ToString(CultureInfo.InvariantCulture), "0912345678", "12 Xuân Diệu, Tây Hồ"),
        [new IntakeDocument("Tờ khai đăng ký khai sinh", 1), new IntakeDocument("Giấy chứng sinh", 1)]);

    /// <summary>
    /// <paramref name="clerks"/> clerks spread over the branches, all with one field's skill, and a pool of
    /// <paramref name="items"/> open items over every branch, a third of them of that field (as in a real citywide pool, most
    /// candidates belong to someone else). Returns the clerks' staff ids.
    /// </summary>
    public static async Task<List<int>> AddClerksAndItemsAsync(IDbContextFactory<WorkbenchDbContext> contexts, int clerks, int items)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var procedure = await db.Procedures.OrderBy(p => p.Id).FirstAsync();
        var field = await db.ProcedureFields.FirstAsync(f => f.Id == procedure.FieldId);
        var fields = await db.ProcedureFields.Select(f => f.Id).ToListAsync();
        var area = await db.Areas.FirstAsync(a => a.IsActive);
        var branches = await db.Branches.OrderBy(b => b.Id).Select(b => b.Id).ToListAsync();
        var staff = Enumerable.Range(0, clerks).Select(i =>
        {
            var s = new Staff($"Cán bộ thử tải {i}", $"engine{i}@{DemoData.StaffEmailDomain}", StaffRole.Clerk, branches[i % branches.Count]);
            s.SetSkills([field]);
            return s;
        }).ToList();
        db.Staff.AddRange(staff);
        await db.SaveChangesAsync();
        var now = TimeProvider.System.GetUtcNow();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var rng = new Random(1);
        // One application per item, as in the real pool (each open item is one application's next step): a claim hands its
        // application to the claimer's branch, so items sharing one application would all write the same row.
        for (var done = 0; done < items; done += 2_000)
        {
            var batch = Enumerable.Range(done, Math.Min(2_000, items - done)).Select(i => Application.Submit(
                string.Create(CultureInfo.InvariantCulture, $"ENGINE-{i:000000}"), new Applicant("Nguyễn Văn A", "001099012345", "0912345678", "Hà Nội"),
                procedure, area.Id, branches[i % branches.Count], Channel.Online, [new ReceivedDocument("Tờ khai", 1)], now)).ToList();
            db.Applications.AddRange(batch);
            await db.SaveChangesAsync();
            db.WorkItems.AddRange(batch.Select((application, k) => (application, i: done + k)).Select(x => new WorkItem(x.application.Id, WorkKind.Process,
                x.i % 3 == 0 ? field.Id : fields[rng.Next(fields.Count)], area.Id, branches[x.i % branches.Count],
                now.AddMinutes(rng.Next(-120, 7 * 24 * 60)), TimeSpan.FromMinutes(15 + rng.Next(0, 60)), now.AddMinutes(-rng.Next(0, 10_000)))));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        return staff.Select(s => s.Id).ToList();
    }
}
