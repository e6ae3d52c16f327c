using System.Collections.Concurrent;
using HanoiWorkbench.Core.Live;

namespace HanoiWorkbench.TestSupport;

/// <summary>
/// The live-event publisher of tests that run services without the bus: remembers what was published, in order, from any
/// thread, so a test can tell that screens were told (or ignore it when it only needs a publisher).
/// </summary>
public sealed class RecordedEvents : ILiveEvents
{
    private readonly ConcurrentQueue<(LiveEventKind Kind, int? BranchId, long? EntityId)> _published = new();

    /// <summary>What was published so far, oldest first (a snapshot).</summary>
    public IReadOnlyList<(LiveEventKind Kind, int? BranchId, long? EntityId)> Published => [.. _published];

    /// <summary>Forgets what was published so far (a test that only looks at what its next step publishes).</summary>
    public void Clear() => _published.Clear();

    public ValueTask PublishAsync(LiveEventKind kind, int? branchId, long? entityId, CancellationToken ct = default)
    {
        _published.Enqueue((kind, branchId, entityId));
        return ValueTask.CompletedTask;
    }
}
