using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderBot.Chat;

namespace OrderBot.Storage.Configurations;

internal sealed class ChatInboxMessageConfiguration : IEntityTypeConfiguration<ChatInboxMessage>
{
    public void Configure(EntityTypeBuilder<ChatInboxMessage> message)
    {
        message.ToTable("chat_inbox");
        message.HasKey(m => m.Id);
        message.Property(m => m.Channel).HasMaxLength(32);

        // WhatsApp documents no length for message ids; 512 leaves room for any it may send.
        message.Property(m => m.MessageId).HasMaxLength(512);
        message.Property(m => m.CustomerId).HasMaxLength(64);
        message.Property(m => m.DisplayName).HasMaxLength(200);
        message.Property(m => m.Error).HasMaxLength(1000);
        message.Property(m => m.Content).IsRequired();

        // Marking a message handled checks it was not handled meanwhile (by a server whose lease ran out), so the
        // second transaction rolls back whole instead of answering the message again.
        message.Property(m => m.ProcessedAt).IsConcurrencyToken();

        // Retries and duplicate deliveries of one message hit this index and are dropped.
        message.HasIndex(m => new { m.Channel, m.MessageId }).IsUnique();

        // The worker's question: which customers have messages waiting, oldest first.
        message.HasIndex(m => new { m.ProcessedAt, m.CustomerId, m.SentAt });
    }
}
