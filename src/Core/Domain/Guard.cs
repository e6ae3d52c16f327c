using System.Runtime.CompilerServices;
using HanoiWorkbench.Core.Text;

namespace HanoiWorkbench.Core.Domain;

/// <summary>
/// The entities' checks of their text: trimmed, NFC, within the field's length, and the characters of <see cref="TextRules"/>.
/// A refusal names the member it is about: the argument passed (<c>name</c>, <c>fullName</c>…), which is the entity's
/// parameter and, by convention, the form's property of the same name.
/// </summary>
internal static class Guard
{
    /// <summary>A one-line name or code: required.</summary>
    public static string Required(string? value, string field, int maxLength, [CallerArgumentExpression(nameof(value))] string member = "") =>
        Checked(TextRules.CheckName(value, field, maxLength), member)!;

    /// <summary>A one-line name or code: null when empty.</summary>
    public static string? Optional(string? value, string field, int maxLength, [CallerArgumentExpression(nameof(value))] string member = "") =>
        Checked(TextRules.CheckName(value, field, maxLength, required: false), member);

    /// <summary>A free text (a note, a reason, a comment): line breaks allowed; required.</summary>
    public static string RequiredText(string? value, string field, int maxLength, [CallerArgumentExpression(nameof(value))] string member = "") =>
        Checked(TextRules.CheckText(value, field, maxLength, required: true), member)!;

    /// <summary>A free text: null when empty.</summary>
    public static string? OptionalText(string? value, string field, int maxLength, [CallerArgumentExpression(nameof(value))] string member = "") =>
        Checked(TextRules.CheckText(value, field, maxLength), member);

    private static string? Checked((string? Value, string? Problem) check, string member) =>
        check.Problem is { } problem ? throw new DomainException(problem, member) : check.Value;
}
