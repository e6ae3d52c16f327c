using System.Globalization;
using HanoiWorkbench.Core.Text;

namespace HanoiWorkbench.Workbench.Pdf;

/// <summary>The parts every administrative document shares (Decree 30/2020/ND-CP layout).</summary>
public static class AdministrativeLayout
{
    public const string CenterName = "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG\nTHÀNH PHỐ HÀ NỘI";
    public const string NationalName = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string NationalMotto = "Độc lập - Tự do - Hạnh phúc";

    private static readonly NumberFormatInfo VndFormat = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };

    /// <summary>Left: the center and the branch; right: the national name and motto; then number and place/date.</summary>
    public static PdfDocumentBuilder NationalHeader(this PdfDocumentBuilder document, string branchName, DateOnly issuedOn, string? documentNumber = null, string place = "Hà Nội")
    {
        var small = new PdfTextStyle(10.5f, Align: PdfAlign.Center);
        document.Columns(
            6f,
            new PdfColumn(
                46f,
                new PdfTextBlock(CenterName, small with { Size = 9.5f }, 1f),
                new PdfTextBlock(branchName.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), small with { Bold = true }, 3f),
                new PdfRuleBlock(0.35f)),
            new PdfColumn(
                54f,
                new PdfTextBlock(NationalName, small with { Bold = true }, 1f),
                new PdfTextBlock(NationalMotto, small with { Size = 11.5f, Bold = true, Underline = true })));
        return document.Columns(
            14f,
            new PdfColumn(46f, new PdfTextBlock(documentNumber is null ? "" : $"Số: {documentNumber}", small)),
            new PdfColumn(54f, new PdfTextBlock(PlaceAndDate(place, issuedOn), small with { Size = 11f, Italic = true })));
    }

    public static PdfDocumentBuilder Title(this PdfDocumentBuilder document, string title, string? subtitle = null)
    {
        document.Paragraph(title, new PdfTextStyle(13.5f, Bold: true, Align: PdfAlign.Center), subtitle is null ? 12f : 2f);
        if (subtitle is not null)
        {
            document.Paragraph(subtitle, new PdfTextStyle(11f, Italic: true, Align: PdfAlign.Center), 12f);
        }
        return document;
    }

    /// <summary>Signature blocks side by side: a role in capitals, "(Ký và ghi rõ họ tên)", room to sign, then the name.</summary>
    public static PdfDocumentBuilder Signatures(this PdfDocumentBuilder document, params (string Role, string Name)[] signers)
    {
        var columns = signers.Select(s => new PdfColumn(
            1f,
            new PdfTextBlock(s.Role, new PdfTextStyle(11f, Bold: true, Align: PdfAlign.Center), 0f),
            new PdfTextBlock("(Ký và ghi rõ họ tên)", new PdfTextStyle(10f, Italic: true, Align: PdfAlign.Center), 0f),
            new PdfSpaceBlock(58f),
            new PdfTextBlock(s.Name, new PdfTextStyle(11f, Bold: true, Align: PdfAlign.Center), 0f))).ToArray();
        return document.Space(6f).Columns(8f, columns);
    }

    /// <summary>"Hà Nội, ngày 05 tháng 3 năm 2026": the place, then the date worded as Decree 30/2020 writes it.</summary>
    public static string PlaceAndDate(string place, DateOnly date) => $"{place}, {VietnameseWording.OfficialDate(date)}";

    public static string DateTimeText(DateTime value) => value.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string DateText(DateTime value) => value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>Vietnamese đồng as printed: "1.000.000 đ".</summary>
    public static string Vnd(decimal amount) => amount.ToString("#,##0", VndFormat) + " đ";
}
