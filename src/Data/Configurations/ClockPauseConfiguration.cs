using HanoiWorkbench.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanoiWorkbench.Data.Configurations;

internal sealed class ClockPauseConfiguration : IEntityTypeConfiguration<ClockPause>
{
    public void Configure(EntityTypeBuilder<ClockPause> b)
    {
        b.ToTable("ApplicationPauses");
        b.HasKey(x => x.Id);
        b.Property(x => x.Reason).HasMaxLength(Application.NoteMaxLength).IsRequired();
        b.Property(x => x.Missing).HasMaxLength(Application.NoteMaxLength);
        b.Property(x => x.RepeatReason).HasMaxLength(Application.NoteMaxLength);
    }
}
