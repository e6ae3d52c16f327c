using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Core.Text;

namespace HanoiWorkbench.Core.Reception;

/// <summary>
/// What the officer sends instead of receiving: guidance (Form 2) or a refusal (Form 3), for the procedure and the person the
/// reception form names, with what is lacking and why.
/// </summary>
public sealed record ReceptionDecisionRequest(
    ReceptionDecisionKind Kind,
    int? ProcedureId,
    int? AreaId,
    string? FullName,
    string? CitizenId,
    int? BirthYear,
    bool? IsMale,
    string? Phone,
    string? Address,
    IReadOnlyList<string> Missing,
    string? Reason,
    Guid? Token = null)
{
    /// <summary>The decision on what the reception form holds: its procedure, area and person.</summary>
    public static ReceptionDecisionRequest From(ReceptionRequest form, ReceptionDecisionKind kind, IReadOnlyList<string> missing, string? reason, Guid? token = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new(kind, form.ProcedureId, form.AreaId, form.FullName, form.CitizenId, form.BirthYear, form.IsMale, form.Phone, form.Address,
            missing, reason, token);
    }
}

/// <summary>The decision's own fields, beside those of <see cref="ReceptionFields"/>.</summary>
public static class ReceptionDecisionFields
{
    public const string Missing = nameof(Missing);
    public const string Reason = nameof(Reason);
}

/// <summary>
/// The checks of a decision at the counter, as one pure function (the dialog calls it as the clerk types, the service again
/// before saving), and the reception check's warning of what the checklist leaves unticked.
/// </summary>
public static class ReceptionDecisionRules
{
    public const string NothingMissing = "Nêu ít nhất một giấy tờ, nội dung cần bổ sung, hoàn thiện.";

    public static readonly ActionText GuidanceReason = new(ActionTextKind.Reason, "Lý do cần bổ sung, hoàn thiện", true, Application.NoteMaxLength);
    public static readonly ActionText RefusalReason = ActionInputs.RefusalReason;

    public static ActionText ReasonFor(ReceptionDecisionKind kind) => kind == ReceptionDecisionKind.Guidance ? GuidanceReason : RefusalReason;

    /// <summary>The form's title as printed (Circular 03/2025, Annex I).</summary>
    public static string Title(ReceptionDecisionKind kind) => kind == ReceptionDecisionKind.Guidance
        ? "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ" : "Phiếu từ chối tiếp nhận giải quyết hồ sơ";

    /// <summary>
    /// The procedure's documents the checklist leaves unticked, in the checklist's order: the reception check warns of them, and
    /// they are what the guidance (Form 2) lists by default. Empty when no procedure is chosen.
    /// </summary>
    public static IReadOnlyList<string> Unticked(IReadOnlyList<DocumentTick> documents, ProcedureChoice? procedure)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (procedure is null) return [];
        var ticked = documents.Where(d => d.Ticked).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        return procedure.RequiredDocuments.Where(d => !ticked.Contains(d)).ToList();
    }

    /// <summary>The reception check's warning, or null when every required document is ticked.</summary>
    public static string? MissingWarning(IReadOnlyList<string> unticked)
    {
        ArgumentNullException.ThrowIfNull(unticked);
        return unticked.Count == 0 ? null
            : $"Còn {unticked.Count} giấy tờ bắt buộc chưa nhận: {string.Join("; ", unticked)}. Nên lập Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02) thay vì tiếp nhận.";
    }

    /// <param name="procedure">The chosen procedure if it exists and is active, else null.</param>
    /// <param name="areaIsActive">Whether the chosen area, if any, exists and is active (a decision may name none).</param>
    public static Dictionary<string, string> Validate(ReceptionDecisionRequest request, ProcedureChoice? procedure, bool areaIsActive, int currentYear)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string>();
        if (!Enum.IsDefined(request.Kind)) errors[ReceptionFields.Application] = "Quyết định tiếp nhận không hợp lệ.";
        if (request.ProcedureId is null) errors[ReceptionFields.Procedure] = "Chọn thủ tục hành chính.";
        else if (procedure is null) errors[ReceptionFields.Procedure] = "Thủ tục không tồn tại hoặc đã ngừng áp dụng.";
        if (request.AreaId is not null && !areaIsActive) errors[ReceptionFields.Area] = "Địa bàn không tồn tại hoặc đã ngừng hoạt động.";

        ReceptionRules.CheckPerson(errors, request.FullName, request.CitizenId, request.BirthYear, request.IsMale, currentYear);

        // The forms are handed over at the counter: a phone and an address help, but a refusal does not wait for them.
        if (!string.IsNullOrWhiteSpace(request.Phone) && PhoneRules.Validate(request.Phone) is { IsValid: false } phone)
            errors[ReceptionFields.Phone] = phone.Message;
        if (TextRules.CheckName(request.Address, "Địa chỉ", Applicant.AddressMaxLength, required: false).Problem is { } addressProblem)
            errors[ReceptionFields.Address] = addressProblem;

        var missing = request.Missing ?? [];
        if (missing.Select(m => TextRules.CheckName(m, "Giấy tờ, nội dung còn thiếu", ReceivedDocument.NameMaxLength).Problem).FirstOrDefault(p => p is not null) is { } itemProblem)
            errors[ReceptionDecisionFields.Missing] = itemProblem;
        else if (request.Kind == ReceptionDecisionKind.Guidance && missing.Count == 0)
            errors[ReceptionDecisionFields.Missing] = NothingMissing;
        else if (missing.Count > ReceptionDecision.MaxMissing)
            errors[ReceptionDecisionFields.Missing] = $"Tối đa {ReceptionDecision.MaxMissing} giấy tờ, nội dung còn thiếu.";

        if (ReasonFor(request.Kind).Check(request.Reason).Problem is { } reasonProblem) errors[ReceptionDecisionFields.Reason] = reasonProblem;
        return errors;
    }
}
