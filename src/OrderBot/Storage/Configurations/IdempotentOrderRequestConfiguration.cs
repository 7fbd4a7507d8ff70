using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderBot.Orders;

namespace OrderBot.Storage.Configurations;

internal sealed class IdempotentOrderRequestConfiguration : IEntityTypeConfiguration<IdempotentOrderRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentOrderRequest> request)
    {
        request.ToTable("idempotent_order_requests");
        request.HasKey(r => r.Key);
        request.Property(r => r.Key).HasMaxLength(400);
        request.Property(r => r.Fingerprint).HasMaxLength(64);
        request.Property(r => r.OrderId).HasMaxLength(36);
        request.HasOne<Order>().WithMany().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Cascade);
        request.HasIndex(r => r.CreatedAt);
    }
}
