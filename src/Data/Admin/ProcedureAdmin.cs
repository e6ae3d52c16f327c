using System.ComponentModel.DataAnnotations;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Admin;

public sealed class ProcedureForm
{
    public int? Id { get; set; }
    public int Version { get; set; }

    [StringLength(Procedure.NationalCodeMaxLength, ErrorMessage = "Mã thủ tục dài tối đa {1} ký tự.")]
    public string? NationalCode { get; set; }

    [Required(ErrorMessage = "Nhập tên thủ tục.")]
    [StringLength(Procedure.NameMaxLength, ErrorMessage = "Tên thủ tục dài tối đa {1} ký tự.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Chọn lĩnh vực.")]
    public int? FieldId { get; set; }

    public ProcessingUnit ProcessingUnit { get; set; } = ProcessingUnit.WorkingDays;

    [Range(0, 365, ErrorMessage = "Thời hạn giải quyết phải từ 0 đến 365.")]
    public int ProcessingValue { get; set; } = 1;

    [Range(0d, Procedure.MaxFeeVnd, ErrorMessage = "Lệ phí không được âm và tối đa 1.000 tỷ ₫.")]
    public long FeeVnd { get; set; }

    [StringLength(Procedure.FeeNoteMaxLength, ErrorMessage = "Ghi chú lệ phí dài tối đa {1} ký tự.")]
    public string? FeeNote { get; set; }

    [Required(ErrorMessage = "Nhập ít nhất một thành phần hồ sơ (mỗi dòng một giấy tờ).")]
    public string RequiredDocumentsText { get; set; } = "";

    public AuthorityLevel Authority { get; set; } = AuthorityLevel.District;

    [Required(ErrorMessage = "Chọn nhóm dịch vụ.")]
    public int? ServiceGroupId { get; set; }

    public OnlineLevel OnlineLevel { get; set; } = OnlineLevel.Partial;

    public bool IsActive { get; set; } = true;

    public IEnumerable<string> RequiredDocuments() =>
        RequiredDocumentsText.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}

public sealed record ProcedureRow(int Id, string? NationalCode, string Name, string FieldName, int ProcessingValue, ProcessingUnit ProcessingUnit,
    long FeeVnd, string ServiceGroupLetter, int Version, bool IsActive);

public sealed record FieldOption(int Id, string Code, string Name);

/// <summary>Procedures: search (with or without diacritics), load, and save through <see cref="Procedure.Update"/>, which bumps the version.</summary>
public sealed class ProcedureAdmin(IDbContextFactory<WorkbenchDbContext> dbFactory, TimeProvider clock)
{
    private static readonly DomainErrorRouter Routes = new(typeof(ProcedureForm), (nameof(Procedure.RequiredDocuments), nameof(ProcedureForm.RequiredDocumentsText)));

    public async Task<IReadOnlyList<ProcedureRow>> SearchAsync(string? text, int? fieldId, CancellationToken ct = default)
    {
        var key = VietnameseText.Fold(text);
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var q = db.Procedures.AsNoTracking();
        if (fieldId is { } f) q = q.Where(p => p.FieldId == f);
        if (key.Length > 0) q = q.Where(p => p.SearchName.Contains(key) || (p.NationalCode != null && p.NationalCode.Contains(key)));
        return await q.OrderBy(p => p.Field!.Name).ThenBy(p => p.Name)
            .Select(p => new ProcedureRow(p.Id, p.NationalCode, p.Name, p.Field!.Name, p.ProcessingValue, p.ProcessingUnit, p.FeeVnd,
                p.ServiceGroup!.Letter, p.Version, p.IsActive))
            .ToListAsync(ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<FieldOption>> FieldsAsync(CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        return await db.ProcedureFields.AsNoTracking().OrderBy(f => f.Name).Select(f => new FieldOption(f.Id, f.Code, f.Name)).ToListAsync(ct).ConfigureAwait(false);
    }

    public async Task<ProcedureForm?> GetAsync(int id, CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var p = await db.Procedures.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct).ConfigureAwait(false);
        return p is null ? null : new ProcedureForm
        {
            Id = p.Id, Version = p.Version, NationalCode = p.NationalCode, Name = p.Name, FieldId = p.FieldId,
            ProcessingUnit = p.ProcessingUnit, ProcessingValue = p.ProcessingValue, FeeVnd = p.FeeVnd, FeeNote = p.FeeNote,
            RequiredDocumentsText = string.Join('\n', p.RequiredDocuments), Authority = p.Authority,
            ServiceGroupId = p.ServiceGroupId, OnlineLevel = p.OnlineLevel, IsActive = p.IsActive,
        };
    }

    public async Task<SaveResult> SaveAsync(ProcedureForm form, AdminActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(actor);
        var result = new SaveResult();
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);

        Procedure? procedure = null;
        if (form.Id is { } id)
        {
            procedure = await db.Procedures.FirstOrDefaultAsync(p => p.Id == id, ct).ConfigureAwait(false);
            if (procedure is null) return result.AddError("Thủ tục không còn tồn tại.");
            if (procedure.Version != form.Version)
                return result.AddError("Thủ tục vừa được người khác sửa. Hãy tải lại trang rồi sửa lại.");
        }
        if (form.FieldId is not { } fieldId || !await db.ProcedureFields.AnyAsync(f => f.Id == fieldId, ct).ConfigureAwait(false))
            result.AddFieldError(nameof(ProcedureForm.FieldId), "Chọn lĩnh vực.");
        if (form.ServiceGroupId is not { } groupId || !await db.ServiceGroups.AnyAsync(g => g.Id == groupId, ct).ConfigureAwait(false))
            result.AddFieldError(nameof(ProcedureForm.ServiceGroupId), "Chọn nhóm dịch vụ.");
        var nationalCode = form.NationalCode?.Trim();
        if (!string.IsNullOrEmpty(nationalCode) && await db.Procedures.AnyAsync(p => p.NationalCode == nationalCode && p.Id != (form.Id ?? 0), ct).ConfigureAwait(false))
            result.AddFieldError(nameof(ProcedureForm.NationalCode), "Mã thủ tục đã được dùng cho thủ tục khác.");
        if (result.HasErrors) return result;

        string action;
        try
        {
            if (procedure is null)
            {
                procedure = new Procedure(nationalCode, form.Name, form.FieldId!.Value, form.ProcessingValue, form.ProcessingUnit, form.FeeVnd,
                    form.FeeNote, form.RequiredDocuments(), form.Authority, form.ServiceGroupId!.Value, form.OnlineLevel);
                db.Procedures.Add(procedure);
                action = "Tạo thủ tục";
            }
            else
            {
                procedure.Update(nationalCode, form.Name, form.FieldId!.Value, form.ProcessingValue, form.ProcessingUnit, form.FeeVnd,
                    form.FeeNote, form.RequiredDocuments(), form.Authority, form.ServiceGroupId!.Value, form.OnlineLevel);
                action = "Sửa thủ tục";
            }
            procedure.SetActive(form.IsActive);
        }
        catch (DomainException ex)
        {
            Routes.Add(result, ex);
            return result;
        }

        var p = procedure;
        await AuditedSave.SaveAsync(db, clock, actor, action, nameof(Procedure), () => AuditedSave.Id(p.Id),
            $"{p.NationalCode} · {p.Name} · phiên bản {p.Version}", ct).ConfigureAwait(false);
        return SaveResult.Saved(p.Id);
    }
}
