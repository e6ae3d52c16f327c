using System.Globalization;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Text;
using HanoiWorkbench.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanoiWorkbench.Data;

/// <summary>
/// Brings the database to the latest migration, then adds whatever reference data is missing (areas, service groups,
/// branches, counters, procedures, calendar). Safe to run at every start, in every environment. It creates no staff and no
/// sign-in account: those are demo data (<see cref="DemoData"/>) or the first administrator (<c>create-admin</c>).
/// </summary>
public static class DatabaseInitializer
{

    public static Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        return InitializeAsync(services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>(), cancellationToken);
    }

    public static async Task InitializeAsync(IDbContextFactory<WorkbenchDbContext> contexts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            await SeedAreasAsync(db, cancellationToken).ConfigureAwait(false);
            await SeedServiceGroupsAsync(db, cancellationToken).ConfigureAwait(false);
            await SeedBranchesAsync(db, cancellationToken).ConfigureAwait(false);
            await SeedCountersAsync(db, cancellationToken).ConfigureAwait(false);
            await SeedProceduresAsync(db, cancellationToken).ConfigureAwait(false);
            await CalendarSeed.SeedAsync(db, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task SeedAreasAsync(WorkbenchDbContext db, CancellationToken ct)
    {
        var existing = (await db.Areas.Select(a => a.Code).ToListAsync(ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        foreach (var (code, name, kind) in ReferenceData.Districts)
            if (existing.Add(code)) db.Areas.Add(new Area(code, name, kind));
        // The post-2025 wards are the alternative set: loaded, but off until an administrator switches over.
        foreach (var row in Csv.ReadResource("wards.csv"))
        {
            if (!existing.Add(row["code"])) continue;
            var ward = new Area(row["code"], row["name"], row["kind"].Trim() == "xã" ? AreaKind.Commune : AreaKind.Ward);
            ward.SetActive(false);
            db.Areas.Add(ward);
        }
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    private static async Task SeedServiceGroupsAsync(WorkbenchDbContext db, CancellationToken ct)
    {
        var existing = (await db.ServiceGroups.Select(g => g.Letter).ToListAsync(ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        foreach (var (letter, name) in ReferenceData.ServiceGroups)
            if (!existing.Contains(letter)) db.ServiceGroups.Add(new ServiceGroup(letter, name));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The agency id of the n-th seeded branch: 000.00.01.H26 … 000.00.30.H26 (H26 = Hà Nội).</summary>
    /// <summary>The reference file annotates addresses in English ("(former UBND quận ...)", "now ..."); staff and citizens see only the address.</summary>
    public static string CleanAddress(string address)
    {
        var cleaned = System.Text.RegularExpressions.Regex.Replace(address, @"\s*\((former|now|per|centre)[^)]*\)", "");
        cleaned = System.Text.RegularExpressions.Regex.Split(cleaned, "; | - ")[0];
        cleaned = System.Text.RegularExpressions.Regex.Replace(cleaned, "^[Ff]ormer ", "").Replace(" area", "", StringComparison.Ordinal);
        return cleaned.Trim().TrimEnd(',', ';');
    }

    public static string AgencyIdFor(string branchCode) =>
        string.Create(CultureInfo.InvariantCulture, $"000.00.{int.Parse(branchCode.AsSpan(2), CultureInfo.InvariantCulture):00}.H26");

    private static async Task SeedBranchesAsync(WorkbenchDbContext db, CancellationToken ct)
    {
        var existing = (await db.Branches.Select(b => b.Code).ToListAsync(ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var districts = await db.Areas.Where(a => a.Kind != AreaKind.Ward && a.Kind != AreaKind.Commune)
            .ToDictionaryAsync(a => a.Name, a => a.Id, ct).ConfigureAwait(false);
        foreach (var row in Csv.ReadResource("branches.csv"))
        {
            var code = row["branch_code"];
            if (existing.Contains(code)) continue;
            db.Branches.Add(new Branch(code, row["name"], AgencyIdFor(code), CleanAddress(row["address"]),
                double.Parse(row["latitude"], CultureInfo.InvariantCulture), double.Parse(row["longitude"], CultureInfo.InvariantCulture),
                new TimeOnly(8, 0), new TimeOnly(17, 0),
                districts.TryGetValue(row["former_district"], out var areaId) ? areaId : null));
        }
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    private static async Task SeedCountersAsync(WorkbenchDbContext db, CancellationToken ct)
    {
        var groups = await db.ServiceGroups.OrderBy(g => g.Letter).ToListAsync(ct).ConfigureAwait(false);
        var branches = await db.Branches.Include(b => b.Counters).OrderBy(b => b.Code).ToListAsync(ct).ConfigureAwait(false);
        foreach (var branch in branches.Where(b => b.Counters.Count == 0))
        {
            // Seeded by branch code, so a branch always gets the same counters; every group is served somewhere.
            var rng = new Random(1000 + int.Parse(branch.Code.AsSpan(2), CultureInfo.InvariantCulture));
            var count = rng.Next(3, 9);
            var served = Enumerable.Range(0, count).Select(_ => new List<ServiceGroup>()).ToList();
            for (var g = 0; g < groups.Count; g++) served[g % count].Add(groups[g]);
            for (var n = 0; n < count; n++)
            {
                var counter = new Counter(branch.Id, n + 1);
                if (served[n].Count == 0) served[n].Add(groups[rng.Next(groups.Count)]);
                var extra = rng.Next(0, 3);
                while (served[n].Count < 3 && extra-- > 0) served[n].Add(groups[rng.Next(groups.Count)]);
                counter.ServeGroups(served[n]);
                db.Counters.Add(counter);
            }
        }
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    public static string FieldCode(string fieldName)
    {
        var folded = VietnameseText.Fold(fieldName);
        var chars = folded.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        return string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
    }

    private static async Task SeedProceduresAsync(WorkbenchDbContext db, CancellationToken ct)
    {
        var rows = Csv.ReadResource("procedures.csv");
        var fields = await db.ProcedureFields.ToDictionaryAsync(f => f.Code, ct).ConfigureAwait(false);
        foreach (var name in rows.Select(r => r["field"].Trim()).Distinct())
        {
            var code = FieldCode(name);
            if (fields.ContainsKey(code)) continue;
            var field = new ProcedureField(code, name);
            fields[code] = field;
            db.ProcedureFields.Add(field);
        }
        await db.SaveChangesAsync(ct).ConfigureAwait(false);

        var groups = await db.ServiceGroups.ToDictionaryAsync(g => g.Letter, g => g.Id, ct).ConfigureAwait(false);
        var existing = (await db.Procedures.Select(p => p.Name).ToListAsync(ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (existing.Contains(row["name"].Trim())) continue;
            var unit = row["processing_unit"] switch
            {
                "same_day" => ProcessingUnit.SameDay,
                "working_hours" => ProcessingUnit.WorkingHours,
                _ => ProcessingUnit.WorkingDays,
            };
            var value = unit == ProcessingUnit.SameDay ? 0 : int.Parse(row["processing_value"], CultureInfo.InvariantCulture);
            db.Procedures.Add(new Procedure(
                row["code"], row["name"], fields[FieldCode(row["field"].Trim())].Id, value, unit,
                long.Parse(row["fee_vnd"], CultureInfo.InvariantCulture), row["fee_note"],
                row["documents"].Split(" | ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                row["authority_level"] switch { "city" => AuthorityLevel.City, "district" => AuthorityLevel.District, _ => AuthorityLevel.Ward },
                groups[row["service_group"].Trim()],
                row["online_level"] switch { "full" => OnlineLevel.Full, "partial" => OnlineLevel.Partial, _ => OnlineLevel.None }));
        }
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }
}
