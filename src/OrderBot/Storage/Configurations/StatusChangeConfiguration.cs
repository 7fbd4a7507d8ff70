using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderBot.Orders;

namespace OrderBot.Storage.Configurations;

internal sealed class StatusChangeConfiguration : IEntityTypeConfiguration<StatusChange>
{
    public void Configure(EntityTypeBuilder<StatusChange> change)
    {
        change.ToTable("order_status_changes");
        change.HasKey(c => c.Id);
        change.Property(c => c.Id).HasMaxLength(36).ValueGeneratedNever();
        change.Property(c => c.OrderId).HasMaxLength(36);
        change.Property(c => c.From).HasConversion<string>().HasMaxLength(16);
        change.Property(c => c.To).HasConversion<string>().HasMaxLength(16);
        change.Property(c => c.Actor).HasMaxLength(100);
        change.HasIndex(c => c.OrderId);
    }
}
