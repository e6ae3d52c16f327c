using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HanoiWorkbench.Data.Tests.Pool;

/// <summary>
/// Holds the first write transaction on the services' database (the intake writer's first batch) until
/// <see cref="Release"/>, and counts the transactions committed: with submissions piling up while the writer is held, a group
/// commit must store them in a batch, not one by one.
/// </summary>
internal sealed class HeldWriter : IDbTransactionInterceptor
{
    // Only a broken script waits this long (the release never comes): the test then fails with a timeout.
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _started;
    private int _committed;

    public int Committed => Volatile.Read(ref _committed);

    public void Release() => _released.TrySetResult();

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Increment(ref _started) == 1) await _released.Task.WaitAsync(Patience, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _committed);
        return Task.CompletedTask;
    }
}
