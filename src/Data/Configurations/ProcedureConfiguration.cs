using HanoiWorkbench.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanoiWorkbench.Data.Configurations;

internal sealed class ProcedureConfiguration : IEntityTypeConfiguration<Procedure>
{
    public void Configure(EntityTypeBuilder<Procedure> b)
    {
        b.ToTable("Procedures");
        b.HasKey(x => x.Id);
        b.Property(x => x.NationalCode).HasMaxLength(Procedure.NationalCodeMaxLength);
        b.Property(x => x.Name).HasMaxLength(Procedure.NameMaxLength).IsRequired();
        b.Property(x => x.SearchName).HasMaxLength(Procedure.NameMaxLength).IsRequired();
        b.Property(x => x.FeeNote).HasMaxLength(Procedure.FeeNoteMaxLength);
        // A checklist is read and written whole with its procedure: a JSON array column, not a table.
        b.PrimitiveCollection(x => x.RequiredDocuments).IsRequired();
        b.HasOne(x => x.Field).WithMany().HasForeignKey(x => x.FieldId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.ServiceGroup).WithMany().HasForeignKey(x => x.ServiceGroupId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.NationalCode);
        b.HasIndex(x => x.SearchName);
    }
}
