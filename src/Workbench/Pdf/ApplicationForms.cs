using HanoiWorkbench.Core.Calendar;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Reception;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Core.Text;
using HanoiWorkbench.Data.Applications;
using HanoiWorkbench.Data.Audit;

namespace HanoiWorkbench.Workbench.Pdf;

/// <summary>Maps the application read model onto the form records of the PDF module (Hanoi wall-clock times).</summary>
public static class ApplicationForms
{
    private const string Hotline = "1022";

    /// <summary>The form's PDF, or null when the application has no such document (e.g. a refusal slip of an accepted one).</summary>
    /// <param name="branchHead">The handling branch's head, who signs Forms 4 and 5 (not the officer printing them).</param>
    public static byte[]? Render(string form, ApplicationDetail d, string officer, string? branchHead, string statusUrl, DateOnly today, ExportStamp? export = null, string? ratingUrl = null)
    {
        ArgumentNullException.ThrowIfNull(d);
        var issuer = new DocumentIssuer(d.ReceivingBranchName, today, Export: export);
        // The receipt is dated the day it was received, however late it is reprinted.
        var receiptIssuer = d.ReceivedAt is { } at ? issuer with { IssuedOn = DateOnly.FromDateTime(Local(at)) } : issuer;
        var applicant = new ApplicantDetails(d.Applicant.FullName, d.Applicant.CitizenId, d.Applicant.Phone, d.Applicant.Address);
        var received = Local(d.ReceivedAt ?? d.SubmittedAt);
        switch (form)
        {
            case "receipt" when d.ReceivedAt is not null && d.DueAt is not null:
                return Forms.Receipt(new ReceiptModel(receiptIssuer, d.Code, applicant, d.ProcedureName, d.AreaName,
                    d.Documents.Select(x => new ReceivedDocument(x.Name, "Bản giấy", x.Count)).ToList(),
                    received, Local(d.OriginalDueAt ?? d.DueAt.Value), $"{d.ReceivingBranchName}, {d.ReceivingBranchAddress}",
                    d.ReceivedByName ?? officer, d.FeeVnd, statusUrl, VietnameseWording.ProcessingTime(d.ProcessingValue, d.ProcessingUnit), RatingUrl: ratingUrl));
            case "supplement" when LastStep(d, ApplicationAction.RequestSupplement) is { } step && d.Pauses.LastOrDefault(p => p.Kind == PauseKind.Supplement) is { } pause:
                return Forms.SupplementRequest(new SupplementRequestModel(issuer, d.Code, applicant, d.ProcedureName, received,
                    [SupplementItem(pause)], step.StaffName ?? officer, Hotline, step.StaffName ?? officer, pause.RepeatReason));
            case "refusal" when LastStep(d, ApplicationAction.Refuse) is { } step:
                return Forms.Refusal(new RefusalModel(issuer, d.Code, applicant, d.ProcedureName, Local(d.SubmittedAt), step.Note ?? "", step.StaffName ?? officer));
            case "apology" when d.OriginalDueAt is not null && d.DueAt is not null:
                return Forms.ApologyExtension(new ApologyExtensionModel(issuer, d.Code, applicant, d.ProcedureName, received,
                    Local(d.OriginalDueAt.Value), Local(d.DueAt.Value), d.ExtensionReason ?? "", BranchHeadSigner(d, branchHead)));
            case "stop" when LastStep(d, ApplicationAction.Stop) is { } step:
                return Forms.StopNotice(new StopNoticeModel(issuer, d.Code, applicant, d.ProcedureName, received, step.Note ?? "",
                    BranchHeadSigner(d, branchHead)));
            case "control" when d.ReceivedAt is not null && d.DueAt is not null:
                return Forms.ProcessControl(new ProcessControlModel(issuer, d.Code, applicant, d.ProcedureName, received,
                    Local(d.DueAt.Value), HandOffs(d)));
            default:
                return null;
        }
    }

    /// <summary>
    /// A decision at the counter as its form: guidance as Form 2 (each lacking document with the reason), a refusal as Form 3.
    /// Neither has a code: nothing was received.
    /// </summary>
    public static byte[] RenderDecision(ReceptionDecisionDetail d, ExportStamp? export = null)
    {
        ArgumentNullException.ThrowIfNull(d);
        var issuer = new DocumentIssuer(d.BranchName, DateOnly.FromDateTime(Local(d.At)), Export: export);
        var applicant = new ApplicantDetails(d.FullName, d.CitizenId, d.Phone, d.Address);
        return d.Kind == ReceptionDecisionKind.Guidance
            ? Forms.SupplementRequest(new SupplementRequestModel(issuer, null, applicant, d.ProcedureName, Local(d.At),
                d.Missing.Select(m => new MissingItem(m, d.Reason)).ToList(), d.StaffName, Hotline, d.StaffName))
            : Forms.Refusal(new RefusalModel(issuer, null, applicant, d.ProcedureName, Local(d.At),
                d.Missing.Count == 0 ? d.Reason : $"{d.Reason}\nGiấy tờ còn thiếu: {string.Join("; ", d.Missing)}.", d.StaffName));
    }

    /// <summary>Form 6 rows: each step handed from the previous holder to this one, marked against the promised due date.</summary>
    public static IReadOnlyList<HandOff> HandOffs(ApplicationDetail d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var rows = new List<HandOff>();
        string? previous = null;
        foreach (var s in d.Steps)
        {
            var holder = Holder(s);
            rows.Add(new HandOff(previous ?? "Công dân", holder, Local(s.At), ApplicationLifecycle.StatusLabel(s.To),
                Timeliness(d, s.At), s.Note));
            previous = holder;
        }
        return rows;
    }

    public static StepTimeliness Timeliness(ApplicationDetail d, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(d);
        var due = d.OriginalDueAt ?? d.DueAt;
        if (due is null) return StepTimeliness.OnTime;
        // An extension still counts as late: steps after the first promise are late even if before the new date.
        return DueDateRules.Classify(at, due.Value) switch
        {
            TimelinessKind.Early => StepTimeliness.Early,
            TimelinessKind.OnTime => StepTimeliness.OnTime,
            _ => StepTimeliness.Late,
        };
    }

    /// <summary>Form 2's row: what is missing and why, as the clerk gave them (a pause recorded before they were kept apart has only the text).</summary>
    public static MissingItem SupplementItem(PauseView pause)
    {
        ArgumentNullException.ThrowIfNull(pause);
        return pause.Missing is { } missing ? new MissingItem(missing, pause.Reason) : new MissingItem(pause.Reason, "Theo quy định của thủ tục");
    }

    private static string Holder(StepView s) => s.StaffName is null ? s.BranchName : $"{s.StaffName} ({s.BranchName})";

    private static StepView? LastStep(ApplicationDetail d, ApplicationAction action) => d.Steps.LastOrDefault(s => s.Action == action);

    /// <summary>Circular 03/2025 has the handling agency's head sign the apology and the stop notice, for the agency.</summary>
    private static Signer BranchHeadSigner(ApplicationDetail d, string? head) => new($"Giám đốc {d.HandlingBranchName}", head ?? "");

    private static DateTime Local(DateTimeOffset at) => WorkingHours.ToVietnam(at).DateTime;
}
