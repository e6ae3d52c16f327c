using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanoiWorkbench.Data.Configurations;

internal sealed class CityReportConfiguration : IEntityTypeConfiguration<CityReport>
{
    public void Configure(EntityTypeBuilder<CityReport> b)
    {
        b.ToTable("CityReports");
        b.HasKey(x => x.Id);
        b.Ignore(x => x.Period);
        b.Property(x => x.RequestedByName).HasMaxLength(200).IsRequired();
        b.Property(x => x.Failure).HasMaxLength(500);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.RequestedByStaffId).OnDelete(DeleteBehavior.Restrict);
        // The list reads the newest first; a request looks for the month's reports still in flight.
        b.HasIndex(x => x.RequestedAt);
        b.HasIndex(x => new { x.Month, x.Status });
    }
}
