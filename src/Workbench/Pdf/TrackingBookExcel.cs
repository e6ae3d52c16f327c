using MiniExcelLibs;

namespace HanoiWorkbench.Workbench.Pdf;

/// <summary>The tracking book (Form 07) as an .xlsx sheet with the same columns as the PDF.</summary>
public static class TrackingBookExcel
{
    public const string SheetName = "Sổ theo dõi hồ sơ";

    public static byte[] Write(TrackingBookModel model)
    {
        var rows = model.Entries.Select((entry, index) =>
        {
            var cells = Forms.TrackingBookCells(index, entry);
            var row = new Dictionary<string, object>(StringComparer.Ordinal);
            for (var i = 0; i < Forms.TrackingBookColumns.Length; i++)
            {
                // STT stays a number so the sheet sorts and sums like a register should.
                row[Forms.TrackingBookColumns[i]] = i == 0 ? index + 1 : cells[i];
            }
            return row;
        }).ToList();
        if (model.Issuer.Export is { } export)
        {
            // The stamp under the register, as the PDF prints it in the footer: who exported it and when.
            rows.Add(Forms.TrackingBookColumns.ToDictionary(c => c, _ => (object)"", StringComparer.Ordinal));
            var stamp = Forms.TrackingBookColumns.ToDictionary(c => c, _ => (object)"", StringComparer.Ordinal);
            stamp[Forms.TrackingBookColumns[1]] = export.Text;
            rows.Add(stamp);
        }
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: SheetName, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
