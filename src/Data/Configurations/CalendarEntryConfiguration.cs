using HanoiWorkbench.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanoiWorkbench.Data.Configurations;

internal sealed class CalendarEntryConfiguration : IEntityTypeConfiguration<CalendarEntry>
{
    public void Configure(EntityTypeBuilder<CalendarEntry> b)
    {
        b.ToTable("CalendarEntries");
        b.HasKey(x => x.Id);
        b.Property(x => x.Description).HasMaxLength(200).IsRequired();
        b.HasIndex(x => x.Date).IsUnique();
    }
}
