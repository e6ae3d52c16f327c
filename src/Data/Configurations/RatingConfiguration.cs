using HanoiWorkbench.Core.Domain;
using HanoiWorkbench.Data.Ratings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanoiWorkbench.Data.Configurations;

internal sealed class RatingConfiguration : IEntityTypeConfiguration<Rating>
{
    public void Configure(EntityTypeBuilder<Rating> b)
    {
        b.ToTable("Ratings");
        b.HasKey(x => x.Id);
        b.Property(x => x.Comment).HasMaxLength(Rating.CommentMaxLength);
        b.HasOne<Branch>().WithMany().HasForeignKey(x => x.BranchId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Ticket>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Restrict);
        // Today's ratings of a branch (the board) and the report's count per official and level, from the index alone.
        b.HasIndex(x => new { x.BranchId, x.At, x.StaffId, x.Level });
        // One rating per visit, whatever the timing: a rating names its ticket, its application or both, and each of them
        // appears in at most one rating (SQL Server filters out NULLs by convention; SQLite and PostgreSQL never match NULLs).
        b.HasIndex(x => x.ApplicationId).IsUnique();
        b.HasIndex(x => x.TicketId).IsUnique();
        b.HasIndex(x => x.StaffId);
    }
}

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> b)
    {
        b.ToTable("SigningKeys");
        // One key per purpose: two instances creating the first key at once meet at the primary key.
        b.HasKey(x => x.Purpose);
        b.Property(x => x.Purpose).HasMaxLength(SigningKey.MaxPurposeLength);
        b.Property(x => x.Key).HasMaxLength(64).IsRequired();
    }
}
