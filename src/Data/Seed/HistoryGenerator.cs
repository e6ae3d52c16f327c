using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HanoiWorkbench.Core.Calendar;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Ratings;
using HanoiWorkbench.Data.Calendar;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Core.Text;
using HanoiWorkbench.Data.Seed;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data;

/// <summary>What <see cref="HistoryGenerator"/> wrote.</summary>
public sealed record GeneratorReport(int Applications, long Steps, long Pauses, long Tickets, long Ratings, TimeSpan Elapsed)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Applications:N0} applications, {Steps:N0} steps, {Pauses:N0} pauses, {Tickets:N0} tickets, {Ratings:N0} ratings in {Elapsed.TotalSeconds:0.0} s");
}

/// <summary>
/// Writes a year of realistic history (applications with steps and pauses, queue tickets, ratings) for benchmarks
/// and demos. Deterministic for a seed. Every application is lived by Core's own aggregate, calendar and due-date rules
/// (<see cref="Seed.HistoryLives"/>), so the history obeys the rules it demonstrates; only the writing bypasses EF: a million aggregates through the change tracker
/// take an hour; prepared SQLite commands in large transactions take a couple of minutes. SQLite and PostgreSQL only. The SQL below must
/// follow the entity configurations (the generator test reads its rows back through EF to prove it does).
/// </summary>
public sealed class HistoryGenerator
{
    private const int BatchSize = 25_000;
    private static readonly TimeSpan Hanoi = HanoiWorkbench.Core.HanoiTime.Offset;
    private static readonly string[] HistoryTables = ["Applications", "ApplicationSteps", "ApplicationPauses", "Tickets", "Ratings"];

    private static readonly string[] ProvinceCodes =
    [
        "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024", "025", "026", "027",
        "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045", "046", "048", "049", "051", "052",
        "054", "056", "058", "060", "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082",
        "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096",
    ];

    private static readonly string[] Streets =
    [
        "Kim Mã", "Đội Cấn", "Liễu Giai", "Hàng Bài", "Lạc Long Quân", "Âu Cơ", "Nguyễn Văn Cừ", "Cầu Giấy", "Trần Duy Hưng",
        "Xã Đàn", "Tôn Đức Thắng", "Bạch Mai", "Minh Khai", "Giải Phóng", "Nguyễn Trãi", "Hồ Tùng Mậu", "Phạm Văn Đồng",
        "Quang Trung", "Lê Lợi", "Ngô Quyền", "Trần Phú", "Nguyễn Chí Thanh", "Láng Hạ", "Hoàng Quốc Việt", "Võ Chí Công",
    ];

    private readonly Random _rng;

    private HistoryGenerator(int seed) => _rng = new Random(seed);

    /// <summary>Writes <paramref name="applications"/> applications received over the 365 days before today (SQLite or PostgreSQL).</summary>
    public static Task<GeneratorReport> GenerateAsync(WorkbenchDbContext db, int applications, int seed, TimeProvider time,
        IProgress<string>? progress, CancellationToken cancellationToken) =>
        GenerateAsync(db, applications, seed, time, new OfficeHours(WorkingHours.Default), progress, cancellationToken);

    /// <summary>As above, with the branches' office hours of the configuration (<see cref="OfficeHours"/>).</summary>
    public static Task<GeneratorReport> GenerateAsync(WorkbenchDbContext db, int applications, int seed, TimeProvider time, OfficeHours officeHours,
        IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(officeHours);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegative(applications);
        if (!db.Database.IsSqlite() && !db.Database.IsNpgsql())
            throw new NotSupportedException("The history generator writes SQLite or PostgreSQL; generate there and copy, or add a SqlBulkCopy path.");
        return new HistoryGenerator(seed).RunAsync(db, applications, time, officeHours, progress, cancellationToken);
    }

    private async Task<GeneratorReport> RunAsync(WorkbenchDbContext db, int count, TimeProvider time, OfficeHours officeHours, IProgress<string>? progress,
        CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var now = time.GetUtcNow().ToOffset(Hanoi);
        var today = DateOnly.FromDateTime(now.DateTime);

        var groups = await db.ServiceGroups.AsNoTracking().OrderBy(g => g.Id).Select(g => new { g.Id, g.Letter }).ToListAsync(ct).ConfigureAwait(false);
        var groupIndex = groups.Select((g, i) => (g.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var staff = await db.Staff.AsNoTracking().Where(s => s.IsActive && (s.Role == StaffRole.Clerk || s.Role == StaffRole.BranchManager))
            .Select(s => new { s.Id, s.HomeBranchId }).ToListAsync(ct).ConfigureAwait(false);
        var counters = await db.Counters.AsNoTracking().Include(c => c.ServiceGroups).ToListAsync(ct).ConfigureAwait(false);
        var branchRows = await db.Branches.AsNoTracking().Where(b => b.IsActive).OrderBy(b => b.Id).ToListAsync(ct).ConfigureAwait(false);
        var branches = branchRows.Select((b, i) => new HistoryBranch(b.Id, b.Code, b.AgencyId, b.HomeAreaId,
            staff.Where(s => s.HomeBranchId == b.Id).Select(s => s.Id).ToArray(),
            counters.Where(c => c.BranchId == b.Id).OrderBy(c => c.Number).Select(c => (c.Id, c.ServiceGroups.Select(g => g.Id).ToArray())).ToArray(),
            i < 12 ? 2.0 : 1.0)).Where(b => b.Clerks.Length > 0).ToArray();
        var procedures = (await db.Procedures.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Id).ToListAsync(ct).ConfigureAwait(false))
            .Select(p => new HistoryProcedure(p, p.RequiredDocuments.Select(d => new ReceivedDocument(d, 1)).ToArray(),
                JsonSerializer.Serialize(p.RequiredDocuments.Select(d => new { Name = d, Count = 1 })), p.FeeVnd > 0 || p.ServiceGroupId == groups[2].Id))
            .ToArray();
        var areas = await db.Areas.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Id).Select(a => new { a.Id, a.Name }).ToListAsync(ct).ConfigureAwait(false);
        var areaNames = areas.ToDictionary(a => a.Id, a => a.Name);
        // The calendar every due date of the workbench is computed on: the notices and the holidays an administrator added.
        var calendar = new WorkingCalendar(await db.CalendarEntries.AsNoTracking().ToListAsync(ct).ConfigureAwait(false),
            await db.HolidayDefinitions.AsNoTracking().ToListAsync(ct).ConfigureAwait(false));
        if (branches.Length == 0 || procedures.Length == 0 || areas.Count == 0)
            throw new InvalidOperationException("Seed the reference data and staff (seed --demo, or DemoData) before generating history.");

        var lives = new HistoryLives(_rng, calendar, officeHours, now);
        var historyDays = Enumerable.Range(1, 365).Select(n => today.AddDays(-366 + n)).Where(calendar.IsWorkingDay).ToList();

        var connection = db.Database.GetDbConnection();
        var postgres = db.Database.IsNpgsql();
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            var sequences = await ReadSequencesAsync(connection, ct).ConfigureAwait(false);
            var ids = new IdCursor(connection);
            // PostgreSQL keeps its indexes and foreign keys: the rows are written parents first.
            if (!postgres) await ExecAsync(connection, "PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY; PRAGMA foreign_keys=OFF;", ct).ConfigureAwait(false);
            var dropped = postgres ? [] : await DropIndexesAsync(connection, ct).ConfigureAwait(false);
            var report = new Counts();
            try
            {
                var writer = new Writer(connection, postgres);
                await using var writerDisposal = writer.ConfigureAwait(false);
                var perDay = Spread(count, historyDays.Count);
                var written = 0;
                writer.Begin();
                for (var d = 0; d < historyDays.Count; d++)
                {
                    ct.ThrowIfCancellationRequested();
                    var day = historyDays[d];
                    var codeSeq = branches.Select(b => sequences.GetValueOrDefault((SequenceAllocator.ApplicationScope(b.AgencyId), day))).ToArray();
                    var ticketSeq = new int[branches.Length, groups.Count];
                    for (var b = 0; b < branches.Length; b++)
                        for (var g = 0; g < groups.Count; g++)
                            ticketSeq[b, g] = sequences.GetValueOrDefault((SequenceAllocator.TicketScope(branches[b].Id, groups[g].Id), day));

                    var arrivals = new (DateTimeOffset At, Channel Channel)[perDay[d]];
                    for (var i = 0; i < arrivals.Length; i++)
                    {
                        var r = _rng.NextDouble();
                        var channel = r < 0.72 ? Channel.Counter : r < 0.97 ? Channel.Online : Channel.Post;
                        // Online submissions come at any hour; the counter and the post office only in office hours.
                        arrivals[i] = (channel == Channel.Online
                            ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Hanoi).AddSeconds(_rng.Next(0, 86_400))
                            : lives.CounterArrival(day), channel);
                    }
                    Array.Sort(arrivals, (x, y) => x.At.CompareTo(y.At));

                    foreach (var (at, channel) in arrivals)
                    {
                        var b = PickBranch(branches);
                        var branch = branches[b];
                        var procedure = procedures[_rng.Next(procedures.Length)];
                        var sequence = ++codeSeq[b];
                        if (sequence > 9999) throw new InvalidOperationException($"More than 9999 applications for {branch.AgencyId} on {day}.");
                        var code = ApplicationCode.Format(branch.AgencyId, day, sequence);
                        var areaId = branch.HomeAreaId is { } home && _rng.NextDouble() < 0.8 ? home : areas[_rng.Next(areas.Count)].Id;
                        var appId = ids.Next("Applications");
                        var app = lives.Live(code, Applicant(areaNames[areaId]), branch, branches, procedure, areaId, channel, at);
                        writer.Application(appId, app, procedure);
                        foreach (var s in app.Steps) writer.Step(ids.Next("ApplicationSteps"), appId, s);
                        foreach (var p in app.Pauses) writer.Pause(ids.Next("ApplicationPauses"), appId, p);
                        report.Steps += app.Steps.Count;
                        report.Pauses += app.Pauses.Count;

                        long? ticketId = null;
                        if (channel == Channel.Counter)
                        {
                            var g = groupIndex[procedure.Entity.ServiceGroupId];
                            var ticketNo = ++ticketSeq[b, g];
                            if (_rng.NextDouble() < 0.03)
                            {
                                // Somebody took a ticket and left before being called.
                                writer.NoShowTicket(ids.Next("Tickets"), branch.Id, procedure.Entity.ServiceGroupId, groups[g].Letter, ticketNo, day, at.AddMinutes(-_rng.Next(20, 90)));
                                ticketNo = ++ticketSeq[b, g];
                                report.Tickets++;
                            }
                            ticketId = ids.Next("Tickets");
                            var counterId = PickCounter(branch, procedure.Entity.ServiceGroupId);
                            // The ticket's service received the application: one visit, linked as reception links it.
                            writer.Ticket(ticketId.Value, branch.Id, procedure.Entity.ServiceGroupId, groups[g].Letter, ticketNo, day, PickPriority(),
                                at.AddMinutes(-_rng.Next(3, 45)), at.AddMinutes(-2), at.AddMinutes(-1), at.AddMinutes(_rng.Next(4, 15)),
                                counterId, app.ReceivedByStaffId, appId);
                            report.Tickets++;
                        }
                        if (app.Status == ApplicationStatus.Returned && _rng.NextDouble() < 0.6)
                        {
                            var r = _rng.NextDouble();
                            var level = r < 0.72 ? RatingLevel.VerySatisfied : r < 0.96 ? RatingLevel.Satisfied : RatingLevel.Dissatisfied;
                            // Through the rating's own rules: a reason from the list when not satisfied, the visit's ticket and officer.
                            var reason = level == RatingLevel.Dissatisfied ? RatingRules.Reasons[_rng.Next(RatingRules.Reasons.Count - 1)] : (DissatisfactionReason?)null;
                            writer.Rating(ids.Next("Ratings"), new Rating(level, reason, null,
                                ticketId is null ? RatingChannel.QrCode : RatingChannel.Tablet, branch.Id, app.ReceivedByStaffId, appId, ticketId,
                                app.ReturnedAt!.Value.AddMinutes(_rng.Next(1, 30))));
                            report.Ratings++;
                        }
                        if (++written % BatchSize == 0)
                        {
                            writer.Commit();
                            progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{written:N0}/{count:N0} applications ({clock.Elapsed.TotalSeconds:0} s)"));
                            writer.Begin();
                        }
                    }
                    for (var b = 0; b < branches.Length; b++)
                    {
                        if (codeSeq[b] > 0) sequences[(SequenceAllocator.ApplicationScope(branches[b].AgencyId), day)] = codeSeq[b];
                        for (var g = 0; g < groups.Count; g++)
                            if (ticketSeq[b, g] > 0) sequences[(SequenceAllocator.TicketScope(branches[b].Id, groups[g].Id), day)] = ticketSeq[b, g];
                    }
                }
                writer.Commit();
                report.Applications = written;
                progress?.Report("Bumping daily sequences so live numbers continue after the history.");
                await WriteSequencesAsync(connection, postgres, sequences, ct).ConfigureAwait(false);
            }
            finally
            {
                progress?.Report("Rebuilding indexes.");
                foreach (var sql in dropped) await ExecAsync(connection, sql, CancellationToken.None).ConfigureAwait(false);
                if (!postgres) await ExecAsync(connection, "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA optimize;", CancellationToken.None).ConfigureAwait(false);
                // Explicit ids do not move PostgreSQL's identity sequences: move them past the rows written.
                foreach (var table in postgres ? HistoryTables : [])
                    await ExecAsync(connection, $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), MAX(\"Id\")) FROM \"{table}\"", CancellationToken.None).ConfigureAwait(false);
            }
            return new GeneratorReport(report.Applications, report.Steps, report.Pauses, report.Tickets, report.Ratings, clock.Elapsed);
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private sealed class Counts
    {
        public int Applications;
        public long Steps, Pauses, Tickets, Ratings;
    }

    private Applicant Applicant(string areaName)
    {
        var (surname, middle, given, female) = VietnameseNames.Next(_rng);
        var full = $"{surname} {middle} {given}";
        var birthYear = _rng.Next(1945, 2007);
        var centurySex = (birthYear >= 2000 ? 2 : 0) + (female ? 1 : 0);
        var province = _rng.NextDouble() < 0.7 ? "001" : ProvinceCodes[_rng.Next(ProvinceCodes.Length)];
        var citizenId = string.Create(CultureInfo.InvariantCulture, $"{province}{centurySex}{birthYear % 100:00}{_rng.Next(0, 1_000_000):000000}");
        var phone = string.Create(CultureInfo.InvariantCulture, $"09{_rng.Next(0, 100_000_000):00000000}");
        var address = string.Create(CultureInfo.InvariantCulture, $"Số {_rng.Next(1, 300)} {Streets[_rng.Next(Streets.Length)]}, {areaName}, Hà Nội");
        return new Applicant(full, citizenId, phone, address);
    }

    private int PickBranch(HistoryBranch[] branches)
    {
        var total = 0.0;
        foreach (var b in branches) total += b.Weight;
        var r = _rng.NextDouble() * total;
        for (var i = 0; i < branches.Length; i++)
        {
            r -= branches[i].Weight;
            if (r < 0) return i;
        }
        return branches.Length - 1;
    }

    private int? PickCounter(HistoryBranch branch, int groupId)
    {
        var serving = branch.Counters.Where(c => c.Groups.Contains(groupId)).ToArray();
        if (serving.Length == 0) return branch.Counters.Length == 0 ? null : branch.Counters[_rng.Next(branch.Counters.Length)].CounterId;
        return serving[_rng.Next(serving.Length)].CounterId;
    }

    private PriorityCategory PickPriority() => _rng.NextDouble() < 0.9 ? PriorityCategory.None : (PriorityCategory)_rng.Next(1, 6);

    /// <summary>Splits <paramref name="total"/> over <paramref name="days"/> days, busier on some days than others.</summary>
    private int[] Spread(int total, int days)
    {
        var weights = Enumerable.Range(0, days).Select(_ => 0.75 + 0.5 * _rng.NextDouble()).ToArray();
        var sum = weights.Sum();
        var counts = weights.Select(w => (int)(total * w / sum)).ToArray();
        var rest = total - counts.Sum();
        for (var i = 0; rest > 0; i = (i + 1) % days, rest--) counts[i]++;
        return counts;
    }

    private static async Task<Dictionary<(string, DateOnly), int>> ReadSequencesAsync(DbConnection connection, CancellationToken ct)
    {
        var result = new Dictionary<(string, DateOnly), int>();
        var cmd = connection.CreateCommand();
        await using var cmdDisposal = cmd.ConfigureAwait(false);
        cmd.CommandText = "SELECT \"Scope\", \"Day\", \"Value\" FROM \"DailySequences\"";
        var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await using var readerDisposal = reader.ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var day = reader.GetValue(1) is DateOnly date ? date : DateOnly.ParseExact(reader.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            result[(reader.GetString(0), day)] = reader.GetInt32(2);
        }
        return result;
    }

    private static async Task WriteSequencesAsync(DbConnection connection, bool postgres, Dictionary<(string, DateOnly), int> sequences, CancellationToken ct)
    {
        var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using var txDisposal = tx.ConfigureAwait(false);
        var cmd = connection.CreateCommand();
        await using var cmdDisposal = cmd.ConfigureAwait(false);
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO \"DailySequences\" (\"Scope\", \"Day\", \"Value\") VALUES (@s, @d, @v) ON CONFLICT(\"Scope\", \"Day\") DO UPDATE SET \"Value\" = "
            + (postgres ? "GREATEST(\"DailySequences\".\"Value\", excluded.\"Value\")" : "max(\"Value\", excluded.\"Value\")");
        var s = Parameter(cmd, "@s");
        var d = Parameter(cmd, "@d");
        var v = Parameter(cmd, "@v");
        foreach (var ((scope, day), value) in sequences)
        {
            s.Value = scope;
            d.Value = postgres ? day : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            v.Value = value;
            await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await tx.CommitAsync(ct).ConfigureAwait(false);
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>Secondary indexes are dropped for the load and rebuilt after: one sort beats a million B-tree inserts.</summary>
    private static async Task<List<string>> DropIndexesAsync(DbConnection connection, CancellationToken ct)
    {
        var indexes = new List<(string Name, string Sql)>();
        var cmd = connection.CreateCommand();
        await using (cmd.ConfigureAwait(false))
        {
            cmd.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", HistoryTables.Select(t => $"'{t}'"))})";
            var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await using var readerDisposal = reader.ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false)) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in indexes) await ExecAsync(connection, $"DROP INDEX \"{name}\"", ct).ConfigureAwait(false);
        return indexes.Select(i => i.Sql).ToList();
    }

    private static async Task ExecAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        var cmd = connection.CreateCommand();
        await using var cmdDisposal = cmd.ConfigureAwait(false);
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Hands out ids after the largest one already stored, so history can be added to a live database.</summary>
    private sealed class IdCursor(DbConnection connection)
    {
        private readonly Dictionary<string, long> _next = [];

        public long Next(string table)
        {
            if (!_next.TryGetValue(table, out var id))
            {
                using var cmd = connection.CreateCommand();
                cmd.CommandText = $"SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{table}\"";
                id = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
            }
            _next[table] = ++id;
            return id;
        }
    }

    /// <summary>Prepared, reused insert commands inside one open transaction at a time.</summary>
    private sealed class Writer : IAsyncDisposable
    {
        private readonly DbConnection _connection;
        private readonly bool _postgres;
        private readonly DbCommand _app, _step, _pause, _ticket, _rating;
        private DbTransaction? _tx;

        public Writer(DbConnection connection, bool postgres)
        {
            _connection = connection;
            _postgres = postgres;
            _app = Command("Applications", "Id", "Code", "ApplicantFullName", "ApplicantCitizenId", "ApplicantPhone", "ApplicantAddress",
                "ApplicantSearchName", "ProcedureId", "ProcedureVersion", "AreaId", "ReceivingBranchId", "HandlingBranchId", "HandlingStaffId",
                "ReceivedByStaffId", "Channel", "Status", "SubmittedAt", "ReceivedAt", "DueAt", "OriginalDueAt", "ExtensionReason",
                "CompletedAt", "ReturnedAt", "ReturnMethod", "PostalTrackingNumber", "ResultNote", "Outcome", "Version", "Documents");
            _step = Command("ApplicationSteps", "Id", "ApplicationId", "Action", "FromStatus", "ToStatus", "StaffId", "BranchId", "At", "Note");
            _pause = Command("ApplicationPauses", "Id", "Kind", "StartedAt", "EndedAt", "Reason", "Missing", "ResumeTo", "ApplicationId");
            _ticket = Command("Tickets", "Id", "BranchId", "ServiceGroupId", "Number", "Sequence", "ServiceDate", "Priority", "Status",
                "IssuedAt", "CalledAt", "StartedAt", "FinishedAt", "CounterId", "StaffId", "RecallCount", "ApplicationId", "Version");
            _rating = Command("Ratings", "Id", "Level", "BranchId", "StaffId", "ApplicationId", "TicketId", "At", "Comment", "Reason", "Channel");
        }

        private DbCommand Command(string table, params string[] columns)
        {
            var cmd = _connection.CreateCommand();
            // The documents column is jsonb on PostgreSQL, which takes no text parameter without a cast.
            var values = columns.Select((c, i) => _postgres && c == "Documents" ? $"CAST(@p{i} AS jsonb)" : $"@p{i}");
            cmd.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", values)})";
            for (var i = 0; i < columns.Length; i++) Parameter(cmd, $"@p{i}");
            return cmd;
        }

        public void Begin()
        {
            _tx = _connection.BeginTransaction();
            // Npgsql prepares only parameters of a known type; unprepared its inserts are still fast enough.
            foreach (var c in new[] { _app, _step, _pause, _ticket, _rating }) { c.Transaction = _tx; if (!_postgres) c.Prepare(); }
        }

        public void Commit()
        {
            _tx!.Commit();
            _tx.Dispose();
            _tx = null;
        }

        // The stored forms of the providers' converters (SortableDateTimeOffsetConverter, UtcDateTimeOffsetConverter).
        private object T(DateTimeOffset? v) => v is not { } x ? DBNull.Value : _postgres ? x.ToUniversalTime() : SortableDateTimeOffsetConverter.Encode(x);
        private object Day(DateOnly day) => _postgres ? day : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        private static object N<TValue>(TValue? v) where TValue : struct => v is { } x ? x : DBNull.Value;
        private static object N(string? v) => v is null ? DBNull.Value : v;

        private static void Run(DbCommand cmd, params object[] values)
        {
            for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i];
            cmd.ExecuteNonQuery();
        }

        public void Application(long id, Application a, HistoryProcedure procedure) =>
            Run(_app, id, a.Code, a.Applicant.FullName, a.Applicant.CitizenId, a.Applicant.Phone, a.Applicant.Address, a.Applicant.SearchName,
                a.ProcedureId, a.ProcedureVersion, a.AreaId, a.ReceivingBranchId, a.HandlingBranchId, N(a.HandlingStaffId), N(a.ReceivedByStaffId),
                (int)a.Channel, (int)a.Status, T(a.SubmittedAt), T(a.ReceivedAt), T(a.DueAt), T(a.OriginalDueAt), N(a.ExtensionReason),
                T(a.CompletedAt), T(a.ReturnedAt), a.ReturnMethod is { } m ? (int)m : DBNull.Value, N(a.PostalTrackingNumber), N(a.ResultNote),
                a.Outcome is { } o ? (int)o : DBNull.Value, a.Version, procedure.DocumentsJson);

        public void Step(long id, long appId, ApplicationStep s) =>
            Run(_step, id, appId, s.Action is { } act ? (int)act : DBNull.Value, s.FromStatus is { } f ? (int)f : DBNull.Value, (int)s.ToStatus,
                N(s.StaffId), s.BranchId, T(s.At), N(s.Note));

        public void Pause(long id, long appId, ClockPause p) =>
            Run(_pause, id, (int)p.Kind, T(p.StartedAt), T(p.EndedAt), p.Reason, (object?)p.Missing ?? DBNull.Value, (int)p.ResumeTo, appId);

        public void Ticket(long id, int branchId, int groupId, string letter, int sequence, DateOnly day, PriorityCategory priority,
            DateTimeOffset issued, DateTimeOffset called, DateTimeOffset started, DateTimeOffset finished, int? counterId, int? staffId, long applicationId) =>
            Run(_ticket, id, branchId, groupId, Core.Domain.Ticket.FormatNumber(letter, sequence), sequence, Day(day),
                (int)priority, (int)TicketStatus.Finished, T(issued), T(called), T(started), T(finished), N(counterId), N(staffId), 0, applicationId, 4);

        public void NoShowTicket(long id, int branchId, int groupId, string letter, int sequence, DateOnly day, DateTimeOffset issued) =>
            Run(_ticket, id, branchId, groupId, Core.Domain.Ticket.FormatNumber(letter, sequence), sequence, Day(day),
                (int)PriorityCategory.None, (int)TicketStatus.NoShow, T(issued), T(issued.AddMinutes(15)), DBNull.Value, T(issued.AddMinutes(18)),
                DBNull.Value, DBNull.Value, 2, DBNull.Value, 4);

        public void Rating(long id, Rating r) =>
            Run(_rating, id, (int)r.Level, r.BranchId, N(r.StaffId), N(r.ApplicationId), N(r.TicketId), T(r.At), N(r.Comment),
                r.Reason is { } reason ? (int)reason : DBNull.Value, (int)r.Channel);

        public async ValueTask DisposeAsync()
        {
            if (_tx is not null) await _tx.DisposeAsync().ConfigureAwait(false);
            foreach (var c in new[] { _app, _step, _pause, _ticket, _rating }) await c.DisposeAsync().ConfigureAwait(false);
        }
    }
}
