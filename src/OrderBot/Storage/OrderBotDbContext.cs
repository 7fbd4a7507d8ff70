using Microsoft.EntityFrameworkCore;
using OrderBot.Chat;
using OrderBot.Customers;
using OrderBot.Orders;
using OrderBot.Outbox;
using OrderBot.Staff;

namespace OrderBot.Storage;

/// <summary>The shop's database. Each provider has a sealed subclass that owns its migrations.</summary>
public abstract class OrderBotDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<StatusChange> StatusChanges => Set<StatusChange>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<IdempotentOrderRequest> IdempotentOrderRequests => Set<IdempotentOrderRequest>();
    public DbSet<OutboxEvent> OutboxEvents => Set<OutboxEvent>();
    public DbSet<ConversationState> ConversationStates => Set<ConversationState>();
    public DbSet<ChatInboxMessage> ChatInbox => Set<ChatInboxMessage>();
    public DbSet<OutboundMessage> OutboundMessages => Set<OutboundMessage>();
    public DbSet<ChatLease> ChatLeases => Set<ChatLease>();
    public DbSet<StaffUser> StaffUsers => Set<StaffUser>();
    public DbSet<Stock.SoldOutMark> SoldOutMarks => Set<Stock.SoldOutMark>();
    public DbSet<Payments.PaymentLink> PaymentLinks => Set<Payments.PaymentLink>();
    public DbSet<Payments.PaymentEvent> PaymentEvents => Set<Payments.PaymentEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OrderBotDbContext).Assembly);
}
