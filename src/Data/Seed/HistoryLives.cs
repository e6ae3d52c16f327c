using System.Globalization;
using HanoiWorkbench.Core.Calendar;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Rules;
using HanoiWorkbench.Data.Calendar;

namespace HanoiWorkbench.Data.Seed;

/// <summary>A branch as the history generator uses it.</summary>
internal sealed record HistoryBranch(int Id, string Code, string AgencyId, int? HomeAreaId, int[] Clerks, (int CounterId, int[] Groups)[] Counters, double Weight);

/// <summary>A procedure as the history generator uses it: the entity (for Core's rules) and its documents, once.</summary>
internal sealed record HistoryProcedure(Procedure Entity, ReceivedDocument[] Documents, string DocumentsJson, bool HasFees);

/// <summary>
/// Lives one application through the workbench's own rules, so the demo history never contradicts what it demonstrates:
/// the <see cref="Application"/> aggregate moves it (each step through <see cref="ApplicationLifecycle"/>, refusing what
/// the lifecycle refuses), due dates come from <see cref="DueDateRules.ComputeDue"/> on the working calendar with the
/// branch's office hours, a supplement moves the due date by <see cref="DueDateRules.ExtendByPauses"/> exactly as the
/// clerk's "Nhận bổ sung" does, and every clerk's action falls inside office hours (<see cref="WorkingTime"/>), only
/// online submissions arriving at any hour. It stops wherever the application has got to by <c>now</c>.
/// </summary>
internal sealed class HistoryLives(Random rng, WorkingCalendar calendar, OfficeHours officeHours, DateTimeOffset now)
{
    private static readonly string[] ProcessingRefusals =
    [
        "Kết quả thẩm định: không đủ điều kiện theo quy định",
        "Thông tin kê khai không khớp với cơ sở dữ liệu quốc gia về dân cư",
        "Đối tượng không thuộc diện được giải quyết theo quy định",
    ];

    private static readonly string[] Refusals =
        ["Hồ sơ không đúng thành phần theo quy định", "Thủ tục không thuộc phạm vi tiếp nhận", "Giấy tờ tùy thân đã hết hạn"];

    /// <summary>The application <paramref name="at"/> brought (received at the counter, or submitted online or by post), as it stands now.</summary>
    public Application Live(string code, Applicant applicant, HistoryBranch branch, HistoryBranch[] all, HistoryProcedure procedure, int areaId,
        Channel channel, DateTimeOffset at)
    {
        var hours = officeHours.For(branch.Code);
        var clerk = branch.Clerks[rng.Next(branch.Clerks.Length)];
        Application app;
        DateTimeOffset received;
        if (channel == Channel.Counter)
        {
            received = at;
            app = Application.ReceiveAtCounter(code, applicant, procedure.Entity, areaId, branch.Id, clerk, procedure.Documents, at, Due(at, procedure, hours));
        }
        else
        {
            // Not received until a clerk checks it (domain.md §3), within office hours; a few are refused at the check.
            app = Application.Submit(code, applicant, procedure.Entity, areaId, branch.Id, channel, procedure.Documents, at);
            received = Office(at, rng.Next(20, 16 * 60), hours);
            if (received > now) return app;
            if (rng.NextDouble() < 0.05)
            {
                app.Refuse(clerk, branch.Id, received, Refusals[rng.Next(Refusals.Length)]);
                return app;
            }
            app.ReceiveSubmission(clerk, branch.Id, received, Due(received, procedure, hours), procedure.Documents);
        }

        // Load moves between branches: some applications are processed elsewhere.
        var fate = rng.NextDouble();
        var handling = rng.NextDouble() < 0.15 ? all[rng.Next(all.Length)] : branch;
        var handler = handling.Clerks[rng.Next(handling.Clerks.Length)];
        var started = Office(received, rng.Next(10, 180), hours);
        if (started > now) return app;
        app.StartProcessing(handler, handling.Id, started);
        if (fate < 0.01) return Then(app, Office(started, 5 * 60, hours), at => app.Withdraw(handler, handling.Id, at, "Công dân đề nghị rút hồ sơ"));
        if (fate < 0.015) return Then(app, Office(started, 5 * 60, hours), at => app.Stop(handler, handling.Id, at, "Đối tượng không đủ điều kiện theo quy định"));

        var resumed = started;
        var detour = rng.NextDouble();
        if (detour < 0.08)
        {
            // Supplement requested: the clock stops, and the due date moves by the working time it stood still.
            var ask = Office(started, Share(started, app.DueAt!.Value, 1.0 / 3, hours), hours);
            if (ask > now) return app;
            var missing = procedure.Entity.RequiredDocuments[rng.Next(procedure.Entity.RequiredDocuments.Count)];
            app.RequestSupplement(handler, handling.Id, ask, missing, "Thành phần hồ sơ theo quy định của thủ tục");
            var back = Office(ask, rng.Next(1, 8) * (int)hours.PerDay.TotalMinutes, hours);
            if (back > now) return app;
            app.ReceiveSupplement(handler, handling.Id, back, DueDateRules.ExtendByPauses(app.DueAt!.Value, [(ask, back)], back, calendar, officeHours.Default));
            resumed = back;
        }
        else if (detour < 0.12 && procedure.HasFees)
        {
            var ask = Office(started, Share(started, app.DueAt!.Value, 0.5, hours), hours);
            if (ask > now) return app;
            app.AwaitFinancialObligation(handler, handling.Id, ask, "Chờ nộp lệ phí, thuế theo thông báo");
            var paid = Office(ask, rng.Next(2, 72) * 60, hours);
            if (paid > now) return app;
            // Fees and taxes stop the clock as a supplement does (domain.md §3): the due date moves by the time it stood still.
            app.FulfilFinancialObligation(handler, handling.Id, paid, DueDateRules.ExtendByPauses(app.DueAt!.Value, [(ask, paid)], paid, calendar, officeHours.Default));
            resumed = paid;
        }

        // Most finish well before the (possibly moved) due date; about one in seventeen after it.
        var due = app.DueAt!.Value;
        var done = rng.NextDouble() < 0.06
            ? Office(due > resumed ? due : resumed, rng.Next(2, 48) * 60, hours)
            : Office(resumed, Math.Max(30, Share(resumed, due, 0.35 + 0.6 * rng.NextDouble(), hours)), hours);
        if (done > now) return app;
        // About one in forty ends refused after processing, with the written reason the decree asks for.
        if (rng.NextDouble() < 0.025) app.Complete(handler, handling.Id, done, ProcessingOutcome.Refused, ProcessingRefusals[rng.Next(ProcessingRefusals.Length)]);
        else app.Complete(handler, handling.Id, done, "Đã có kết quả");

        var returned = Office(done, rng.Next(30, 3 * (int)hours.PerDay.TotalMinutes), hours);
        if (returned > now || rng.NextDouble() < 0.01) return app;
        var byPost = rng.NextDouble() < 0.12;
        app.Return(clerk, branch.Id, returned, byPost ? ReturnMethod.Post : ReturnMethod.InPerson,
            byPost ? string.Create(CultureInfo.InvariantCulture, $"EL{rng.Next(100_000_000, 999_999_999)}VN") : null);
        return app;
    }

    /// <summary>A counter arrival on a working day: a random moment of its office hours, at least ten minutes before closing.</summary>
    public DateTimeOffset CounterArrival(DateOnly day)
    {
        var hours = officeHours.Default;
        var open = (int)(hours.PerDay - TimeSpan.FromMinutes(10)).TotalMinutes;
        return Office(WorkingHours.At(day, hours.MorningStart), rng.Next(0, open), hours);
    }

    private Application Then(Application app, DateTimeOffset at, Action<DateTimeOffset> act)
    {
        if (at <= now) act(at);
        return app;
    }

    private DateTimeOffset Due(DateTimeOffset receivedAt, HistoryProcedure p, WorkingHours hours) =>
        DueDateRules.ComputeDue(receivedAt, p.Entity.ProcessingUnit, p.Entity.ProcessingValue, calendar, hours);

    /// <summary>The office moment <paramref name="minutes"/> of working time after <paramref name="from"/> (never a closing time).</summary>
    private DateTimeOffset Office(DateTimeOffset from, int minutes, WorkingHours hours) =>
        WorkingTime.NextWorkingMoment(WorkingTime.Add(from, TimeSpan.FromMinutes(minutes), calendar, hours), calendar, hours);

    /// <summary>The given share of the working minutes between two moments.</summary>
    private int Share(DateTimeOffset from, DateTimeOffset to, double share, WorkingHours hours) =>
        (int)(WorkingTime.Between(from, to, calendar, hours).TotalMinutes * share);
}
