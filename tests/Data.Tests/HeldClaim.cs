using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HanoiWorkbench.Data.Tests;

/// <summary>
/// Holds one worker's claim open: right after its conditional claim (the first UPDATE of <paramref name="table"/> it runs)
/// the worker stops inside its transaction, with the row locked, until <see cref="Release"/>. Another worker claiming
/// meanwhile meets a row that is locked but not yet changed. The holder is recognised by an <see cref="AsyncLocal{T}"/>
/// set with <see cref="Enter"/>, so nothing else on the database is held.
/// </summary>
internal sealed class HeldClaim(string table) : DbCommandInterceptor
{
    private static readonly AsyncLocal<HeldClaim?> Holder = new();
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TaskCompletionSource _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the holder has claimed and is stopped inside its transaction.</summary>
    public Task Holding => _holding.Task;

    /// <summary>True while the holder is stopped (its claim made, not committed).</summary>
    public bool IsHolding => _holding.Task.IsCompleted && !_released.Task.IsCompleted;

    /// <summary>Marks the calling worker as the holder; call it inside the worker, before the service call.</summary>
    public void Enter() => Holder.Value = this;

    public void Release() => _released.TrySetResult();

    public override async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (ReferenceEquals(Holder.Value, this) && !_holding.Task.IsCompleted
            && command.CommandText.TrimStart().StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            && command.CommandText.Contains(table, StringComparison.Ordinal))
        {
            _holding.TrySetResult();
            await _released.Task.WaitAsync(Patience, cancellationToken).ConfigureAwait(false);
        }
        return result;
    }
}
