namespace HanoiWorkbench.Core.Domain;

/// <summary>The person an application is for. Personal data (Decree 13/2023): shown only to those who need it.</summary>
public sealed record Applicant(string FullName, string CitizenId, string Phone, string Address)
{
    public string SearchName { get; init; } = Text.VietnameseText.Fold(FullName);
}
