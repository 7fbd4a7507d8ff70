using Microsoft.EntityFrameworkCore;
using OrderBot.Orders;

namespace OrderBot.Storage;

public sealed class PostgresOrderBotDbContext(DbContextOptions<PostgresOrderBotDbContext> options) : OrderBotDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // Keyset pages compare ids as text; byte order ("C") is what makes UUIDv7 text sort by time.
        modelBuilder.Entity<Order>().Property(o => o.Id).UseCollation("C");
        modelBuilder.Entity<Order>().Property<List<OrderLine>>("_items").HasColumnType("jsonb");
    }
}
