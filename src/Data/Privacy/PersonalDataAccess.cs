using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Privacy;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data.Audit;
using HanoiWorkbench.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Privacy;

/// <summary>
/// The one way a screen gets a citizen's ID number or phone unmasked: the officer working on the application (the permission
/// table's <see cref="StaffAction.RevealPersonalData"/> on the branch handling it, read from the staff record now) asks for one
/// field, and the reveal is appended to the audit — who, when, which application, which field, never the value — in the same
/// transaction as the read, so there is no reveal without its entry.
/// </summary>
public sealed class PersonalDataAccess(IDbContextFactory<WorkbenchDbContext> contexts, TimeProvider clock)
{
    public const string RevealAction = "Xem dữ liệu cá nhân";

    public async Task<string> RevealAsync(long applicationId, int staffId, PersonalField field, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(field)) throw new DomainException("Trường dữ liệu không hợp lệ.");
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var acting = await ActingStaff.ReadAsync(db, staffId, ct).ConfigureAwait(false);
            var app = await db.Applications.AsNoTracking().Where(a => a.Id == applicationId)
                .Select(a => new { a.Code, a.HandlingBranchId, a.AnonymisedAt, a.Applicant.CitizenId, a.Applicant.Phone })
                .FirstOrDefaultAsync(ct).ConfigureAwait(false) ?? throw new DomainException("Không tìm thấy hồ sơ.");
            // Working on it: the branch that handles it now, not the one that once received it.
            acting.Require(StaffAction.RevealPersonalData, app.HandlingBranchId);
            if (app.AnonymisedAt is not null) throw new DomainException("Hồ sơ đã được ẩn danh sau thời hạn lưu trữ: không còn dữ liệu cá nhân.");
            db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow(), AuditScope.Current?.UserName ?? acting.FullName, acting.StaffId, RevealAction,
                nameof(Application), applicationId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{PersonalDataMask.Label(field)} của hồ sơ {app.Code}"));
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return field == PersonalField.CitizenId ? app.CitizenId : app.Phone;
        }
    }
}
