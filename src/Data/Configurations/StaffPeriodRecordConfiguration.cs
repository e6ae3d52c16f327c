using HanoiWorkbench.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanoiWorkbench.Data.Configurations;

internal sealed class StaffPeriodRecordConfiguration : IEntityTypeConfiguration<StaffPeriodRecord>
{
    public void Configure(EntityTypeBuilder<StaffPeriodRecord> b)
    {
        b.ToTable("StaffPeriods");
        b.HasKey(x => x.Id);
        b.Property(x => x.Reason).HasMaxLength(StaffPeriodRecord.ReasonMaxLength).IsRequired();
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.RecordedByStaffId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.CancelledByStaffId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Branch>().WithMany().HasForeignKey(x => x.ToBranchId).OnDelete(DeleteBehavior.Restrict);
        // Overlap checks and the board: one person's periods by start; the job: periods not ended, by start.
        b.HasIndex(x => new { x.StaffId, x.From });
        b.HasIndex(x => new { x.ToBranchId, x.To });
        b.HasIndex(x => new { x.EndedAt, x.CancelledAt, x.From });
        b.Ignore(x => x.IsCounted);
    }
}
