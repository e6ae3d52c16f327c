using HanoiWorkbench.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanoiWorkbench.Data.Configurations;

internal sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> b)
    {
        b.ToTable("Areas");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(Area.CodeMaxLength).IsRequired();
        b.Property(x => x.Name).HasMaxLength(Area.NameMaxLength).IsRequired();
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.IsActive);
        b.Ignore(x => x.IsDistrictLevel);
    }
}
