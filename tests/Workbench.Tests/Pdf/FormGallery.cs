using HanoiWorkbench.Workbench.Pdf;

namespace HanoiWorkbench.Workbench.Tests.Pdf;

/// <summary>
/// Writes every sample form to the folder named by WORKBENCH_FORMS_DIR so docs/forms/render.sh can
/// turn them into PNGs for reviewers. Without the variable it writes nothing.
/// </summary>
public sealed class FormGallery
{
    public const string FolderVariable = "WORKBENCH_FORMS_DIR";

    public static TheoryData<string> FormNames => [.. Samples.Keys];

    private static readonly Dictionary<string, Func<byte[]>> Samples = new(StringComparer.Ordinal)
    {
        ["form-1-receipt"] = () => Forms.Receipt(SampleForms.Receipt()),
        ["form-2-supplement-request"] = () => Forms.SupplementRequest(SampleForms.SupplementRequest()),
        ["form-3-refusal"] = () => Forms.Refusal(SampleForms.Refusal()),
        ["form-4-apology-extension"] = () => Forms.ApologyExtension(SampleForms.ApologyExtension()),
        ["form-5-stop-notice"] = () => Forms.StopNotice(SampleForms.StopNotice()),
        ["form-6-process-control"] = () => Forms.ProcessControl(SampleForms.ProcessControl()),
        ["form-7-tracking-book"] = () => Forms.TrackingBook(SampleForms.TrackingBook(500)),
    };

    [Theory]
    [Trait("Category", "Docs")]
    [MemberData(nameof(FormNames))]
    public void Each_sample_form_is_written_to_the_gallery_folder_when_one_is_given(string name)
    {
        var pdf = Samples[name]();
        Assert.NotEmpty(pdf);
        var folder = Environment.GetEnvironmentVariable(FolderVariable);
        if (string.IsNullOrWhiteSpace(folder))
        {
            return;
        }
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, name + ".pdf"), pdf);
        if (name == "form-7-tracking-book")
        {
            File.WriteAllBytes(Path.Combine(folder, name + ".xlsx"), TrackingBookExcel.Write(SampleForms.TrackingBook(500)));
        }
    }
}
