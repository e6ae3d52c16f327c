using HanoiWorkbench.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanoiWorkbench.Data.Configurations;

internal sealed class StaffConfiguration : IEntityTypeConfiguration<Staff>
{
    public void Configure(EntityTypeBuilder<Staff> b)
    {
        b.ToTable("Staff");
        b.HasKey(x => x.Id);
        b.Property(x => x.FullName).HasMaxLength(Staff.FullNameMaxLength).IsRequired();
        b.Property(x => x.Email).HasMaxLength(Staff.EmailMaxLength).IsRequired();
        b.Property(x => x.ExternalObjectId).HasMaxLength(Staff.ExternalObjectIdMaxLength);
        b.HasIndex(x => x.Email).IsUnique();
        b.HasIndex(x => x.ExternalObjectId);
        b.HasIndex(x => x.CurrentBranchId);
        b.HasOne<Branch>().WithMany().HasForeignKey(x => x.HomeBranchId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Branch>().WithMany().HasForeignKey(x => x.CurrentBranchId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Counter>().WithMany().HasForeignKey(x => x.CurrentCounterId).OnDelete(DeleteBehavior.SetNull);
        // A second cascading path from Counters is refused by SQL Server; a planned seat is cleared by the code that deletes.
        b.HasOne<Counter>().WithMany().HasForeignKey(x => x.PendingCounterId).OnDelete(DeleteBehavior.ClientSetNull);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasMany(x => x.Skills).WithMany()
            .UsingEntity("StaffSkills",
                r => r.HasOne(typeof(ProcedureField)).WithMany().HasForeignKey("ProcedureFieldId").OnDelete(DeleteBehavior.Cascade),
                l => l.HasOne(typeof(Staff)).WithMany().HasForeignKey("StaffId").OnDelete(DeleteBehavior.Cascade),
                j => j.HasKey("StaffId", "ProcedureFieldId"));
        b.Ignore(x => x.IsOnLoan);
    }
}
