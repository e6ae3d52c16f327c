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
        b.Property(x => x.Code).HasMaxLength(Branch.CodeMaxLength).IsRequired();
        b.Property(x => x.Name).HasMaxLength(Branch.NameMaxLength).IsRequired();
        b.Property(x => x.AgencyId).HasMaxLength(Branch.AgencyIdMaxLength).IsRequired();
        b.Property(x => x.Address).HasMaxLength(Branch.AddressMaxLength).IsRequired();
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.AgencyId).IsUnique();
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.HomeAreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Branch>().WithMany().HasForeignKey(x => x.ParentBranchId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Counters).WithOne().HasForeignKey(c => c.BranchId).OnDelete(DeleteBehavior.Cascade);
    }
}
