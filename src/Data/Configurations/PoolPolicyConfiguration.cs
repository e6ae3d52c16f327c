using HanoiWorkbench.Core.Pool;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanoiWorkbench.Data.Configurations;

internal sealed class PoolPolicyConfiguration : IEntityTypeConfiguration<PoolPolicy>
{
    public void Configure(EntityTypeBuilder<PoolPolicy> b)
    {
        b.ToTable("PoolPolicies");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Ignore(x => x.ClaimTimeout);
        b.Ignore(x => x.OtherBranchPenalty);
    }
}
