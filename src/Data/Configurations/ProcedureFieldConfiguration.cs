using HanoiWorkbench.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanoiWorkbench.Data.Configurations;

internal sealed class ProcedureFieldConfiguration : IEntityTypeConfiguration<ProcedureField>
{
    public void Configure(EntityTypeBuilder<ProcedureField> b)
    {
        b.ToTable("ProcedureFields");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(ProcedureField.CodeMaxLength).IsRequired();
        b.Property(x => x.Name).HasMaxLength(ProcedureField.NameMaxLength).IsRequired();
        b.HasIndex(x => x.Code).IsUnique();
    }
}
