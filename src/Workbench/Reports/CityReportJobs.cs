using System.Collections.Concurrent;
using System.Threading.Channels;
using HanoiWorkbench.Core.Reports;
using HanoiWorkbench.Data.Reports;
using HanoiWorkbench.Workbench.Pdf;

namespace HanoiWorkbench.Workbench.Reports;

/// <summary>Where a report's generation is: step <see cref="Step"/> of <see cref="CityReportJobs.Steps"/>, what it does, and whether it ended.</summary>
public sealed record CityReportProgress(long Id, int Step, string Text, bool Ended)
{
    public double Percent => 100d * Step / CityReportJobs.Steps;
}

/// <summary>
/// The queue of requested city reports (the worker takes them one at a time, in order) and their progress, handed to the
/// pages that follow it through <see cref="Subscribe"/>. The request is made on this process, so the circuit that asked
/// follows the generation on the process that runs it.
/// </summary>
public sealed class CityReportJobs(ILogger<CityReportJobs> log)
{
    public const int Steps = 8;

    private readonly Channel<long> _queue = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<long, CityReportProgress> _running = new();
    private readonly Lock _gate = new();
    private Func<CityReportProgress, Task>[] _subscribers = [];

    internal ChannelReader<long> Queue => _queue.Reader;

    public void Enqueue(long id)
    {
        _running[id] = new CityReportProgress(id, 0, "Đang chờ lập…", Ended: false);
        _queue.Writer.TryWrite(id);
    }

    /// <summary>The last progress of a report being generated here, or null.</summary>
    public CityReportProgress? Current(long id) => _running.GetValueOrDefault(id);

    /// <summary>Calls <paramref name="handler"/> with every progress from now until disposed (a page calls back through its <c>InvokeAsync</c>).</summary>
    public IDisposable Subscribe(Func<CityReportProgress, Task> handler)
    {
        lock (_gate) _subscribers = [.. _subscribers, handler];
        return new Subscription(this, handler);
    }

    /// <summary>Records and hands out a progress; a failing page is logged, never stops the generation.</summary>
    internal void Report(CityReportProgress progress)
    {
        if (progress.Ended) _running.TryRemove(progress.Id, out _);
        else _running[progress.Id] = progress;
        foreach (var handler in Volatile.Read(ref _subscribers))
            _ = Observe(handler, progress);
    }

    private async Task Observe(Func<CityReportProgress, Task> handler, CityReportProgress progress)
    {
        try
        {
            await handler(progress);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.LogWarning(e, "A page following city report {Id} failed to take its progress.", progress.Id);
        }
    }

    private sealed class Subscription(CityReportJobs jobs, Func<CityReportProgress, Task> handler) : IDisposable
    {
        public void Dispose()
        {
            lock (jobs._gate) jobs._subscribers = [.. jobs._subscribers.Where(h => h != handler)];
        }
    }
}

/// <summary>
/// Generates the queued city reports in the background, one at a time: the productivity figures (four steps of their own
/// read), the scorecards, the PDF, the Excel file, then keeps both. At start, reports a stopped process left running are
/// failed and those still queued are taken up again.
/// </summary>
public sealed class CityReportWorker(CityReportJobs jobs, CityReportStore store, ProductivityReportQuery productivity, ScorecardQuery scorecards,
    TimeProvider clock, ILogger<CityReportWorker> log) : BackgroundService
{
    public const string Failed = "Lập báo cáo không thành công do lỗi hệ thống; hãy yêu cầu lập lại.";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (var id in await store.RecoverAsync(stoppingToken)) jobs.Enqueue(id);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A database that is not reachable at start must not stop the host: reports requested from now on still run.
            log.LogError(e, "Queued city reports could not be recovered at start.");
        }
        await foreach (var id in jobs.Queue.ReadAllAsync(stoppingToken)) await GenerateAsync(id, stoppingToken);
    }

    /// <summary>One report from queued to ready (or failed); a report no longer queued is left alone.</summary>
    internal async Task GenerateAsync(long id, CancellationToken ct)
    {
        if (await store.StartAsync(id, ct) is not { } month)
        {
            jobs.Report(new CityReportProgress(id, 0, "", Ended: true));
            return;
        }
        try
        {
            var (pdf, excel) = await RenderAsync(productivity, scorecards, ReportPeriod.MonthOf(month), Core.HanoiTime.Today(clock),
                (step, text) => jobs.Report(new CityReportProgress(id, step, text, Ended: false)), ct);
            jobs.Report(new CityReportProgress(id, 8, "Đang lưu báo cáo…", Ended: false));
            await store.FinishAsync(id, pdf, excel, ct);
            jobs.Report(new CityReportProgress(id, Steps, "Đã lập xong", Ended: true));
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogError(e, "City report {Id} failed.", id);
            await store.FailAsync(id, Failed, CancellationToken.None);
            jobs.Report(new CityReportProgress(id, Steps, CityReports.Label(CityReportStatus.Failed), Ended: true));
        }
    }

    private const int Steps = CityReportJobs.Steps;

    /// <summary>
    /// The month's report as its two files, reporting steps 1–7 (the productivity read's four, the scorecards, the PDF, the
    /// Excel file) through <paramref name="step"/> as they begin. The worker and the benchmark run exactly this.
    /// </summary>
    public static async Task<(byte[] Pdf, byte[] Excel)> RenderAsync(ProductivityReportQuery productivity, ScorecardQuery scorecards,
        ReportPeriod month, DateOnly issuedOn, Action<int, string> step, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(productivity);
        ArgumentNullException.ThrowIfNull(scorecards);
        ArgumentNullException.ThrowIfNull(step);
        var figures = await productivity.LoadAsync(null, month, new StepProgress(s => step((int)s, StepText(s))), ct)
            ?? throw new InvalidOperationException("The city has no report.");
        step(5, "Đang chấm điểm Bộ chỉ số 766…");
        var report = new CityMonthReport(month, figures, await scorecards.LoadAsync(month, ct: ct));
        step(6, "Đang vẽ tệp PDF…");
        var pdf = CityReportDocuments.Pdf(report, issuedOn);
        step(7, "Đang ghi tệp Excel…");
        return (pdf, CityReportDocuments.Excel(report));
    }

    private static string StepText(ReportStep step) => step switch
    {
        ReportStep.Tickets => "Đang đọc các vé đã gọi trong tháng…",
        ReportStep.Applications => "Đang đếm hồ sơ tiếp nhận và hoàn thành…",
        ReportStep.Ratings => "Đang đếm đánh giá…",
        _ => "Đang tính các chỉ số theo chi nhánh…",
    };

    /// <summary>Hands each step on at once, on the reporting thread (Progress&lt;T&gt; would post them out of order).</summary>
    private sealed class StepProgress(Action<ReportStep> report) : IProgress<ReportStep>
    {
        public void Report(ReportStep value) => report(value);
    }
}

public static class CityReportRegistration
{
    public static IServiceCollection AddCityReports(this IServiceCollection services)
    {
        services.AddSingleton<CityReportJobs>();
        services.AddSingleton<CityReportWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<CityReportWorker>());
        return services;
    }
}
