using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Pool;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanoiWorkbench.Data.Configurations;

internal sealed class WorkItemConfiguration : IEntityTypeConfiguration<WorkItem>
{
    public void Configure(EntityTypeBuilder<WorkItem> b)
    {
        b.ToTable("WorkItems");
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ProcedureField>().WithMany().HasForeignKey(x => x.FieldId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Branch>().WithMany().HasForeignKey(x => x.QueuedBranchId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.ClaimedByStaffId).OnDelete(DeleteBehavior.Restrict);
        // Take-next: open items of a skill by least slack, citywide and for one branch.
        b.HasIndex(x => new { x.State, x.FieldId, x.LatestStartAt });
        b.HasIndex(x => new { x.State, x.QueuedBranchId, x.FieldId, x.LatestStartAt });
        // Auto-return: claims by last touch; "my items".
        b.HasIndex(x => new { x.State, x.TouchedAt });
        b.HasIndex(x => new { x.ClaimedByStaffId, x.State });
        // Online submissions waiting for a check, per branch.
        b.HasIndex(x => new { x.Kind, x.State, x.QueuedBranchId });
        b.Ignore(x => x.Effort);
        b.Ignore(x => x.CanMove);
    }
}

internal sealed class WorkItemMoveConfiguration : IEntityTypeConfiguration<WorkItemMove>
{
    public void Configure(EntityTypeBuilder<WorkItemMove> b)
    {
        b.ToTable("WorkItemMoves");
        b.HasKey(x => x.Id);
        b.Property(x => x.Reason).HasMaxLength(WorkItemMove.ReasonMaxLength).IsRequired();
        b.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Branch>().WithMany().HasForeignKey(x => x.FromBranchId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Branch>().WithMany().HasForeignKey(x => x.ToBranchId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.ByStaffId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.WorkItemId);
    }
}
