using HanoiWorkbench.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanoiWorkbench.Data.Configurations;

internal sealed class CounterConfiguration : IEntityTypeConfiguration<Counter>
{
    public void Configure(EntityTypeBuilder<Counter> b)
    {
        b.ToTable("Counters");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(Counter.NameMaxLength).IsRequired();
        b.HasIndex(x => new { x.BranchId, x.Number }).IsUnique();
        b.HasMany(x => x.ServiceGroups).WithMany()
            .UsingEntity("CounterServiceGroups",
                r => r.HasOne(typeof(ServiceGroup)).WithMany().HasForeignKey("ServiceGroupId").OnDelete(DeleteBehavior.Cascade),
                l => l.HasOne(typeof(Counter)).WithMany().HasForeignKey("CounterId").OnDelete(DeleteBehavior.Cascade),
                j => j.HasKey("CounterId", "ServiceGroupId"));
        b.HasMany(x => x.SessionGroups).WithMany()
            .UsingEntity("CounterSessionGroups",
                r => r.HasOne(typeof(ServiceGroup)).WithMany().HasForeignKey("ServiceGroupId").OnDelete(DeleteBehavior.Cascade),
                l => l.HasOne(typeof(Counter)).WithMany().HasForeignKey("CounterId").OnDelete(DeleteBehavior.Cascade),
                j => j.HasKey("CounterId", "ServiceGroupId"));
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.ServedGroups);
    }
}
