using System.Security.Cryptography;
using System.Text.Json;
using Writes = System.Threading.Channels;
using HanoiWorkbench.Core.Calendar;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Live;
using HanoiWorkbench.Core.Pool;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Core.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HanoiWorkbench.Data.Pool;

/// <summary>The applicant as the national public service portal sends them.</summary>
public sealed record IntakeApplicant(string? FullName, string? CitizenId, string? Phone, string? Address);

/// <summary>A document attached to the online submission and how many copies.</summary>
public sealed record IntakeDocument(string? Name, int Count);

/// <summary>An online submission: the procedure by its national code, the area whose authority decides it, the applicant and documents.</summary>
public sealed record IntakeSubmission(string? ProcedureCode, string? AreaCode, IntakeApplicant? Applicant, IReadOnlyList<IntakeDocument>? Documents,
    string? PortalReference = null);

/// <summary>What the portal gets back: the application's code to show the citizen and where it waits.</summary>
public sealed record IntakeAccepted(long ApplicationId, string Code, string Status, long WorkItemId, int QueuedBranchId, DateTimeOffset SubmittedAt);

public enum IntakeOutcome
{
    Created = 0,
    /// <summary>The same idempotency key and body came again: the first application is returned, nothing new stored.</summary>
    Replayed = 1,
    /// <summary>The idempotency key was used before with another body.</summary>
    KeyConflict = 2,
    Invalid = 3,
    /// <summary>The intake queue is full: the sender should retry after <see cref="IntakeQueueOptions.RetryAfterSeconds"/>.</summary>
    Busy = 4,
    /// <summary>The database could not store it (unavailable, timed out, or refused this one row); nothing was stored, retry with the same key.</summary>
    Unavailable = 5,
}

/// <summary>
/// <c>Intake:QueueCapacity</c> and <c>Intake:RetryAfterSeconds</c>: how many validated submissions may wait for the writer;
/// <c>Intake:IdempotencyKeyHours</c>: how long a sender's idempotency key is remembered (a portal retries within minutes;
/// a day covers a retry the next morning after an outage, and keeps the table small).
/// </summary>
public sealed class IntakeQueueOptions
{
    public const string Section = "Intake";
    public int QueueCapacity { get; set; } = 2048;
    public int RetryAfterSeconds { get; set; } = 5;
    public double IdempotencyKeyHours { get; set; } = 24;

    /// <summary>The configured window, at least one minute (a zero or negative setting would forget every key at once).</summary>
    public TimeSpan KeyLifetime => TimeSpan.FromHours(double.IsFinite(IdempotencyKeyHours) ? Math.Clamp(IdempotencyKeyHours, 1.0 / 60, 24 * 366) : 24);
}

public sealed record IntakeResult(IntakeOutcome Outcome, IntakeAccepted? Accepted, IReadOnlyDictionary<string, string[]> Errors)
{
    public static IntakeResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(IntakeOutcome.Invalid, null, errors);
    public static IntakeResult Refused(IntakeOutcome outcome) => new(outcome, null, new Dictionary<string, string[]>());
}

/// <summary>
/// Online intake: validates a submission, and in one transaction allocates the code, stores the application (status Mới đăng ký),
/// its check item in the pool (queued for the branch the routing rule picks) and the idempotency key; live events after commit.
/// </summary>
public sealed class OnlineIntake(IDbContextFactory<WorkbenchDbContext> contexts, WorkPool pool, PoolPolicyStore policies,
    BranchCapacities capacities, ILiveEvents live, TimeProvider clock, IOptions<IntakeQueueOptions>? options = null, ILogger<OnlineIntake>? log = null)
{
    private static readonly JsonSerializerOptions HashJson = new(JsonSerializerDefaults.Web);

    /// <summary>How long the reference data read for intake (procedures, areas, agency ids) is reused before it is read again.</summary>
    public static readonly TimeSpan ReferenceAge = TimeSpan.FromSeconds(10);

    private volatile References? _references;

    // Group commit: validation and routing run in the callers, in parallel; one writer stores whatever submissions are
    // waiting in one transaction. SQLite has one writer anyway, and the fixed cost of a transaction and a SaveChanges is
    // then paid once per batch instead of once per submission. The queue is bounded: past its capacity the sender is told
    // to come back (429) rather than every request waiting longer and the memory growing.
    private readonly Writes.Channel<PendingIntake> _writes = Writes.Channel.CreateBounded<PendingIntake>(
        new Writes.BoundedChannelOptions(Math.Max(1, (options?.Value ?? new IntakeQueueOptions()).QueueCapacity))
        {
            SingleReader = true,
            FullMode = Writes.BoundedChannelFullMode.Wait,
        });
    private readonly ILogger _log = (ILogger?)log ?? NullLogger.Instance;
    private Task? _writer;
    private int _failures;
    private const int MaxBatch = 64;

    /// <summary>Raised when a validated submission joins the writer's queue (telemetry counts it; tests wait on it).</summary>
    public event EventHandler? SubmissionQueued;

    /// <summary>Submissions validated and waiting for the writer.</summary>
    public int Waiting => _writes.Reader.Count;

    /// <summary>Idempotency keys of a sender that need no scope of their own: the tests', benchmarks' and command line's.</summary>
    public const string TrustedSender = "trusted";

    private readonly TimeSpan _keyLifetime = (options?.Value ?? new IntakeQueueOptions()).KeyLifetime;

    private sealed record PendingIntake(string Sender, string Key, string Hash, Applicant Applicant, Procedure Procedure, int AreaId, int BranchId,
        string AgencyId, List<ReceivedDocument> Documents, DateTimeOffset At)
    {
        public TaskCompletionSource<(Application, WorkItem)> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private void EnsureWriter()
    {
        if (_writer is not null) return;
        lock (_writes) _writer ??= Task.Run(WriteLoopAsync);
    }

    private async Task WriteLoopAsync()
    {
        var reader = _writes.Reader;
        var carried = new List<PendingIntake>();
        while (carried.Count > 0 || await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var batch = new List<PendingIntake>();
            var keys = new HashSet<(string, string)>();
            var next = new List<PendingIntake>();
            foreach (var p in carried) (keys.Add((p.Sender, p.Key)) && batch.Count < MaxBatch ? batch : next).Add(p);
            while (batch.Count < MaxBatch && reader.TryRead(out var p)) (keys.Add((p.Sender, p.Key)) ? batch : next).Add(p);
            carried = next; // the same key twice in one batch would fail the whole batch: the second waits for the next one
            if (batch.Count == 0) continue;
            var failed = new List<(PendingIntake Pending, Exception Error)>();
            try
            {
                await StoreAsync(batch).ConfigureAwait(false);
            }
            catch (Exception ex) when (batch.Count > 1 && ex is not OutOfMemoryException)
            {
                // One submission failed the batch (a key stored meanwhile by a racing resubmission, a row the database
                // refuses, or the database itself): store one by one, so only the bad one fails.
                foreach (var p in batch)
                {
                    if (await StoreOneAsync(p).ConfigureAwait(false) is { } e) failed.Add((p, e));
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failed.Add((batch[0], ex));
            }
            // The wait starts before the senders hear of their failure, so whoever they tell next finds the writer waiting.
            var wait = AfterPass(failed.Count == batch.Count ? failed[^1].Error : null);
            foreach (var (p, e) in failed) p.Done.TrySetException(e);
            await wait.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// After a pass where nothing could be stored because the database is unavailable, the wait (on the clock) before the
    /// next, doubling per such pass (<see cref="BackoffAfter"/>); logged without personal data.
    /// </summary>
    private Task AfterPass(Exception? error)
    {
        if (error is null || !DatabaseErrors.IsUnavailable(error))
        {
            if (_failures > 0) _log.LogInformation("Intake writer recovered after {Failures} failed passes", _failures);
            _failures = 0;
            return Task.CompletedTask;
        }
        _failures++;
        var wait = BackoffAfter(_failures);
        _log.LogWarning("Intake writer: database unavailable ({Error} {Code}), failure {Failures} in a row, next batch in {NextIn}",
            error.GetType().Name, DatabaseErrors.CodeOf(error), _failures, wait);
        return Task.Delay(wait, clock);
    }

    /// <summary>The writer's wait after <paramref name="failuresInARow"/> passes the database could not take: 100 ms doubling, at most 10 s.</summary>
    public static TimeSpan BackoffAfter(int failuresInARow) =>
        TimeSpan.FromMilliseconds(Math.Min(10_000, 100 << Math.Clamp(failuresInARow - 1, 0, 10)));

    /// <summary>Stores one submission; the error it failed with, if any (logged here when it is the submission's own).</summary>
    private async Task<Exception?> StoreOneAsync(PendingIntake p)
    {
        try
        {
            await StoreAsync([p]).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            if (!DatabaseErrors.IsUnavailable(ex))
                _log.LogWarning("Intake writer: one submission refused by the database ({Error} {Code}); the rest of its batch goes on",
                    ex.GetType().Name, DatabaseErrors.CodeOf(ex));
            return ex;
        }
    }

    private async Task StoreAsync(List<PendingIntake> batch)
    {
        var db = await contexts.CreateDbContextAsync().ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var tx = await db.Database.BeginTransactionAsync().ConfigureAwait(false);
            await using (tx.ConfigureAwait(false))
            {
                // Expired keys go first, in the transaction that may reuse one: a key past its lifetime is a new request.
                var expired = batch[0].At - _keyLifetime;
                await db.IntakeRequests.Where(r => r.CreatedAt < expired).ExecuteDeleteAsync().ConfigureAwait(false);
                var apps = new List<Application>(batch.Count);
                foreach (var p in batch)
                {
                    var day = DateOnly.FromDateTime(WorkingHours.ToVietnam(p.At).DateTime);
                    var seq = await SequenceAllocator.NextAsync(db, SequenceAllocator.ApplicationScope(p.AgencyId), day, CancellationToken.None).ConfigureAwait(false);
                    var app = Application.Submit(ApplicationCode.Format(p.AgencyId, day, seq), p.Applicant, p.Procedure, p.AreaId, p.BranchId,
                        Channel.Online, p.Documents, p.At);
                    db.Applications.Add(app);
                    apps.Add(app);
                }
                await db.SaveChangesAsync().ConfigureAwait(false);
                var items = new List<WorkItem>(batch.Count);
                for (var i = 0; i < batch.Count; i++)
                {
                    var p = batch[i];
                    items.Add(await pool.EnqueueAsync(db, apps[i], p.Procedure, WorkKind.CheckSubmission, p.BranchId, CancellationToken.None).ConfigureAwait(false));
                    db.IntakeRequests.Add(new IntakeRequest(p.Sender, p.Key, p.Hash, apps[i].Id, p.At));
                }
                await db.SaveChangesAsync().ConfigureAwait(false);
                await tx.CommitAsync().ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult((apps[i], items[i]));
            }
        }
    }

    /// <summary>
    /// What every submission looks up: active procedures by national code, active areas by code, where each area is,
    /// each branch's agency id and each area's default branch. Read once per <see cref="ReferenceAge"/>, not per request:
    /// at hundreds of submissions a second these reads were a third of the work.
    /// </summary>
    private sealed record References(
        DateTimeOffset ReadAt,
        IReadOnlyDictionary<string, Procedure> Procedures,
        IReadOnlyDictionary<string, Area> Areas,
        IReadOnlyDictionary<int, GeoPoint> AreaLocations,
        IReadOnlyDictionary<int, string> AgencyIds,
        IReadOnlyDictionary<int, int> DefaultBranches,
        int FallbackBranchId);

    private async Task<References> ReferencesAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_references is { } cached && now - cached.ReadAt < ReferenceAge) return cached;
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var _ = db.ConfigureAwait(false);
        var procedures = await db.Procedures.AsNoTracking().Where(p => p.IsActive && p.NationalCode != null).ToListAsync(ct).ConfigureAwait(false);
        var areas = await db.Areas.AsNoTracking().Where(a => a.IsActive).ToListAsync(ct).ConfigureAwait(false);
        var branches = await db.Branches.AsNoTracking().OrderBy(b => b.Id)
            .Select(b => new { b.Id, b.AgencyId, b.HomeAreaId, b.IsActive, b.Latitude, b.Longitude }).ToListAsync(ct).ConfigureAwait(false);
        var seated = branches.Where(b => b.HomeAreaId != null).GroupBy(b => b.HomeAreaId!.Value).ToDictionary(g => g.Key, g => g.First());
        var references = new References(now,
            procedures.GroupBy(p => p.NationalCode!).ToDictionary(g => g.Key, g => g.First()),
            areas.ToDictionary(a => a.Code),
            seated.ToDictionary(x => x.Key, x => new GeoPoint(x.Value.Latitude, x.Value.Longitude)),
            branches.ToDictionary(b => b.Id, b => b.AgencyId),
            branches.Where(b => b.IsActive && b.HomeAreaId != null).GroupBy(b => b.HomeAreaId!.Value).ToDictionary(g => g.Key, g => g.First().Id),
            branches.First(b => b.IsActive).Id);
        _references = references;
        return references;
    }

    /// <summary>SHA-256 of the submission as parsed, so whitespace or property order in the body does not make it "different".</summary>
    public static string HashOf(IntakeSubmission submission) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(submission, HashJson)));

    /// <summary>As <see cref="SubmitAsync(string, IntakeSubmission, string, CancellationToken)"/> for the <see cref="TrustedSender"/>.</summary>
    public Task<IntakeResult> SubmitAsync(IntakeSubmission submission, string idempotencyKey, CancellationToken ct = default) =>
        SubmitAsync(TrustedSender, submission, idempotencyKey, ct);

    /// <summary>The sender a presented API key stands for: a digest, so the key itself is never stored, and stable while the key is.</summary>
    public static string SenderOf(string apiKey) =>
        "key-" + Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(apiKey)), 0, 16).ToLowerInvariant();

    /// <param name="sender">Whose key <paramref name="idempotencyKey"/> is (<see cref="SenderOf"/>): keys of different senders never meet.</param>
    public async Task<IntakeResult> SubmitAsync(string sender, IntakeSubmission submission, string idempotencyKey, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sender);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sender.Length, IntakeRequest.SenderMaxLength);
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        var hash = HashOf(submission);
        {
            // No read of the idempotency key on the way in: the key's primary key refuses a second insert, and only then
            // (or for a submission that fails validation) is the earlier request looked up.
            var references = await ReferencesAsync(ct).ConfigureAwait(false);
            var (errors, procedure, area, applicant, documents) = Validate(references, submission);
            if (errors.Count > 0)
                return await ReplayAsync(sender, idempotencyKey, hash, ct).ConfigureAwait(false) ?? IntakeResult.Invalid(errors);

            var policy = await policies.GetAsync(ct).ConfigureAwait(false);
            GeoPoint? areaLocation = references.AreaLocations.TryGetValue(area!.Id, out var location) ? location : null;
            var branchId = await capacities.RouteAsync(procedure!.FieldId, areaLocation, policy.EffortOf(WorkKind.CheckSubmission), policy, ct).ConfigureAwait(false)
                ?? references.DefaultBranches.GetValueOrDefault(area.Id, references.FallbackBranchId);
            var agencyId = references.AgencyIds[branchId];
            var now = clock.GetUtcNow();

            Application app;
            WorkItem item;
            var pending = new PendingIntake(sender, idempotencyKey, hash, applicant!, procedure, area.Id, branchId, agencyId, documents!, now);
            EnsureWriter();
            if (!_writes.Writer.TryWrite(pending)) return IntakeResult.Refused(IntakeOutcome.Busy);
            SubmissionQueued?.Invoke(this, EventArgs.Empty);
            try
            {
                (app, item) = await pending.Done.Task.WaitAsync(ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Two resubmissions raced and the key's primary key let one through: answer as the winner did. Otherwise the
                // database could not store it; the writer went on with the others.
                return await ReplayAsync(sender, idempotencyKey, hash, ct).ConfigureAwait(false) ?? IntakeResult.Refused(IntakeOutcome.Unavailable);
            }

            WorkbenchMetrics.ApplicationReceived(branchId);
            await live.PublishAsync(LiveEventKind.ApplicationChanged, branchId, app.Id, ct).ConfigureAwait(false);
            await live.PublishAsync(LiveEventKind.WorkItemChanged, branchId, item.Id, ct).ConfigureAwait(false);
            return new IntakeResult(IntakeOutcome.Created, new IntakeAccepted(app.Id, app.Code, "Mới đăng ký", item.Id, branchId, now), new Dictionary<string, string[]>());
        }
    }

    private async Task<IntakeResult?> ReplayAsync(string sender, string key, string hash, CancellationToken ct)
    {
        var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var alive = clock.GetUtcNow() - _keyLifetime;
            var earlier = await db.IntakeRequests.AsNoTracking()
                .FirstOrDefaultAsync(r => r.Sender == sender && r.IdempotencyKey == key && r.CreatedAt >= alive, ct).ConfigureAwait(false);
            if (earlier is null) return null;
            if (earlier.RequestHash != hash)
                return new IntakeResult(IntakeOutcome.KeyConflict, null, new Dictionary<string, string[]>
                {
                    ["Idempotency-Key"] = ["Khóa chống trùng đã được dùng cho một yêu cầu có nội dung khác."],
                });
            var accepted = await (from a in db.Applications.AsNoTracking()
                                  join w in db.WorkItems on a.Id equals w.ApplicationId
                                  where a.Id == earlier.ApplicationId && w.Kind == WorkKind.CheckSubmission
                                  orderby w.Id
                                  select new IntakeAccepted(a.Id, a.Code, "Mới đăng ký", w.Id, w.QueuedBranchId, a.SubmittedAt))
                .FirstAsync(ct).ConfigureAwait(false);
            return new IntakeResult(IntakeOutcome.Replayed, accepted, new Dictionary<string, string[]>());
        }
    }

    /// <summary>Every field checked, each with its own Vietnamese message; keys are the JSON paths of the fields.</summary>
    private static (Dictionary<string, string[]> Errors, Procedure? Procedure, Area? Area, Applicant? Applicant, List<ReceivedDocument>? Documents)
        Validate(References references, IntakeSubmission s)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string key, string message)
        {
            if (!errors.TryGetValue(key, out var list)) errors[key] = list = [];
            list.Add(message);
        }
        static string? Trim(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();

        Procedure? procedure = null;
        var procedureCode = Trim(s.ProcedureCode);
        if (procedureCode is null) Add("procedureCode", "Mã thủ tục không được để trống.");
        else
        {
            procedure = references.Procedures.GetValueOrDefault(procedureCode);
            if (procedure is null) Add("procedureCode", $"Không tìm thấy thủ tục có mã {procedureCode}.");
            else if (procedure.OnlineLevel == OnlineLevel.None) Add("procedureCode", "Thủ tục này không tiếp nhận hồ sơ trực tuyến.");
        }

        Area? area = null;
        var areaCode = Trim(s.AreaCode);
        if (areaCode is null) Add("areaCode", "Mã địa bàn không được để trống.");
        else
        {
            area = references.Areas.GetValueOrDefault(areaCode);
            if (area is null) Add("areaCode", $"Không tìm thấy địa bàn có mã {areaCode}.");
        }

        Applicant? applicant = null;
        if (s.Applicant is null) Add("applicant", "Thông tin người nộp không được để trống.");
        else
        {
            var (name, nameProblem) = TextRules.CheckName(s.Applicant.FullName, "Họ và tên", Applicant.FullNameMaxLength);
            if (nameProblem is not null) Add("applicant.fullName", nameProblem);
            var id = CitizenIdRules.Validate(s.Applicant.CitizenId);
            if (!id.IsValid) foreach (var e in id.Errors) Add("applicant.citizenId", e);
            var phone = PhoneRules.Validate(s.Applicant.Phone);
            if (!phone.IsValid) foreach (var e in phone.Errors) Add("applicant.phone", e);
            var (address, addressProblem) = TextRules.CheckName(s.Applicant.Address, "Địa chỉ", Applicant.AddressMaxLength);
            if (addressProblem is not null) Add("applicant.address", addressProblem);
            if (name is not null && id.IsValid && phone.IsValid && address is not null)
                applicant = new Applicant(name, id.Normalized!, phone.Normalized!, address);
        }

        var documents = new List<ReceivedDocument>();
        if (s.Documents is not { Count: > 0 }) Add("documents", "Hồ sơ phải có ít nhất một thành phần.");
        else if (s.Documents.Count > 50) Add("documents", "Hồ sơ có tối đa 50 thành phần.");
        else
        {
            for (var i = 0; i < s.Documents.Count; i++)
            {
                var d = s.Documents[i];
                var (docName, docProblem) = TextRules.CheckName(d?.Name, "Tên thành phần hồ sơ", ReceivedDocument.NameMaxLength);
                if (docProblem is not null) Add($"documents[{i}].name", docProblem);
                if (d is null || d.Count is < 1 or > 100) Add($"documents[{i}].count", "Số lượng phải từ 1 đến 100.");
                if (docName is not null && d is { Count: >= 1 and <= 100 }) documents.Add(new ReceivedDocument(docName, d.Count));
            }
        }
        if (s.PortalReference is { Length: > 60 }) Add("portalReference", "Mã tham chiếu cổng dịch vụ công dài tối đa 60 ký tự.");

        return (errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), procedure, area, applicant, documents);
    }
}
