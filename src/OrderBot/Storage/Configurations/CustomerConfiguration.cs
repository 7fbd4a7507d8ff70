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
    }
}
