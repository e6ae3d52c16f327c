namespace HanoiWorkbench.Data.Pool;

/// <summary>
/// An idempotency key the portal sent, the hash of the request it came with and the application it created: a resubmission
/// with the same key returns that application; the same key with another body is refused.
/// </summary>
public sealed class IntakeRequest
{
    public const int MaxKeyLength = 100;

    private IntakeRequest() { IdempotencyKey = RequestHash = ""; }

    public IntakeRequest(string idempotencyKey, string requestHash, long applicationId, DateTimeOffset at)
    {
        (IdempotencyKey, RequestHash, ApplicationId, CreatedAt) = (idempotencyKey, requestHash, applicationId, at);
    }

    public string IdempotencyKey { get; private set; }
    public string RequestHash { get; private set; }
    public long ApplicationId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
