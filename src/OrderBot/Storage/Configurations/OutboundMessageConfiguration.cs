using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderBot.Chat;

namespace OrderBot.Storage.Configurations;

internal sealed class OutboundMessageConfiguration : IEntityTypeConfiguration<OutboundMessage>
{
    public void Configure(EntityTypeBuilder<OutboundMessage> message)
    {
        message.ToTable("chat_outbound");
        message.HasKey(m => m.Id);
        message.Property(m => m.Channel).HasMaxLength(32);
        message.Property(m => m.CustomerId).HasMaxLength(64);
        message.Property(m => m.Payload).IsRequired();
        message.Property(m => m.Cause).HasMaxLength(600);
        message.Property(m => m.State).HasConversion<string>().HasMaxLength(16);
        message.Property(m => m.ProviderMessageId).HasMaxLength(512);
        message.Property(m => m.Error).HasMaxLength(1000);

        // Status callbacks find the message by the channel's id.
        message.HasIndex(m => m.ProviderMessageId);

        // A status notice is queued once per change of its order (the cause names the order and the version).
        message.HasIndex(m => m.Cause).IsUnique().HasFilter("cause LIKE 'event:%'");
        message.HasIndex(m => new { m.State, m.CustomerId, m.Id });
    }
}
