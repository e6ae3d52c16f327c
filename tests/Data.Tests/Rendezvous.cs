using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HanoiWorkbench.Data.Tests;

/// <summary>
/// Holds every worker that joined (<see cref="Join"/>) at the same point of its database work until all of them are there,
/// then lets them go at once: the proof that they were all in flight together, not one after another. The point is the
/// first transaction a worker starts (everything read and checked, about to write) or, for work without a transaction, the
/// first connection it opens. Waiting happens before BEGIN, so SQLite's write lock is held by nobody meanwhile.
/// </summary>
internal sealed class Rendezvous(int workers, Rendezvous.Point point) : IDbTransactionInterceptor, IDbConnectionInterceptor
{
    public enum Point { FirstTransaction, FirstConnection }

    // Only a broken script waits this long (a worker never reaches the point): the test then fails with a timeout.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly AsyncLocal<Member?> Current = new();
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    private sealed class Member(Rendezvous rendezvous)
    {
        public Rendezvous Rendezvous { get; } = rendezvous;
        public bool Arrived { get; set; }
    }

    /// <summary>True once every worker reached the point before any went past it.</summary>
    public bool Met => _all.Task.IsCompletedSuccessfully;

    /// <summary>Makes the calling worker one of those that meet; call it inside the worker, before the service call.</summary>
    public void Join() => Current.Value = new Member(this);

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (point == Point.FirstTransaction) await ArriveAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    public async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (point == Point.FirstConnection) await ArriveAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task ArriveAsync(CancellationToken ct)
    {
        if (Current.Value is not { Arrived: false } me || !ReferenceEquals(me.Rendezvous, this)) return;
        me.Arrived = true;
        if (Interlocked.Increment(ref _arrived) == workers) _all.TrySetResult();
        await _all.Task.WaitAsync(Patience, ct).ConfigureAwait(false);
    }
}
