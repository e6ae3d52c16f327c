using HanoiWorkbench.Core.Audit;
using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanoiWorkbench.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.HasKey(x => x.Id);
        b.Property(x => x.UserName).HasMaxLength(AuditEntry.UserNameMaxLength).IsRequired();
        b.Property(x => x.Action).HasMaxLength(AuditEntry.ActionMaxLength).IsRequired();
        b.Property(x => x.EntityType).HasMaxLength(AuditEntry.EntityTypeMaxLength).IsRequired();
        b.Property(x => x.EntityId).HasMaxLength(AuditEntry.EntityIdMaxLength).IsRequired();
        b.Property(x => x.Details).HasMaxLength(AuditEntry.TextMaxLength);
        b.Property(x => x.Before).HasMaxLength(AuditEntry.TextMaxLength);
        b.Property(x => x.After).HasMaxLength(AuditEntry.TextMaxLength);
        b.Property(x => x.PreviousHash).HasMaxLength(64).IsRequired();
        b.Property(x => x.Hash).HasMaxLength(64).IsRequired();
        b.Ignore(x => x.IsSealed);
        // One entry per place in the chain: even an append that slipped past the head's lock could not fork it.
        b.HasIndex(x => x.Sequence).IsUnique();
        b.HasIndex(x => x.At);
        b.HasIndex(x => new { x.EntityType, x.EntityId });
    }
}

internal sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> b)
    {
        b.ToTable("AuditHead");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.LastHash).HasMaxLength(64).IsRequired();
        b.HasData(new AuditHead { Id = AuditHead.RowId, LastSequence = 0, LastHash = AuditChain.Genesis });
    }
}
