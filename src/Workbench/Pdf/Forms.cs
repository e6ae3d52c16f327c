using static HanoiWorkbench.Workbench.Pdf.AdministrativeLayout;

namespace HanoiWorkbench.Workbench.Pdf;

/// <summary>The forms of Circular 03/2025/TT-VPCP, Annex I, rendered to PDF bytes.</summary>
public static class Forms
{
    private const float KeyWidth = 165f;
    private static readonly PdfTextStyle Emphasis = PdfTextStyle.Body with { Bold = true };

    /// <summary>Form 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả, with a QR code to the public status page.</summary>
    public static byte[] Receipt(ReceiptModel m)
    {
        using var document = Start(m.Issuer, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", $"Mã hồ sơ: {m.ApplicationCode}");
        document.Paragraph($"{m.Issuer.BranchName} đã tiếp nhận hồ sơ của:");
        Applicant(document, m.Applicant);
        document.KeyValue("Nội dung yêu cầu:", m.ProcedureName, KeyWidth);
        document.KeyValue("Địa bàn giải quyết:", m.AreaName, KeyWidth);
        document.KeyValue("Thời hạn giải quyết theo quy định:", m.StatutoryTime, KeyWidth + 40f);
        document.KeyValue("Số lượng hồ sơ:", m.Sets.ToString("00", System.Globalization.CultureInfo.InvariantCulture) + " bộ", KeyWidth);
        document.Space(4f).Paragraph("1. Thành phần hồ sơ nộp gồm:", Emphasis);
        document.Table(new PdfTable(
            [new("STT", 6f, PdfAlign.Center), new("Tên giấy tờ", 56f), new("Hình thức", 22f, PdfAlign.Center), new("Số lượng", 12f, PdfAlign.Center)],
            m.Documents.Select((d, i) => (IReadOnlyList<string>)[Number(i), d.Name, d.Kind, d.Quantity.ToString("00", System.Globalization.CultureInfo.InvariantCulture)]).ToList()));
        var body = PdfTextStyle.Body with { Size = 10.5f };
        var caption = new PdfTextStyle(8.5f, Italic: true, Align: PdfAlign.Center);
        var facts = new List<PdfBlock>
        {
            new PdfTextBlock($"2. Thời gian nhận hồ sơ: {DateTimeText(m.ReceivedAt)}", body),
            new PdfTextBlock($"3. Thời gian trả kết quả: {DateTimeText(m.DueAt)}", body with { Bold = true }),
            new PdfTextBlock($"4. Nơi nhận kết quả: {m.CollectionPlace}", body),
            new PdfTextBlock($"5. Phí, lệ phí: {(m.Fee == 0 ? "Miễn phí, lệ phí" : Vnd(m.Fee))}", body),
        };
        var codes = new List<PdfColumn>();
        if (m.RatingUrl is { } rating)
        {
            codes.Add(new PdfColumn(20f, new PdfImageBlock(QrCodes.Png(m.StatusUrl), 80f, 80f, PdfAlign.Center),
                new PdfTextBlock("Quét mã để tra cứu hồ sơ", caption, 0f)));
            codes.Add(new PdfColumn(20f, new PdfImageBlock(QrCodes.Png(rating), 80f, 80f, PdfAlign.Center),
                new PdfTextBlock("Quét mã để đánh giá", caption, 0f)));
        }
        else
        {
            codes.Add(new PdfColumn(28f, new PdfImageBlock(QrCodes.Png(m.StatusUrl), 96f, 96f, PdfAlign.Center),
                new PdfTextBlock("Quét mã để tra cứu hồ sơ", caption, 0f)));
        }
        document.Columns(8f, [new PdfColumn(100f - codes.Sum(c => c.Weight), facts), .. codes]);
        // The addresses behind the codes, each on a full-width line of its own so that it is never broken: the status look-up,
        // and the citizen's own link to rate this visit, without an account, at any time after today's service.
        document.Paragraph($"6. Tra cứu tình trạng hồ sơ:\n{m.StatusUrl}", body with { Size = 8.5f });
        if (m.RatingUrl is { } link)
            document.Paragraph($"7. Đánh giá mức độ hài lòng (quét mã hoặc mở địa chỉ, không cần tài khoản):\n{link}", body with { Size = 8.5f });
        document.Paragraph("Khi đến nhận kết quả, Ông/Bà mang theo Giấy tiếp nhận này và giấy tờ tùy thân.", PdfTextStyle.Body with { Size = 10f, Italic = true });
        document.Signatures(("NGƯỜI NỘP HỒ SƠ", m.Applicant.FullName), ("NGƯỜI TIẾP NHẬN HỒ SƠ", m.ReceivingOfficer));
        return document.Build();
    }

    /// <summary>Form 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.</summary>
    public static byte[] SupplementRequest(SupplementRequestModel m)
    {
        using var document = Start(m.Issuer, "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", m.ApplicationCode is null ? null : $"Mã hồ sơ: {m.ApplicationCode}");
        Addressee(document, m.Applicant);
        document.Paragraph(m.ApplicationCode is null
            ? $"Ngày {DateText(m.ReceivedAt)}, {m.Issuer.BranchName} nhận được hồ sơ đề nghị giải quyết thủ tục hành chính \"{m.ProcedureName}\" của Ông/Bà."
            : $"Ngày {DateText(m.ReceivedAt)}, {m.Issuer.BranchName} tiếp nhận hồ sơ đề nghị giải quyết thủ tục hành chính \"{m.ProcedureName}\" của Ông/Bà.");
        document.Paragraph("Sau khi xem xét, hồ sơ của Ông/Bà cần được bổ sung, hoàn thiện các nội dung sau:");
        document.Table(new PdfTable(
            [new("STT", 6f, PdfAlign.Center), new("Nội dung cần bổ sung, hoàn thiện", 47f), new("Lý do", 47f)],
            m.Items.Select((item, i) => (IReadOnlyList<string>)[Number(i), item.Document, item.Reason]).ToList()));
        if (m.RepeatReason is { } repeat)
            document.Paragraph($"Lý do phải yêu cầu bổ sung lần nữa: {repeat}");
        if (m.ApplicationCode is null)
            document.Paragraph("Hồ sơ chưa được tiếp nhận. Đề nghị Ông/Bà hoàn thiện hồ sơ theo hướng dẫn trên rồi nộp lại.", PdfTextStyle.Body with { Italic = true });
        else
            document.Paragraph("Thời gian bổ sung, hoàn thiện hồ sơ không tính vào thời gian giải quyết hồ sơ.", PdfTextStyle.Body with { Italic = true });
        document.Paragraph($"Mọi vướng mắc xin liên hệ: {m.ContactOfficer}, số điện thoại {m.ContactPhone}.");
        document.Paragraph("Xin trân trọng cảm ơn Ông/Bà!");
        document.Signatures(("NGƯỜI NỘP HỒ SƠ", m.Applicant.FullName), ("NGƯỜI HƯỚNG DẪN", m.IssuingOfficer));
        return document.Build();
    }

    /// <summary>Form 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ.</summary>
    public static byte[] Refusal(RefusalModel m)
    {
        using var document = Start(m.Issuer, "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", m.ApplicationCode is null ? null : $"Mã hồ sơ: {m.ApplicationCode}");
        Addressee(document, m.Applicant);
        document.Paragraph($"Ngày {DateText(m.SubmittedAt)}, {m.Issuer.BranchName} nhận được hồ sơ đề nghị giải quyết thủ tục hành chính \"{m.ProcedureName}\" của Ông/Bà.");
        document.Paragraph("Qua xem xét, Bộ phận Một cửa từ chối tiếp nhận, giải quyết hồ sơ này với lý do:");
        document.Paragraph(m.Reason, Emphasis, 8f);
        document.Paragraph("Xin thông báo để Ông/Bà được biết và thực hiện./.");
        document.Signatures(("NGƯỜI NỘP HỒ SƠ", m.Applicant.FullName), ("NGƯỜI TIẾP NHẬN HỒ SƠ", m.IssuingOfficer));
        return document.Build();
    }

    /// <summary>Form 04: Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết.</summary>
    public static byte[] ApologyExtension(ApologyExtensionModel m)
    {
        using var document = Start(m.Issuer, "VĂN BẢN XIN LỖI\nVÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT", $"Mã hồ sơ: {m.ApplicationCode}");
        Addressee(document, m.Applicant);
        document.Paragraph($"Ngày {DateText(m.ReceivedAt)}, {m.Issuer.BranchName} tiếp nhận hồ sơ đề nghị giải quyết thủ tục hành chính \"{m.ProcedureName}\" của Ông/Bà. Thời hạn trả kết quả theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả là {DateTimeText(m.OriginalDueAt)}.");
        document.Paragraph("Tuy nhiên, đến nay hồ sơ của Ông/Bà chưa được giải quyết xong. Lý do:");
        document.Paragraph(m.Reason, Emphasis, 8f);
        document.Paragraph($"Sự chậm trễ này đã gây phiền hà, tốn kém chi phí, thời gian của Ông/Bà. {m.Issuer.BranchName} trân trọng xin lỗi Ông/Bà và đề nghị gia hạn thời gian giải quyết hồ sơ.");
        document.KeyValue("Ngày hẹn trả kết quả mới:", DateTimeText(m.NewDueAt), 180f);
        document.Paragraph("Rất mong nhận được sự thông cảm của Ông/Bà./.");
        SignedLetter(document, m.Signer);
        return document.Build();
    }

    /// <summary>Form 05: Thông báo về việc dừng giải quyết hồ sơ.</summary>
    public static byte[] StopNotice(StopNoticeModel m)
    {
        using var document = Start(m.Issuer, "THÔNG BÁO VỀ VIỆC DỪNG GIẢI QUYẾT HỒ SƠ", $"Mã hồ sơ: {m.ApplicationCode}");
        Addressee(document, m.Applicant);
        document.Paragraph($"Ngày {DateText(m.ReceivedAt)}, {m.Issuer.BranchName} tiếp nhận hồ sơ đề nghị giải quyết thủ tục hành chính \"{m.ProcedureName}\" của Ông/Bà.");
        document.Paragraph($"{m.Issuer.BranchName} thông báo dừng giải quyết hồ sơ nêu trên. Lý do:");
        document.Paragraph(m.Reason, Emphasis, 8f);
        document.Paragraph("Xin thông báo để Ông/Bà được biết./.");
        SignedLetter(document, m.Signer);
        return document.Build();
    }

    /// <summary>Form 06: Phiếu kiểm soát quá trình giải quyết hồ sơ, one row per hand-off.</summary>
    public static byte[] ProcessControl(ProcessControlModel m)
    {
        using var document = Start(m.Issuer, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", $"Mã hồ sơ: {m.ApplicationCode}");
        document.KeyValue("Tên người nộp hồ sơ:", m.Applicant.FullName, KeyWidth);
        document.KeyValue("Thủ tục hành chính:", m.ProcedureName, KeyWidth);
        document.KeyValue("Ngày tiếp nhận:", DateTimeText(m.ReceivedAt), KeyWidth);
        document.KeyValue("Ngày hẹn trả kết quả:", DateTimeText(m.DueAt), KeyWidth);
        document.Space(6f);
        document.Table(new PdfTable(
            [
                new("STT", 6f, PdfAlign.Center), new("Bên giao", 17f), new("Bên nhận", 17f), new("Thời gian giao, nhận", 14f, PdfAlign.Center),
                new("Kết quả giải quyết", 18f), new("Tiến độ", 13f, PdfAlign.Center), new("Ghi chú", 16f),
            ],
            m.Steps.Select((s, i) => (IReadOnlyList<string>)[Number(i), s.From, s.To, DateTimeText(s.HandedOverAt), s.Result, Label(s.Timeliness), s.Note ?? ""]).ToList())
        {
            FontSize = 9f,
        });
        return document.Build();
    }

    /// <summary>Form 07: Sổ theo dõi hồ sơ, on landscape pages with the header row repeated.</summary>
    public static byte[] TrackingBook(TrackingBookModel m)
    {
        using var document = new PdfDocumentBuilder(PdfOrientation.Landscape, new PdfMargins(43f, 36f, 36f, 30f), "Sổ theo dõi hồ sơ");
        document.Footnote = m.Issuer.Export?.Text;
        document.NationalHeader(m.Issuer.BranchName, m.Issuer.IssuedOn, m.Issuer.DocumentNumber, m.Issuer.Place);
        document.Title("SỔ THEO DÕI HỒ SƠ", $"Từ ngày {m.PeriodStart:dd/MM/yyyy} đến ngày {m.PeriodEnd:dd/MM/yyyy}");
        document.Table(new PdfTable(TrackingBookColumns.Select((name, i) => new PdfTableColumn(name, TrackingBookWeights[i], i is 0 or 4 or 5 or 6 ? PdfAlign.Center : PdfAlign.Left)).ToList(),
            m.Entries.Select((e, i) => TrackingBookCells(i, e)).ToList())
        {
            FontSize = 8f,
            Padding = 2.5f,
        });
        return document.Build();
    }

    public static string Label(this StepTimeliness timeliness) => timeliness switch
    {
        StepTimeliness.Early => "Trước hạn",
        StepTimeliness.OnTime => "Đúng hạn",
        StepTimeliness.Late => "Quá hạn",
        _ => throw new ArgumentOutOfRangeException(nameof(timeliness), timeliness, null),
    };

    internal static readonly string[] TrackingBookColumns =
        ["STT", "Mã hồ sơ", "Người nộp", "Thủ tục hành chính", "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày hoàn thành / trả kết quả", "Trạng thái", "Ghi chú"];

    private static readonly float[] TrackingBookWeights = [4f, 18f, 12f, 17f, 9f, 9f, 12f, 9f, 10f];

    internal static IReadOnlyList<string> TrackingBookCells(int index, TrackingBookEntry e) =>
    [
        (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        e.ApplicationCode,
        e.ApplicantName,
        e.ProcedureName,
        DateTimeText(e.ReceivedAt),
        DateTimeText(e.DueAt),
        CompletedAndReturned(e),
        e.Status,
        e.Note ?? "",
    ];

    internal static string CompletedAndReturned(TrackingBookEntry e) =>
        string.Join(" / ", new[] { e.CompletedAt, e.ReturnedAt }.Select(t => t is { } value ? DateTimeText(value) : "-"));

    private static PdfDocumentBuilder Start(DocumentIssuer issuer, string title, string? subtitle)
    {
        var document = new PdfDocumentBuilder(title: title) { Footnote = issuer.Export?.Text };
        document.NationalHeader(issuer.BranchName, issuer.IssuedOn, issuer.DocumentNumber, issuer.Place);
        document.Title(title, subtitle);
        return document;
    }

    private static void Applicant(PdfDocumentBuilder document, ApplicantDetails applicant)
    {
        document.KeyValue("Ông/Bà:", applicant.FullName, KeyWidth);
        document.KeyValue("Số định danh cá nhân:", applicant.CitizenId ?? "", KeyWidth);
        document.KeyValue("Số điện thoại:", applicant.Phone ?? "", KeyWidth);
        document.KeyValue("Địa chỉ:", applicant.Address ?? "", KeyWidth, PdfTextStyle.Body);
    }

    private static void Addressee(PdfDocumentBuilder document, ApplicantDetails applicant)
    {
        document.Paragraph($"Kính gửi: Ông/Bà {applicant.FullName}", Emphasis with { Align = PdfAlign.Center }, 2f);
        var details = string.Join("; ", new[]
        {
            applicant.CitizenId is null ? null : $"Số định danh cá nhân: {applicant.CitizenId}",
            applicant.Address is null ? null : $"Địa chỉ: {applicant.Address}",
        }.OfType<string>());
        document.Paragraph(details, PdfTextStyle.Body with { Size = 10f, Align = PdfAlign.Center }, 10f);
    }

    private static void SignedLetter(PdfDocumentBuilder document, Signer signer)
    {
        var note = new PdfTextStyle(9.5f);
        document.Space(6f).Columns(
            8f,
            new PdfColumn(
                45f,
                new PdfTextBlock("Nơi nhận:", note with { Bold = true, Italic = false }, 0f),
                new PdfTextBlock("- Như trên;\n- Lưu: VT.", note)),
            new PdfColumn(
                55f,
                new PdfTextBlock(signer.Title.ToUpperInvariant(), new PdfTextStyle(11f, Bold: true, Align: PdfAlign.Center), 0f),
                new PdfTextBlock("(Ký, ghi rõ họ tên và đóng dấu)", new PdfTextStyle(10f, Italic: true, Align: PdfAlign.Center), 0f),
                new PdfSpaceBlock(58f),
                new PdfTextBlock(signer.Name, new PdfTextStyle(11f, Bold: true, Align: PdfAlign.Center), 0f)));
    }

    private static string Number(int index) => (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
