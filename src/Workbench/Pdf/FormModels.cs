namespace HanoiWorkbench.Workbench.Pdf;

// Plain data for the forms of Circular 03/2025/TT-VPCP, Annex I. The web app maps its domain
// and persistence types onto these, so rendering never reaches into EF or the database.
// Times are local Hanoi wall-clock times, printed as given.

/// <summary>Who issues the document and when: the branch line of the national header.</summary>
public sealed record DocumentIssuer(string BranchName, DateOnly IssuedOn, string? DocumentNumber = null, string Place = "Hà Nội",
    ExportStamp? Export = null);

/// <summary>Who exported a document with personal data and when (Hanoi time), printed in the footer of every page.</summary>
public sealed record ExportStamp(string By, DateTime At)
{
    public string Text => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Xuất bởi {By} lúc {At:dd/MM/yyyy HH:mm}");
}

public sealed record ApplicantDetails(string FullName, string? CitizenId = null, string? Phone = null, string? Address = null);

/// <summary>A document handed over at the counter: its name, form (bản chính, bản sao…) and count.</summary>
public sealed record ReceivedDocument(string Name, string Kind, int Quantity);

/// <summary>Form 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả.</summary>
public sealed record ReceiptModel(
    DocumentIssuer Issuer,
    string ApplicationCode,
    ApplicantDetails Applicant,
    string ProcedureName,
    string AreaName,
    IReadOnlyList<ReceivedDocument> Documents,
    DateTime ReceivedAt,
    DateTime DueAt,
    string CollectionPlace,
    string ReceivingOfficer,
    decimal Fee,
    string StatusUrl,
    string StatutoryTime,
    int Sets = 1,
    string? RatingUrl = null);

/// <summary>One thing the applicant must add or correct, and why.</summary>
public sealed record MissingItem(string Document, string Reason);

/// <summary>
/// Form 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. Guidance given at the counter instead of receiving has no code
/// (<see cref="ApplicationCode"/> null): nothing was received. <see cref="RepeatReason"/>: why a second request was needed.
/// </summary>
public sealed record SupplementRequestModel(
    DocumentIssuer Issuer,
    string? ApplicationCode,
    ApplicantDetails Applicant,
    string ProcedureName,
    DateTime ReceivedAt,
    IReadOnlyList<MissingItem> Items,
    string ContactOfficer,
    string ContactPhone,
    string IssuingOfficer,
    string? RepeatReason = null);

/// <summary>Form 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ. A refused application may have no code.</summary>
public sealed record RefusalModel(
    DocumentIssuer Issuer,
    string? ApplicationCode,
    ApplicantDetails Applicant,
    string ProcedureName,
    DateTime SubmittedAt,
    string Reason,
    string IssuingOfficer);

/// <summary>The official who signs a letter on the agency's behalf.</summary>
public sealed record Signer(string Title, string Name);

/// <summary>Form 04: Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết.</summary>
public sealed record ApologyExtensionModel(
    DocumentIssuer Issuer,
    string ApplicationCode,
    ApplicantDetails Applicant,
    string ProcedureName,
    DateTime ReceivedAt,
    DateTime OriginalDueAt,
    DateTime NewDueAt,
    string Reason,
    Signer Signer);

/// <summary>Form 05: Thông báo về việc dừng giải quyết hồ sơ.</summary>
public sealed record StopNoticeModel(
    DocumentIssuer Issuer,
    string ApplicationCode,
    ApplicantDetails Applicant,
    string ProcedureName,
    DateTime ReceivedAt,
    string Reason,
    Signer Signer);

/// <summary>How a step finished against its own deadline.</summary>
public enum StepTimeliness { Early, OnTime, Late }

/// <summary>One hand-off of the file between officers or agencies.</summary>
public sealed record HandOff(string From, string To, DateTime HandedOverAt, string Result, StepTimeliness Timeliness, string? Note = null);

/// <summary>Form 06: Phiếu kiểm soát quá trình giải quyết hồ sơ.</summary>
public sealed record ProcessControlModel(
    DocumentIssuer Issuer,
    string ApplicationCode,
    ApplicantDetails Applicant,
    string ProcedureName,
    DateTime ReceivedAt,
    DateTime DueAt,
    IReadOnlyList<HandOff> Steps);

/// <summary>One line of the tracking book.</summary>
public sealed record TrackingBookEntry(
    string ApplicationCode,
    string ApplicantName,
    string ProcedureName,
    DateTime ReceivedAt,
    DateTime DueAt,
    DateTime? CompletedAt,
    DateTime? ReturnedAt,
    string Status,
    string? Note = null);

/// <summary>Form 07: Sổ theo dõi hồ sơ for a period; entries are numbered in the order given.</summary>
public sealed record TrackingBookModel(
    DocumentIssuer Issuer,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    IReadOnlyList<TrackingBookEntry> Entries);
