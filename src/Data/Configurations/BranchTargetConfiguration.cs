using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanoiWorkbench.Data.Configurations;

internal sealed class BranchTargetConfiguration : IEntityTypeConfiguration<BranchTarget>
{
    public void Configure(EntityTypeBuilder<BranchTarget> b)
    {
        b.ToTable("BranchTargets");
        b.HasKey(x => x.BranchId);
        b.Property(x => x.BranchId).ValueGeneratedNever();
        b.Ignore(x => x.Thresholds);
        b.HasOne<Branch>().WithOne().HasForeignKey<BranchTarget>(x => x.BranchId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.UpdatedByStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}
