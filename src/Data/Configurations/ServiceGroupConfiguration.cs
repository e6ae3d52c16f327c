using HanoiWorkbench.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanoiWorkbench.Data.Configurations;

internal sealed class ServiceGroupConfiguration : IEntityTypeConfiguration<ServiceGroup>
{
    public void Configure(EntityTypeBuilder<ServiceGroup> b)
    {
        b.ToTable("ServiceGroups");
        b.HasKey(x => x.Id);
        b.Property(x => x.Letter).HasMaxLength(1).IsRequired();
        b.Property(x => x.Name).HasMaxLength(ServiceGroup.NameMaxLength).IsRequired();
        b.HasIndex(x => x.Letter).IsUnique();
    }
}
