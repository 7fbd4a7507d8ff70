using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderBot.Customers;

namespace OrderBot.Storage.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> customer)
    {
        customer.ToTable("customers");
        customer.HasKey(c => c.Id);
        customer.Property(c => c.Id).HasMaxLength(64);
        customer.Property(c => c.DisplayName).HasMaxLength(200);
        customer.Property(c => c.Language).HasMaxLength(16);
        customer.Property(c => c.Phone).HasMaxLength(32);
        customer.Property(c => c.WhatsAppUserId).HasMaxLength(160);
        customer.Property(c => c.WhatsAppParentUserId).HasMaxLength(160);
        customer.Property(c => c.Username).HasMaxLength(100);
        customer.Property(c => c.ChannelAccount).HasMaxLength(64);

        // A customer is found by either: one row per phone number and per BSUID (several nulls are allowed).
        customer.HasIndex(c => c.Phone).IsUnique();
        customer.HasIndex(c => c.WhatsAppUserId).IsUnique();
    }
}
