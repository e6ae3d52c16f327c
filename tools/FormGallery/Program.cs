using HanoiWorkbench.Workbench.Pdf;
using HanoiWorkbench.Workbench.Tests.Pdf;

// Usage: dotnet run --project tools/FormGallery -- <output folder>
// Writes form-1 … form-7 as PDF (and the tracking book as Excel) from the sample data.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: FormGallery <output folder>");
    return 2;
}

var folder = Directory.CreateDirectory(args[0]).FullName;
var samples = new (string Name, Func<byte[]> Render)[]
{
    ("form-1-receipt", () => Forms.Receipt(SampleForms.Receipt())),
    ("form-2-supplement-request", () => Forms.SupplementRequest(SampleForms.SupplementRequest())),
    ("form-3-refusal", () => Forms.Refusal(SampleForms.Refusal())),
    ("form-4-apology-extension", () => Forms.ApologyExtension(SampleForms.ApologyExtension())),
    ("form-5-stop-notice", () => Forms.StopNotice(SampleForms.StopNotice())),
    ("form-6-process-control", () => Forms.ProcessControl(SampleForms.ProcessControl())),
    ("form-7-tracking-book", () => Forms.TrackingBook(SampleForms.TrackingBook(500))),
};
foreach (var (name, render) in samples)
{
    var path = Path.Combine(folder, name + ".pdf");
    File.WriteAllBytes(path, render());
    Console.WriteLine(path);
}
File.WriteAllBytes(Path.Combine(folder, "form-7-tracking-book.xlsx"), TrackingBookExcel.Write(SampleForms.TrackingBook(500)));
return 0;
