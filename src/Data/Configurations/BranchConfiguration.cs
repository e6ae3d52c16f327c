using HanoiWorkbench.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanoiWorkbench.Data.Configurations;

internal sealed class BranchConfiguration : IEntityTypeConfiguration<Branch>
{
    public void Configure(EntityTypeBuilder<Branch> b)
    {
        b.ToTable("Branches");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(20).IsRequired();
        b.Property(x => x.Name).HasMaxLength(200).IsRequired();
        b.Property(x => x.AgencyId).HasMaxLength(40).IsRequired();
        b.Property(x => x.Address).HasMaxLength(300).IsRequired();
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.AgencyId).IsUnique();
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.HomeAreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Branch>().WithMany().HasForeignKey(x => x.ParentBranchId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Counters).WithOne().HasForeignKey(c => c.BranchId).OnDelete(DeleteBehavior.Cascade);
    }
}
