using HanoiWorkbench.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace HanoiWorkbench.Data.Search;

/// <summary>
/// The given name (last word of the folded full name) as a generated, indexed column, so "an" finds "Nguyễn Văn An"
/// with an index range instead of a LIKE '% an%' scan of a million rows. The database computes it, so every writer
/// (the EF model, the history generator's raw INSERTs) gets it for free.
/// </summary>
public static class SearchColumns
{
    public const string GivenName = "GivenSearchName";
    public const string GivenNameColumn = "ApplicantGivenName";

    // rtrim(s, <all non-space chars of s>) strips the last word; what is left is the position of the last space.
    internal const string SqliteGivenName = "substr(\"ApplicantSearchName\", length(rtrim(\"ApplicantSearchName\", replace(\"ApplicantSearchName\", ' ', ''))) + 1)";
    internal const string SqlServerGivenName = "RIGHT([ApplicantSearchName], CHARINDEX(' ', REVERSE([ApplicantSearchName]) + ' ') - 1)";
    internal const string PostgresGivenName = "reverse(split_part(reverse(\"ApplicantSearchName\"), ' ', 1))";

    /// <summary>
    /// PostgreSQL compares text by the database's locale, which skips spaces and punctuation: the prefix ranges of
    /// <see cref="ApplicationSearch"/> (and name order) assume code-point order, SQLite's default, so these columns use "C".
    /// </summary>
    internal const string PostgresBinaryCollation = "C";

    internal static void Configure(ModelBuilder builder, DatabaseFacade database)
    {
        var sqlite = database.IsSqlite();
        var postgres = database.IsNpgsql();
        ConfigureIndexes(builder);
        if (postgres) builder.Entity<Application>().Property(x => x.Code).UseCollation(PostgresBinaryCollation);
        builder.Entity<Application>().OwnsOne(x => x.Applicant, a =>
        {
            var given = a.Property<string>(GivenName).HasColumnName(GivenNameColumn).HasMaxLength(Applicant.FullNameMaxLength)
                .HasComputedColumnSql(sqlite ? SqliteGivenName : postgres ? PostgresGivenName : SqlServerGivenName, stored: !sqlite);
            if (postgres)
            {
                given.UseCollation(PostgresBinaryCollation);
                a.Property(p => p.SearchName).UseCollation(PostgresBinaryCollation);
                a.Property(p => p.CitizenId).UseCollation(PostgresBinaryCollation);
            }
            // Name lists are ordered by the full name: carrying it in the index keeps the sort off the table.
            a.HasIndex(GivenName, nameof(Applicant.SearchName));

            // A clerk's name search keeps to the branch's received or handled applications. EF indexes an owned type's
            // properties only, so the owner's branch columns are mirrored here read-only (same column, never written
            // from this side) to put them first in the name indexes.
            foreach (var branch in new[] { nameof(Application.ReceivingBranchId), nameof(Application.HandlingBranchId) })
            {
                builder.Entity<Application>().Property(branch).HasColumnName(branch);
                var mirror = a.Property<int>(branch + "Mirror").HasColumnName(branch);
                mirror.Metadata.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
                mirror.Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
                a.HasIndex(branch + "Mirror", nameof(Applicant.SearchName));
                a.HasIndex(branch + "Mirror", GivenName, nameof(Applicant.SearchName));
            }
        });
    }

    /// <summary>
    /// After the owner's <see cref="Application.Applicant"/> was replaced by a new record (anonymisation), EF saves the new one as
    /// a fresh dependent row of the shared table: its branch mirrors must carry the owner's values, or the update writes 0.
    /// </summary>
    internal static void KeepMirrors(WorkbenchDbContext db, Application application)
    {
        var applicant = db.Entry(application).Reference(x => x.Applicant).TargetEntry
            ?? throw new InvalidOperationException("The applicant is not tracked.");
        applicant.Property(nameof(Application.ReceivingBranchId) + "Mirror").CurrentValue = application.ReceivingBranchId;
        applicant.Property(nameof(Application.HandlingBranchId) + "Mirror").CurrentValue = application.HandlingBranchId;
    }

    /// <summary>Status + branch lists sorted by due date read one index range each.</summary>
    internal static void ConfigureIndexes(ModelBuilder builder)
    {
        var applications = builder.Entity<Application>();
        applications.HasIndex(x => new { x.HandlingBranchId, x.Status, x.DueAt });
        applications.HasIndex(x => new { x.ReceivingBranchId, x.Status, x.DueAt });
        applications.HasIndex(x => new { x.Status, x.DueAt });
        applications.HasIndex(x => new { x.AreaId, x.Status });
        // The tracking book: a branch's receipts over a period.
        applications.HasIndex(x => new { x.ReceivingBranchId, x.ReceivedAt });
    }
}
