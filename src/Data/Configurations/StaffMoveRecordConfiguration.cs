using HanoiWorkbench.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanoiWorkbench.Data.Configurations;

internal sealed class StaffMoveRecordConfiguration : IEntityTypeConfiguration<StaffMoveRecord>
{
    public void Configure(EntityTypeBuilder<StaffMoveRecord> b)
    {
        b.ToTable("StaffMoves");
        b.HasKey(x => x.Id);
        b.Property(x => x.Reason).HasMaxLength(StaffMoveRecord.ReasonMaxLength);
        b.Property(x => x.Before).HasMaxLength(StaffMoveRecord.StateMaxLength);
        b.Property(x => x.After).HasMaxLength(StaffMoveRecord.StateMaxLength);
        b.HasOne<Branch>().WithMany().HasForeignKey(x => x.BranchId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Branch>().WithMany().HasForeignKey(x => x.OtherBranchId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.ActorStaffId).OnDelete(DeleteBehavior.Restrict);
        // The history outlives a counter that is removed, so the counter id is kept without a key.
        b.HasIndex(x => new { x.BranchId, x.At });
        b.HasIndex(x => new { x.OtherBranchId, x.At });
        b.HasIndex(x => new { x.StaffId, x.At });
    }
}
