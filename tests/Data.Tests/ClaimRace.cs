using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HanoiWorkbench.Data.Tests;

/// <summary>
/// Scripts the race a conditional claim exists for, the same way on SQLite and PostgreSQL: the loser reads the candidates
/// (<see cref="QueryTags.ClaimCandidates"/>) and chooses; only then does the winner read and choose (the same row, or a
/// later one when others took it meanwhile); the winner's claim commits, and only then does the loser's claim start, against
/// a row that is gone whoever took it. The loser must lose that claim and choose again.
/// Each worker says which side it is on with <see cref="Enter"/>; everything it does after that (across awaits and into the
/// service) is recognised by an <see cref="AsyncLocal{T}"/>, so other work on the same database is not held.
/// Waiting happens before the claim's transaction starts: SQLite takes its write lock at BEGIN, and a loser holding it while
/// waiting for the winner would never let the winner in.
/// </summary>
internal sealed class ClaimRace : IDbCommandInterceptor, IDbTransactionInterceptor
{
    private static readonly AsyncLocal<Racer?> Current = new();

    // Only a broken script waits this long (the other side never reaches its claim): the test then fails with a timeout.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>One race: a winner and a loser, released in that order.</summary>
    public sealed class Round
    {
        internal TaskCompletionSource LoserHasChosen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        internal TaskCompletionSource WinnerHasClaimed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>
        /// Lets the loser go when the winner's call has returned without a further transaction (with many clerks its every
        /// attempt can be lost to others): the row the loser chose is gone all the same.
        /// </summary>
        public void WinnerReturned() => WinnerHasClaimed.TrySetResult();

        /// <summary>True once both sides reached their claim: the loser's wait was for a claim that really ran meanwhile.</summary>
        public bool Happened => LoserHasChosen.Task.IsCompletedSuccessfully && WinnerHasClaimed.Task.IsCompletedSuccessfully;
    }

    private sealed class Racer(Round round, bool winner)
    {
        public Round Round { get; } = round;
        public bool Winner { get; } = winner;
        public bool HasChosen { get; set; }
        public bool Held { get; set; }
    }

    /// <summary>Joins the calling worker to <paramref name="round"/>; call it inside the worker, before the service call.</summary>
    public static void Enter(Round round, bool winner) => Current.Value = new Racer(round, winner);

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (Current.Value is { Winner: true, HasChosen: false } racer && command.CommandText.Contains(QueryTags.ClaimCandidates, StringComparison.Ordinal))
            await racer.Round.LoserHasChosen.Task.WaitAsync(Patience, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        if (Current.Value is { Held: false } racer && command.CommandText.Contains(QueryTags.ClaimCandidates, StringComparison.Ordinal))
            racer.HasChosen = true;
        return ValueTask.FromResult(result);
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        // The winner starting another transaction has ended its first claim attempt, won or lost to a third clerk: either
        // way the row the loser chose is gone (the winner chose after the loser, so it chose that row or a later one because
        // that one was already taken).
        if (Current.Value is { Winner: true, Held: true } winner) winner.Round.WinnerHasClaimed.TrySetResult();
        // The first transaction after reading the candidates is the claim.
        if (Current.Value is { HasChosen: true, Held: false } racer)
        {
            racer.Held = true;
            if (!racer.Winner)
            {
                racer.Round.LoserHasChosen.TrySetResult();
                await racer.Round.WinnerHasClaimed.Task.WaitAsync(Patience, cancellationToken).ConfigureAwait(false);
            }
        }
        return result;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Current.Value is { Winner: true, Held: true } racer) racer.Round.WinnerHasClaimed.TrySetResult();
        return Task.CompletedTask;
    }
}
