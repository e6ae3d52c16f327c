namespace HanoiWorkbench.Core.Rules;

/// <summary>The outcome of checking an input: the normalised value when valid, Vietnamese messages when not.</summary>
public sealed record ValidationResult
{
    private ValidationResult(string? normalized, IReadOnlyList<string> errors)
    {
        Normalized = normalized;
        Errors = errors;
    }

    /// <summary>The value as it should be stored (digits only), or null when invalid.</summary>
    public string? Normalized { get; }

    public IReadOnlyList<string> Errors { get; }

    public bool IsValid => Errors.Count == 0;

    /// <summary>The messages joined for a single form field.</summary>
    public string Message => string.Join(" ", Errors);

    public static ValidationResult Valid(string normalized) => new(normalized, []);

    public static ValidationResult Invalid(params IEnumerable<string> errors)
    {
        var list = errors.ToList();
        if (list.Count == 0) throw new ArgumentException("An invalid result needs at least one message.", nameof(errors));
        return new(null, list);
    }
}
