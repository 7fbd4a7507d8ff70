using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderBot.Payments;

namespace OrderBot.Storage.Configurations;

internal sealed class PaymentLinkConfiguration : IEntityTypeConfiguration<PaymentLink>
{
    public void Configure(EntityTypeBuilder<PaymentLink> link)
    {
        link.ToTable("payment_links");
        link.HasKey(l => new { l.OrderId, l.Attempt });
        link.HasIndex(l => l.SessionId).IsUnique();
        link.Property(l => l.OrderId).HasMaxLength(64);
        link.Property(l => l.SessionId).HasMaxLength(255);
        link.Property(l => l.Url).HasMaxLength(2048);
        link.Property(l => l.State).HasConversion<string>().HasMaxLength(16);
    }
}

internal sealed class PaymentEventConfiguration : IEntityTypeConfiguration<PaymentEvent>
{
    public void Configure(EntityTypeBuilder<PaymentEvent> paymentEvent)
    {
        paymentEvent.ToTable("payment_events");
        paymentEvent.HasKey(e => e.Id);
        paymentEvent.Property(e => e.Id).HasMaxLength(255);
        paymentEvent.Property(e => e.Type).HasMaxLength(100);
        paymentEvent.Property(e => e.OrderId).HasMaxLength(64);
    }
}
