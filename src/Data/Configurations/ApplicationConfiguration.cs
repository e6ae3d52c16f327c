using HanoiWorkbench.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanoiWorkbench.Data.Configurations;

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> b)
    {
        b.ToTable("Applications");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(Application.CodeMaxLength).IsRequired();
        b.Property(x => x.ExtensionReason).HasMaxLength(Application.NoteMaxLength);
        b.Property(x => x.PostalTrackingNumber).HasMaxLength(Application.PostalTrackingNumberMaxLength);
        b.Property(x => x.ResultNote).HasMaxLength(Application.NoteMaxLength);
        b.Property(x => x.Version).IsConcurrencyToken();

        // Owned in the same table (not a complex type) so its columns can carry the search indexes.
        b.OwnsOne(x => x.Applicant, a =>
        {
            a.Property(p => p.FullName).HasColumnName("ApplicantFullName").HasMaxLength(Applicant.FullNameMaxLength).IsRequired();
            a.Property(p => p.SearchName).HasColumnName("ApplicantSearchName").HasMaxLength(Applicant.FullNameMaxLength).IsRequired();
            a.Property(p => p.CitizenId).HasColumnName("ApplicantCitizenId").HasMaxLength(Applicant.CitizenIdMaxLength).IsRequired();
            a.Property(p => p.Phone).HasColumnName("ApplicantPhone").HasMaxLength(Applicant.PhoneMaxLength).IsRequired();
            a.Property(p => p.Address).HasColumnName("ApplicantAddress").HasMaxLength(Applicant.AddressMaxLength).IsRequired();
            a.HasIndex(p => p.CitizenId);
            a.HasIndex(p => p.Phone);
            a.HasIndex(p => p.SearchName);
        });
        b.Navigation(x => x.Applicant).IsRequired();

        // The documents received are only ever read with their application: one JSON column.
        b.OwnsMany(x => x.Documents, d =>
        {
            d.ToJson("Documents");
            d.Property(p => p.Name).HasMaxLength(ReceivedDocument.NameMaxLength);
        });

        b.HasMany(x => x.Steps).WithOne().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Pauses).WithOne().HasForeignKey("ApplicationId").IsRequired().OnDelete(DeleteBehavior.Cascade);

        b.HasOne<Procedure>().WithMany().HasForeignKey(x => x.ProcedureId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Branch>().WithMany().HasForeignKey(x => x.ReceivingBranchId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Branch>().WithMany().HasForeignKey(x => x.HandlingBranchId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.HandlingStaffId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.ReceivedByStaffId).OnDelete(DeleteBehavior.Restrict);

        b.HasIndex(x => x.Code).IsUnique();
        // A form submitted twice (double click, resent request) finds the first application through this index.
        b.HasIndex(x => x.ReceptionToken).IsUnique();
        b.HasIndex(x => x.Status);
        // The retention run looks for closed applications not yet anonymised.
        b.HasIndex(x => new { x.Status, x.AnonymisedAt });
        b.HasIndex(x => x.DueAt);
        b.HasIndex(x => x.HandlingBranchId);
        b.HasIndex(x => x.ReceivingBranchId);
        b.HasIndex(x => x.AreaId);
        b.HasIndex(x => x.ReceivedAt);
        // The productivity report counts a period per branch and official from these alone (covering: no table reads).
        b.HasIndex(x => new { x.ReceivingBranchId, x.ReceivedAt, x.ReceivedByStaffId });
        b.HasIndex(x => new { x.HandlingBranchId, x.CompletedAt, x.HandlingStaffId, x.OriginalDueAt, x.DueAt });
        b.Ignore(x => x.IsExtended);
    }
}
