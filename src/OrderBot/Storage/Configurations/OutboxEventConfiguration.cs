using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderBot.Outbox;

namespace OrderBot.Storage.Configurations;

internal sealed class OutboxEventConfiguration : IEntityTypeConfiguration<OutboxEvent>
{
    public void Configure(EntityTypeBuilder<OutboxEvent> outbox)
    {
        outbox.ToTable("outbox_events");
        outbox.HasKey(e => e.Id);
        outbox.Property(e => e.Id).HasMaxLength(36);
        outbox.Property(e => e.Destination).HasMaxLength(32);
        outbox.Property(e => e.OrderId).HasMaxLength(36);
        outbox.Property(e => e.Type).HasMaxLength(64);
        outbox.Property(e => e.State).HasConversion<string>().HasMaxLength(16);
        outbox.Property(e => e.LastError).HasMaxLength(1000);
        outbox.Property(e => e.LeaseOwner).HasMaxLength(128);

        // Plain text, never jsonb: the webhook signature covers these exact bytes, and jsonb would reorder them.
        outbox.Property(e => e.Payload).IsRequired();

        // One event per order version and destination; also the index behind "is an older event still undelivered?".
        outbox.HasIndex(e => new { e.Destination, e.OrderId, e.OrderVersion }).IsUnique();
        outbox.HasIndex(e => new { e.State, e.Destination, e.NextAttemptAt });
        // No foreign key to orders: rows are only written in the order's own transaction, so one never lacks its order.
    }
}
