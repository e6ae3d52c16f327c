using HanoiWorkbench.Core.Live;
using System.ComponentModel.DataAnnotations;
using HanoiWorkbench.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace HanoiWorkbench.Data.Admin;

public sealed class CounterForm
{
    public int? Id { get; set; }

    [Range(1, int.MaxValue, ErrorMessage = "Chọn chi nhánh.")]
    public int BranchId { get; set; }

    [Required(ErrorMessage = "Nhập số quầy.")]
    [Range(1, 999, ErrorMessage = "Số quầy phải từ 1 đến 999.")]
    public int? Number { get; set; }

    [StringLength(Counter.NameMaxLength, ErrorMessage = "Tên quầy dài tối đa {1} ký tự.")]
    public string? Name { get; set; }

    [AtLeastOne(ErrorMessage = "Chọn ít nhất một nhóm dịch vụ.")]
    public IReadOnlyCollection<int> ServiceGroupIds { get; set; } = [];
}

public sealed record CounterAdminRow(int Id, int Number, string Name, IReadOnlyList<string> ServiceGroups, bool IsOpen);

public sealed record ServiceGroupOption(int Id, string Letter, string Name)
{
    public string Label => $"{Letter} · {Name}";
}

/// <summary>Counters of a branch and the service groups each serves.</summary>
public sealed class CounterAdmin(IDbContextFactory<WorkbenchDbContext> dbFactory, TimeProvider clock, ILiveEvents live)
{
    private static readonly DomainErrorRouter Routes = new(typeof(CounterForm), (nameof(Counter.ServiceGroups), nameof(CounterForm.ServiceGroupIds)));

    public async Task<IReadOnlyList<CounterAdminRow>> ListAsync(int branchId, CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var rows = await db.Counters.AsNoTracking().Where(c => c.BranchId == branchId).OrderBy(c => c.Number)
            .Select(c => new { c.Id, c.Number, c.Name, c.IsOpen, Groups = c.ServiceGroups.OrderBy(g => g.Letter).Select(g => g.Letter + " · " + g.Name).ToList() })
            .ToListAsync(ct).ConfigureAwait(false);
        return rows.Select(r => new CounterAdminRow(r.Id, r.Number, r.Name, r.Groups, r.IsOpen)).ToList();
    }

    public async Task<IReadOnlyList<ServiceGroupOption>> ServiceGroupsAsync(CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        return await db.ServiceGroups.AsNoTracking().OrderBy(g => g.Letter)
            .Select(g => new ServiceGroupOption(g.Id, g.Letter, g.Name)).ToListAsync(ct).ConfigureAwait(false);
    }

    public async Task<CounterForm?> GetAsync(int id, CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var c = await db.Counters.AsNoTracking().Include(x => x.ServiceGroups).FirstOrDefaultAsync(x => x.Id == id, ct).ConfigureAwait(false);
        return c is null ? null : new CounterForm
        {
            Id = c.Id, BranchId = c.BranchId, Number = c.Number, Name = c.Name,
            ServiceGroupIds = c.ServiceGroups.Select(g => g.Id).ToList(),
        };
    }

    public async Task<SaveResult> SaveAsync(CounterForm form, AdminActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(actor);
        var result = new SaveResult();
        var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);

        Counter? counter = null;
        if (form.Id is { } id)
        {
            counter = await db.Counters.Include(c => c.ServiceGroups).Include(c => c.SessionGroups).FirstOrDefaultAsync(c => c.Id == id, ct).ConfigureAwait(false);
            if (counter is null) return result.AddError("Quầy không còn tồn tại.");
            if (counter.BranchId != form.BranchId) return result.AddError("Không thể chuyển quầy sang chi nhánh khác.");
        }
        else if (!await db.Branches.AnyAsync(b => b.Id == form.BranchId, ct).ConfigureAwait(false))
        {
            return result.AddFieldError(nameof(CounterForm.BranchId), "Chọn chi nhánh.");
        }

        if (form.Number is null) return result.AddFieldError(nameof(CounterForm.Number), "Nhập số quầy.");
        var number = form.Number.Value;
        if (await db.Counters.AnyAsync(c => c.BranchId == form.BranchId && c.Number == number && c.Id != (form.Id ?? 0), ct).ConfigureAwait(false))
            result.AddFieldError(nameof(CounterForm.Number), "Chi nhánh đã có quầy mang số này.");
        var groupIds = form.ServiceGroupIds.Distinct().ToList();
        var groups = await db.ServiceGroups.Where(g => groupIds.Contains(g.Id)).ToListAsync(ct).ConfigureAwait(false);
        if (groups.Count != groupIds.Count)
            result.AddFieldError(nameof(CounterForm.ServiceGroupIds), "Có nhóm dịch vụ không còn tồn tại.");
        if (result.HasErrors) return result;

        string action;
        try
        {
            if (counter is null)
            {
                counter = new Counter(form.BranchId, number, form.Name);
                db.Counters.Add(counter);
                action = "Tạo quầy";
            }
            else
            {
                counter.Update(number, form.Name);
                action = "Sửa quầy";
            }
            counter.ServeGroups(groups);
        }
        catch (DomainException ex)
        {
            Routes.Add(result, ex);
            return result;
        }

        var c = counter;
        await AuditedSave.SaveAsync(db, clock, actor, action, nameof(Counter), () => AuditedSave.Id(c.Id),
            $"Chi nhánh {c.BranchId} · quầy {c.Number} · {c.Name} · nhóm {string.Join(",", groups.Select(g => g.Letter).Order())}", ct).ConfigureAwait(false);
        // Screens showing this branch (counter pages, lobby displays, dashboards) re-read.
        await live.PublishAsync(LiveEventKind.CounterChanged, c.BranchId, c.Id, ct).ConfigureAwait(false);
        return SaveResult.Saved(c.Id);
    }
}
