namespace HanoiWorkbench.Data.Pool;

/// <summary>
/// An idempotency key a sender sent, the hash of the request it came with and the application it created: a resubmission
/// by the same sender with the same key returns that application; the same key with another body is refused. Keys are the
/// sender's own (two senders may both use "1"), and a key is remembered for <see cref="IntakeQueueOptions.IdempotencyKeyHours"/>:
/// after that the same key is a new request, and the row is deleted.
/// </summary>
public sealed class IntakeRequest
{
    public const int MaxKeyLength = 100;
    public const int SenderMaxLength = 64;

    private IntakeRequest() { Sender = IdempotencyKey = RequestHash = ""; }

    public IntakeRequest(string sender, string idempotencyKey, string requestHash, long applicationId, DateTimeOffset at)
    {
        (Sender, IdempotencyKey, RequestHash, ApplicationId, CreatedAt) = (sender, idempotencyKey, requestHash, applicationId, at);
    }

    /// <summary>Who sent it (<see cref="OnlineIntake.SenderOf"/>): the scope of the key.</summary>
    public string Sender { get; private set; }
    public string IdempotencyKey { get; private set; }
    public string RequestHash { get; private set; }
    public long ApplicationId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
