using HanoiWorkbench.Core.Domain;
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
        b.HasIndex(x => x.ApplicationId);
        b.HasIndex(x => x.TicketId);
        b.HasIndex(x => x.StaffId);
    }
}
