using HanoiWorkbench.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HanoiWorkbench.Data.Configurations;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> b)
    {
        b.ToTable("Tickets");
        b.HasKey(x => x.Id);
        b.Property(x => x.Number).HasMaxLength(10).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Branch>().WithMany().HasForeignKey(x => x.BranchId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ServiceGroup>().WithMany().HasForeignKey(x => x.ServiceGroupId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Counter>().WithMany().HasForeignKey(x => x.CounterId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.BranchId, x.ServiceGroupId, x.ServiceDate, x.Sequence }).IsUnique();
        b.HasIndex(x => new { x.BranchId, x.Status, x.ServiceDate });
        b.HasIndex(x => new { x.ServiceDate, x.BranchId }); // a day's tickets across the city (the staffing advice of every branch)
        b.HasIndex(x => x.ApplicationId);
        b.HasIndex(x => x.FormToken).IsUnique(); // SQL Server: filtered on NOT NULL by convention, so tickets without a form may repeat null
        b.Ignore(x => x.IsPriority);
        b.Ignore(x => x.WaitTime);
        b.Ignore(x => x.ServiceTime);
    }
}
