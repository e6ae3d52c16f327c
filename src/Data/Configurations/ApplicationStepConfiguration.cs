using HanoiWorkbench.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanoiWorkbench.Data.Configurations;

internal sealed class ApplicationStepConfiguration : IEntityTypeConfiguration<ApplicationStep>
{
    public void Configure(EntityTypeBuilder<ApplicationStep> b)
    {
        b.ToTable("ApplicationSteps");
        b.HasKey(x => x.Id);
        b.Property(x => x.Note).HasMaxLength(ApplicationStep.NoteMaxLength);
        b.HasOne<Branch>().WithMany().HasForeignKey(x => x.BranchId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ApplicationId);
        b.HasIndex(x => new { x.StaffId, x.At });
    }
}
