using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace HanoiWorkbench.Data.Tests;

/// <summary>An error as a database driver raises it: transient (connection lost, timeout) or this row's own (a constraint).</summary>
internal sealed class InjectedDbException(bool transient) : DbException("injected database fault")
{
    public override bool IsTransient => transient;
    public override string? SqlState => transient ? "08006" : "23514";
}

/// <summary>
/// Fault injection into every EF command of the contexts it is added to: <see cref="FailWhen"/> makes matching commands
/// throw; <see cref="HoldNext"/> parks the next command until released, so a test controls when a writer goes on.
/// </summary>
internal sealed class DatabaseFaults : DbCommandInterceptor
{
    private TaskCompletionSource? _held;
    private TaskCompletionSource? _release;
    private Func<DbCommand, bool> _holdWhich = _ => true;

    /// <summary>Which commands fail, and whether as a transient error; null: none.</summary>
    public volatile Func<DbCommand, bool?>? FailWhen;

    /// <summary>Commands that failed so far, with the values of their parameters.</summary>
    public List<IReadOnlyList<object?>> Failed { get; } = [];

    /// <summary>The next command that <paramref name="which"/> picks waits until <see cref="Release"/>; the returned task completes once it waits.</summary>
    public Task HoldNext(Func<DbCommand, bool> which)
    {
        _holdWhich = which;
        _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _held, held);
        return held.Task;
    }

    public void Release() => _release?.TrySetResult();

    private async Task BeforeAsync(DbCommand command)
    {
        if (Volatile.Read(ref _held) is not null && _holdWhich(command) && Interlocked.Exchange(ref _held, null) is { } held)
        {
            held.TrySetResult();
            await _release!.Task.ConfigureAwait(false);
        }
        if (FailWhen?.Invoke(command) is { } transient)
        {
            lock (Failed) Failed.Add(command.Parameters.Cast<DbParameter>().Select(p => p.Value).ToList());
            throw new InjectedDbException(transient);
        }
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await BeforeAsync(command).ConfigureAwait(false);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await BeforeAsync(command).ConfigureAwait(false);
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await BeforeAsync(command).ConfigureAwait(false);
        return result;
    }
}

/// <summary>Keeps every formatted log message, to check what a log line gives away.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    public List<(LogLevel Level, string Message)> Lines { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Lines) Lines.Add((logLevel, formatter(state, exception) + (exception is null ? "" : " " + exception)));
    }
}
