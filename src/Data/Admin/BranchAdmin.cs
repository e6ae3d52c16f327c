using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Admin;

/// <summary>Branches and reception points: list, load, and save through the <see cref="Branch"/> entity's own rules.</summary>
public sealed class BranchAdmin(IDbContextFactory<WorkbenchDbContext> dbFactory, TimeProvider clock)
{
    private static readonly DomainErrorRouter Routes = new(typeof(BranchForm));

    /// <summary>All branches, those matching <paramref name="search"/> (code, name, agency id or address; with or without diacritics).</summary>
    public async Task<IReadOnlyList<BranchRow>> ListAsync(string? search = null, CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var all = await db.Branches.AsNoTracking().OrderBy(b => b.Code)
            .Select(b => new { b.Id, b.Code, b.Name, b.AgencyId, b.Address, b.OpensAt, b.ClosesAt, b.IsActive, b.ParentBranchId })
            .ToListAsync(ct).ConfigureAwait(false);
        var names = all.ToDictionary(b => b.Id, b => b.Name);
        var key = VietnameseText.Fold(search);
        return all
            .Where(b => key.Length == 0 || VietnameseText.Fold($"{b.Code} {b.Name} {b.AgencyId} {b.Address}").Contains(key, StringComparison.Ordinal))
            .Select(b => new BranchRow(b.Id, b.Code, b.Name, b.AgencyId, b.Address, b.OpensAt, b.ClosesAt, b.IsActive,
                b.ParentBranchId is { } p ? names.GetValueOrDefault(p) : null))
            .ToList();
    }

    public async Task<IReadOnlyList<BranchOption>> OptionsAsync(CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        return await db.Branches.AsNoTracking().OrderBy(b => b.Code)
            .Select(b => new BranchOption(b.Id, b.Code, b.Name, b.ParentBranchId, b.IsActive)).ToListAsync(ct).ConfigureAwait(false);
    }

    public async Task<BranchForm?> GetAsync(int id, CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var b = await db.Branches.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct).ConfigureAwait(false);
        return b is null ? null : new BranchForm
        {
            Id = b.Id, Code = b.Code, Name = b.Name, AgencyId = b.AgencyId, Address = b.Address,
            Latitude = b.Latitude, Longitude = b.Longitude, OpensAt = b.OpensAt.ToTimeSpan(), ClosesAt = b.ClosesAt.ToTimeSpan(),
            ParentBranchId = b.ParentBranchId, IsActive = b.IsActive,
        };
    }

    /// <summary>Creates or updates the branch; nothing is written unless every check passes.</summary>
    public async Task<SaveResult> SaveAsync(BranchForm form, AdminActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(actor);
        var result = new SaveResult();
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);

        Branch? branch = null;
        if (form.Id is { } id)
        {
            branch = await db.Branches.FirstOrDefaultAsync(b => b.Id == id, ct).ConfigureAwait(false);
            if (branch is null) return result.AddError("Chi nhánh không còn tồn tại.");
        }

        // As the entity will store them (NFC), so that the duplicate checks compare what the unique indexes compare.
        var code = TextRules.Normalize(form.Code) ?? "";
        var agency = TextRules.Normalize(form.AgencyId) ?? "";
        if (branch is null && await db.Branches.AnyAsync(b => b.Code == code, ct).ConfigureAwait(false))
            result.AddFieldError(nameof(BranchForm.Code), "Mã chi nhánh đã được dùng cho chi nhánh khác.");
        if (await db.Branches.AnyAsync(b => b.AgencyId == agency && b.Id != (form.Id ?? 0), ct).ConfigureAwait(false))
            result.AddFieldError(nameof(BranchForm.AgencyId), "Mã cơ quan tiếp nhận đã được dùng cho chi nhánh khác.");
        if (form.ParentBranchId is { } parentId)
        {
            var parent = await db.Branches.AsNoTracking().Where(b => b.Id == parentId).Select(b => new { b.ParentBranchId }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (parent is null)
                result.AddFieldError(nameof(BranchForm.ParentBranchId), "Chi nhánh chính không tồn tại.");
            else if (parent.ParentBranchId is not null)
                result.AddFieldError(nameof(BranchForm.ParentBranchId), "Chỉ chọn được chi nhánh chính (không phải điểm tiếp nhận).");
            else if (form.Id is { } self && await db.Branches.AnyAsync(b => b.ParentBranchId == self, ct).ConfigureAwait(false))
                result.AddFieldError(nameof(BranchForm.ParentBranchId), "Chi nhánh đang có điểm tiếp nhận trực thuộc nên không thể trực thuộc chi nhánh khác.");
        }
        if (form.Latitude is null || form.Longitude is null || form.OpensAt is null || form.ClosesAt is null)
            result.AddError("Vui lòng nhập đủ vị trí và giờ làm việc.");
        if (form.OpensAt is { } o && (o < TimeSpan.Zero || o >= TimeSpan.FromDays(1)))
            result.AddFieldError(nameof(BranchForm.OpensAt), "Giờ mở cửa phải trong ngày (00:00–23:59).");
        if (form.ClosesAt is { } c && (c < TimeSpan.Zero || c >= TimeSpan.FromDays(1)))
            result.AddFieldError(nameof(BranchForm.ClosesAt), "Giờ đóng cửa phải trong ngày (00:00–23:59).");
        if (result.HasErrors) return result;

        var opens = TimeOnly.FromTimeSpan(form.OpensAt!.Value);
        var closes = TimeOnly.FromTimeSpan(form.ClosesAt!.Value);
        string action;
        try
        {
            if (branch is null)
            {
                branch = new Branch(code, form.Name, agency, form.Address, form.Latitude!.Value, form.Longitude!.Value, opens, closes,
                    parentBranchId: form.ParentBranchId);
                db.Branches.Add(branch);
                action = "Tạo chi nhánh";
            }
            else
            {
                branch.Update(form.Name, agency, form.Address, form.Latitude!.Value, form.Longitude!.Value, opens, closes);
                branch.SetParent(form.ParentBranchId);
                action = "Sửa chi nhánh";
            }
            branch.SetActive(form.IsActive);
        }
        catch (DomainException ex)
        {
            Routes.Add(result, ex);
            return result;
        }

        try
        {
            await AuditedSave.SaveAsync(db, clock, actor, action, nameof(Branch), () => AuditedSave.Id(branch.Id),
                $"{branch.Code} · {branch.Name} · {branch.AgencyId} · {(branch.IsActive ? "hoạt động" : "ngừng hoạt động")}", ct).ConfigureAwait(false);
        }
        catch (DbUpdateException) when (!ct.IsCancellationRequested)
        {
            // Another administrator saved the same code or agency id between the check and this save (the unique indexes).
            return result.AddError("Mã chi nhánh hoặc mã cơ quan tiếp nhận vừa được dùng cho chi nhánh khác. Không có gì được lưu; hãy kiểm tra lại.");
        }
        return SaveResult.Saved(branch.Id);
    }
}
