using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderBot.Chat;

namespace OrderBot.Storage.Configurations;

internal sealed class ChatLeaseConfiguration : IEntityTypeConfiguration<ChatLease>
{
    public void Configure(EntityTypeBuilder<ChatLease> lease)
    {
        lease.ToTable("chat_leases");

        // The primary key is what makes a claim exclusive: two servers inserting the same customer, one wins.
        lease.HasKey(l => l.CustomerId);
        lease.Property(l => l.CustomerId).HasMaxLength(64);
        lease.Property(l => l.Owner).HasMaxLength(128);
    }
}
