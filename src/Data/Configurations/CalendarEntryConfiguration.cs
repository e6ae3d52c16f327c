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
        b.Property(x => x.Description).HasMaxLength(CalendarEntry.DescriptionMaxLength).IsRequired();
        b.Property(x => x.Covers).HasMaxLength(CalendarEntry.CoversMaxLength);
        b.HasIndex(x => x.Date).IsUnique();
    }
}

internal sealed class HolidayDefinitionConfiguration : IEntityTypeConfiguration<HolidayDefinition>
{
    public void Configure(EntityTypeBuilder<HolidayDefinition> b)
    {
        b.ToTable("HolidayDefinitions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Key).HasMaxLength(HolidayDefinition.KeyMaxLength).IsRequired();
        b.Property(x => x.Name).HasMaxLength(HolidayDefinition.NameMaxLength).IsRequired();
        b.HasIndex(x => x.Key).IsUnique();
        b.Ignore(x => x.DateLabel);
    }
}
