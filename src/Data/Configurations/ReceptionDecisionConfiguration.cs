using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Reception;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanoiWorkbench.Data.Configurations;

internal sealed class ReceptionDecisionConfiguration : IEntityTypeConfiguration<ReceptionDecision>
{
    public void Configure(EntityTypeBuilder<ReceptionDecision> b)
    {
        // Apart from Applications on purpose: a decision has no code, no clock and is no reception.
        b.ToTable("ReceptionDecisions");
        b.HasKey(x => x.Id);
        b.Property(x => x.FullName).HasMaxLength(Applicant.FullNameMaxLength).IsRequired();
        b.Property(x => x.CitizenId).HasMaxLength(Applicant.CitizenIdMaxLength).IsRequired();
        b.Property(x => x.Phone).HasMaxLength(Applicant.PhoneMaxLength);
        b.Property(x => x.Address).HasMaxLength(Applicant.AddressMaxLength);
        b.Property(x => x.Reason).HasMaxLength(Application.NoteMaxLength).IsRequired();
        // Read and written whole with the decision: a JSON array column.
        b.PrimitiveCollection(x => x.Missing).IsRequired();
        b.HasOne<Procedure>().WithMany().HasForeignKey(x => x.ProcedureId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Branch>().WithMany().HasForeignKey(x => x.BranchId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
        // A form submitted twice (double click, resent request) finds the first decision through this index.
        b.HasIndex(x => x.Token).IsUnique();
        // The counts per branch and period (guided / refused at reception) read this index alone.
        b.HasIndex(x => new { x.BranchId, x.At, x.Kind });
        b.HasIndex(x => x.CitizenId);
    }
}
