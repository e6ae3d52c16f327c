using System.Globalization;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Privacy;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace HanoiWorkbench.Data.Privacy;

/// <summary>What one retention run did.</summary>
/// <param name="Decisions">Reception decisions (Form 2 / Form 3 at the counter, no application) whose personal data went.</param>
public sealed record RetentionOutcome(int Anonymised, DateTimeOffset Cutoff, int Months, int Decisions = 0);

/// <summary>
/// Anonymises the closed applications whose retention period (<c>Privacy:RetentionMonths</c>, 60 by default) has passed
/// (<see cref="Retention"/>): batch by batch, each application's change audited under the named system actor and the run
/// itself appended with its cutoff and count. Idempotent: an application anonymised once is never touched again, so a run that
/// is interrupted or repeated only finishes the work.
/// </summary>
public sealed class RetentionRun(IDbContextFactory<WorkbenchDbContext> contexts, TimeProvider clock, IConfiguration configuration)
{
    public const string SystemActor = "Hệ thống (ẩn danh theo thời hạn lưu trữ)";
    public const string RunAction = "Ẩn danh hồ sơ hết thời hạn lưu trữ";
    public const int DefaultMonths = 60;
    internal const int Batch = 500;

    public int Months => configuration.GetValue("Privacy:RetentionMonths", DefaultMonths);

    public async Task<RetentionOutcome> RunAsync(CancellationToken ct = default)
    {
        var months = Months;
        var now = clock.GetUtcNow();
        var cutoff = Retention.Cutoff(now, months);
        var final = new[] { ApplicationStatus.Refused, ApplicationStatus.Withdrawn, ApplicationStatus.Stopped, ApplicationStatus.Returned };
        var total = 0;
        using (AuditScope.Use(new AuditActor(SystemActor, null, clock)))
        {
            while (true)
            {
                var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
                await using (db.ConfigureAwait(false))
                {
                    // Closed before the cutoff = no step at or after it (the closing step is the last).
                    var batch = await db.Applications.Include(a => a.Steps)
                        .Where(a => final.Contains(a.Status) && a.AnonymisedAt == null && !a.Steps.Any(s => s.At >= cutoff))
                        .OrderBy(a => a.Id).Take(Batch).ToListAsync(ct).ConfigureAwait(false);
                    var due = batch.Where(a => Retention.IsDue(a.Status, a.Steps.Count == 0 ? a.SubmittedAt : a.Steps.Max(s => s.At), a.AnonymisedAt is not null, cutoff)).ToList();
                    foreach (var a in due)
                    {
                        a.Anonymise(now);
                        Search.SearchColumns.KeepMirrors(db, a);
                    }
                    var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
                    await using var _ = tx.ConfigureAwait(false);
                    // The portal's idempotency records hash the whole submission, personal data included: gone with it.
                    var ids = due.Select(a => a.Id).ToList();
                    if (ids.Count > 0) await db.IntakeRequests.Where(r => ids.Contains(r.ApplicationId)).ExecuteDeleteAsync(ct).ConfigureAwait(false);
                    if (batch.Count < Batch || due.Count == 0)
                    {
                        total += due.Count;
                        var decisions = await AnonymiseDecisionsAsync(db, cutoff, ct).ConfigureAwait(false);
                        db.AuditEntries.Add(new AuditEntry(now, SystemActor, null, RunAction, nameof(Application), "*", string.Create(CultureInfo.InvariantCulture,
                            $"Thời hạn {months} tháng: ẩn danh {total} hồ sơ kết thúc trước {cutoff:dd/MM/yyyy HH:mm} (giờ Hà Nội) và {decisions} phiếu hướng dẫn/từ chối tiếp nhận.")));
                        await db.SaveChangesAsync(ct).ConfigureAwait(false);
                        await tx.CommitAsync(ct).ConfigureAwait(false);
                        return new RetentionOutcome(total, cutoff, months, decisions);
                    }
                    await db.SaveChangesAsync(ct).ConfigureAwait(false);
                    await tx.CommitAsync(ct).ConfigureAwait(false);
                    total += due.Count;
                }
            }
        }
    }

    /// <summary>The decisions issued before the cutoff and not anonymised yet (<see cref="Retention.DecisionIsDue"/>), in the run's transaction.</summary>
    private static async Task<int> AnonymiseDecisionsAsync(WorkbenchDbContext db, DateTimeOffset cutoff, CancellationToken ct)
    {
        var count = 0;
        while (true)
        {
            var batch = await db.ReceptionDecisions.Where(d => d.At < cutoff && d.FullName != Application.AnonymisedName)
                .OrderBy(d => d.Id).Take(Batch).ToListAsync(ct).ConfigureAwait(false);
            var due = batch.Where(d => Retention.DecisionIsDue(d.At, d.IsAnonymised, cutoff)).ToList();
            foreach (var d in due) d.Anonymise();
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            count += due.Count;
            if (batch.Count < Batch || due.Count == 0) return count;
        }
    }
}
