using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderBot.Customers;
using OrderBot.Orders;

namespace OrderBot.Storage.Configurations;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> order)
    {
        order.ToTable("orders");
        order.HasKey(o => o.Id);
        order.Property(o => o.Id).HasMaxLength(36);
        order.Property(o => o.Number).HasMaxLength(7);
        order.HasIndex(o => o.Number).IsUnique();
        order.Property(o => o.CustomerId).HasMaxLength(64);
        order.Property(o => o.Currency).HasMaxLength(3);
        order.Property(o => o.TotalAmount).HasPrecision(18, 4);
        order.Property(o => o.Subtotal).HasPrecision(18, 4);
        order.Property(o => o.Tax).HasPrecision(18, 4);
        order.Property(o => o.Tip).HasPrecision(18, 4);

        // Replaced whole (records), so complex types: columns on the orders row, no keys, no tracking of their own.
        order.ComplexProperty(o => o.Fulfilment, fulfilment =>
        {
            fulfilment.Property(f => f.Mode).HasConversion<string>().HasMaxLength(16);
            fulfilment.Property(f => f.Address).HasMaxLength(OrderRequest.MaxAddressLength);
            fulfilment.Property(f => f.Zone).HasMaxLength(64);
            fulfilment.Property(f => f.Fee).HasPrecision(18, 4);
        });
        order.ComplexProperty(o => o.Payment, payment =>
        {
            payment.Property(p => p.Method).HasConversion<string>().HasMaxLength(16);
            payment.Property(p => p.State).HasConversion<string>().HasMaxLength(16);
            payment.Property(p => p.Reference).HasMaxLength(255);
        });
        order.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        order.Property(o => o.Version).IsConcurrencyToken();
        order.Property(o => o.SpecialInstructions).HasMaxLength(OrderRequest.MaxSpecialInstructionsLength);

        // A customer's page of orders is "WHERE customer_id = @c AND id < @cursor ORDER BY id DESC LIMIT n".
        order.HasIndex(o => new { o.CustomerId, o.Id }).IsDescending(false, true);
        order.HasIndex(o => o.CreatedAt);

        order.HasOne<Customer>().WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Restrict);

        // Lines never change after an order is placed, and nothing queries inside them: one JSON column
        // written by a converter costs a fraction of what owned JSON entities cost in change tracking.
        order.Ignore(o => o.Items);
        order.Property<List<OrderLine>>("_items")
            .HasColumnName("items")
            .HasConversion(new OrderLinesConverter(), OrderLinesConverter.Comparer)
            .IsRequired();

        order.HasMany(o => o.History).WithOne().HasForeignKey(h => h.OrderId).OnDelete(DeleteBehavior.Cascade);
        order.Navigation(o => o.History).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
