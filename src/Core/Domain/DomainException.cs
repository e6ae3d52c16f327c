namespace HanoiWorkbench.Core.Domain;

/// <summary>
/// Thrown when a domain object refuses an operation; <see cref="Exception.Message"/> is the reason shown to the user (Vietnamese).
/// <see cref="Member"/> names the entity member the refusal is about (a constructor parameter or property, any case), so a
/// form shows it beside its field; null for a rule about the whole object.
/// </summary>
public sealed class DomainException(string message, string? member = null) : Exception(message)
{
    public string? Member { get; } = member;
}
