using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanoiWorkbench.Data.Configurations;

internal sealed class DailySequenceConfiguration : IEntityTypeConfiguration<DailySequence>
{
    public void Configure(EntityTypeBuilder<DailySequence> b)
    {
        // SequenceAllocator writes this table with hand-written SQL: keep these names in step with it.
        b.ToTable("DailySequences");
        b.HasKey(x => new { x.Scope, x.Day });
        b.Property(x => x.Scope).HasMaxLength(80);
    }
}
