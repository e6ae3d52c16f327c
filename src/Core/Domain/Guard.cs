namespace HanoiWorkbench.Core.Domain;

internal static class Guard
{
    public static string Required(string? value, string field, int maxLength = 200)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            throw new DomainException($"{field} không được để trống.");
        if (trimmed.Length > maxLength)
            throw new DomainException($"{field} dài tối đa {maxLength} ký tự.");
        return trimmed;
    }

    public static string? Optional(string? value, string field, int maxLength = 500)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        if (trimmed.Length > maxLength)
            throw new DomainException($"{field} dài tối đa {maxLength} ký tự.");
        return trimmed;
    }
}
