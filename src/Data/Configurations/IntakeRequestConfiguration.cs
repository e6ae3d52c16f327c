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
        // The key is the primary key: a second insert of the same key fails in the database, whatever the timing.
        b.HasKey(x => x.IdempotencyKey);
        b.Property(x => x.IdempotencyKey).HasMaxLength(IntakeRequest.MaxKeyLength);
        b.Property(x => x.RequestHash).HasMaxLength(64).IsRequired();
        b.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
