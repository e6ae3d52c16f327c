using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Core.Text;

namespace HanoiWorkbench.Core.Reception;

/// <summary>
/// The checks of the reception form as one pure function: the form calls it as the clerk types, the service calls it
/// again on the server before anything is saved. Messages are Vietnamese, one per field.
/// </summary>
public static class ReceptionRules
{
    /// <param name="procedure">The chosen procedure if it exists and is active, else null.</param>
    /// <param name="areaIsActive">Whether the chosen area exists and is active.</param>
    public static Dictionary<string, string> Validate(ReceptionRequest request, ProcedureChoice? procedure, bool areaIsActive, int currentYear)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string>();
        if (request.ProcedureId is null) errors[ReceptionFields.Procedure] = "Chọn thủ tục hành chính.";
        else if (procedure is null) errors[ReceptionFields.Procedure] = "Thủ tục không tồn tại hoặc đã ngừng áp dụng.";

        if (request.AreaId is null) errors[ReceptionFields.Area] = "Chọn địa bàn giải quyết.";
        else if (!areaIsActive) errors[ReceptionFields.Area] = "Địa bàn không tồn tại hoặc đã ngừng hoạt động.";

        CheckPerson(errors, request.FullName, request.CitizenId, request.BirthYear, request.IsMale, currentYear);

        var phone = PhoneRules.Validate(request.Phone);
        if (!phone.IsValid) errors[ReceptionFields.Phone] = phone.Message;

        if (TextRules.CheckName(request.Address, "Địa chỉ", Applicant.AddressMaxLength).Problem is { } addressProblem)
            errors[ReceptionFields.Address] = addressProblem;

        if (DocumentsError(request.Documents, procedure) is { } documents) errors[ReceptionFields.Documents] = documents;
        return errors;
    }

    /// <summary>The person's name, birth year and ID number, as every form of the counter checks them (reception, Forms 2 and 3).</summary>
    internal static void CheckPerson(Dictionary<string, string> errors, string? fullName, string? citizenId, int? birthYear, bool? isMale, int currentYear)
    {
        var (name, nameProblem) = TextRules.CheckName(fullName, "Họ và tên", Applicant.FullNameMaxLength);
        if (nameProblem is not null) errors[ReceptionFields.FullName] = nameProblem;
        else if (name!.Any(char.IsDigit)) errors[ReceptionFields.FullName] = "Họ và tên không được chứa chữ số.";

        if (birthYear is { } year && (year < 1900 || year > currentYear))
            errors[ReceptionFields.BirthYear] = $"Năm sinh phải từ 1900 đến {currentYear}.";
        var id = CitizenIdRules.Validate(citizenId, new DateOnly(currentYear, 1, 1),
            errors.ContainsKey(ReceptionFields.BirthYear) ? null : birthYear, isMale);
        if (!id.IsValid) errors[ReceptionFields.CitizenId] = id.Message;
    }

    /// <summary>The checklist's check, shared by the counter form and the check of an online submission; null when fine.</summary>
    public static string? DocumentsError(IReadOnlyList<DocumentTick> documents, ProcedureChoice? procedure)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var ticked = documents.Where(d => d.Ticked).ToList();
        if (ticked.Count == 0) return "Đánh dấu ít nhất một giấy tờ đã nhận.";
        if (ticked.Any(d => d.Count < 1 || d.Count > 99)) return "Số lượng mỗi giấy tờ đã nhận phải từ 1 đến 99.";
        if (procedure is not null && ticked.Any(d => !procedure.RequiredDocuments.Contains(d.Name)))
            return "Giấy tờ không thuộc danh mục thành phần hồ sơ của thủ tục.";
        return null;
    }
}
