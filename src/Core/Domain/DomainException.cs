namespace HanoiWorkbench.Core.Domain;

/// <summary>Thrown when a domain object refuses an operation; <see cref="Exception.Message"/> is the reason shown to the user (Vietnamese).</summary>
public sealed class DomainException(string message) : Exception(message);
