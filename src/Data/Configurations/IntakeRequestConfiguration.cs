using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data.Pool;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanoiWorkbench.Data.Configurations;

internal sealed class IntakeRequestConfiguration : IEntityTypeConfiguration<IntakeRequest>
{
    public void Configure(EntityTypeBuilder<IntakeRequest> b)
    {
        b.ToTable("IntakeRequests");
        // The sender's key is the primary key: a second insert of the same key by the same sender fails in the database,
        // whatever the timing.
        b.HasKey(x => new { x.Sender, x.IdempotencyKey });
        b.Property(x => x.Sender).HasMaxLength(IntakeRequest.SenderMaxLength);
        b.Property(x => x.IdempotencyKey).HasMaxLength(IntakeRequest.MaxKeyLength);
        b.Property(x => x.RequestHash).HasMaxLength(64).IsRequired();
        // Expired keys are deleted by age.
        b.HasIndex(x => x.CreatedAt);
        b.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
