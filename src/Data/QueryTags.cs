namespace HanoiWorkbench.Data;

/// <summary>
/// Tags (SQL comments) on queries worth naming in a database trace. The reads that choose what to claim (the waiting tickets
/// a counter may call, the pool items a clerk may take) carry <see cref="ClaimCandidates"/>: a slow-query log shows them by
/// name, and the tests that script a lost claim find the moment between choosing and claiming by it.
/// </summary>
public static class QueryTags
{
    public const string ClaimCandidates = "HanoiWorkbench: claim candidates";
}
