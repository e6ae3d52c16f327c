using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Core.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanoiWorkbench.Data.Configurations;

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> b)
    {
        b.ToTable("Alerts");
        b.HasKey(x => x.Id);
        b.Ignore(x => x.Key);
        b.Ignore(x => x.State);
        b.Ignore(x => x.CanAcknowledge);
        b.Property(x => x.Subject).HasMaxLength(Alert.SubjectMaxLength).IsRequired();
        b.Property(x => x.Description).HasMaxLength(Alert.DescriptionMaxLength).IsRequired();
        b.Property(x => x.OpenKey).HasMaxLength(Alert.OpenKeyMaxLength);
        b.Property(x => x.AcknowledgedByName).HasMaxLength(Alert.NameMaxLength);
        b.Property(x => x.AcknowledgementNote).HasMaxLength(Alert.NoteMaxLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Branch>().WithMany().HasForeignKey(x => x.BranchId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.AcknowledgedByStaffId).OnDelete(DeleteBehavior.Restrict);
        // One open episode per condition, whichever instance raises it first: the key is cleared when the episode ends, and
        // a unique index lets many NULLs through (SQL Server's is filtered to non-NULL by EF's convention).
        b.HasIndex(x => x.OpenKey).IsUnique();
        // The list reads the newest first, by branch; the badge counts the unacknowledged.
        b.HasIndex(x => new { x.BranchId, x.StartedAt });
        b.HasIndex(x => x.StartedAt);
        b.HasIndex(x => new { x.AcknowledgedAt, x.BranchId });
    }
}
