using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderBot.Chat;
using OrderBot.Chat.Dialogue;
using OrderBot.Orders;

namespace OrderBot.Storage.Configurations;

internal sealed class ConversationStateConfiguration : IEntityTypeConfiguration<ConversationState>
{
    public void Configure(EntityTypeBuilder<ConversationState> state)
    {
        state.ToTable("chat_conversations");
        state.HasKey(s => s.CustomerId);
        state.Property(s => s.CustomerId).HasMaxLength(64);
        state.Property(s => s.Channel).HasMaxLength(32);
        state.Property(s => s.CartId).HasMaxLength(32);
        state.Property(s => s.LastCartId).HasMaxLength(32);
        state.Property(s => s.LastOrderId).HasMaxLength(36);
        state.Property(s => s.SpecialInstructions).HasMaxLength(2000);
        state.Property(s => s.HandoverReason).HasMaxLength(64);
        state.HasIndex(s => s.HandedOverAt);

        // Every handled message sets UpdatedAt, so it serves as the state's version: two servers changing one
        // conversation at once cannot both commit (the loser's message is retried on the new state).
        state.Property(s => s.UpdatedAt).IsConcurrencyToken();

        // The cart is read and written whole with its conversation, never queried: one JSON text column.
        state.Property(s => s.Cart)
            .HasConversion(
                cart => JsonSerializer.Serialize(cart, OrderJson.Options),
                json => ReadCart(json),
                new ValueComparer<List<OrderLine>>(
                    (a, b) => a!.SequenceEqual(b!, CartLineComparer.Instance),
                    cart => cart.Count,
                    cart => cart.ToList()))
            .IsRequired();

        state.Property(s => s.Dialogue)
            .HasConversion(
                d => JsonSerializer.Serialize(d, OrderJson.Options),
                json => JsonSerializer.Deserialize<DialogueMemory>(json, OrderJson.Options) ?? new DialogueMemory(),
                DialogueComparer)
            .HasMaxLength(4000)
            .IsRequired();
    }

    /// <summary>
    /// The cart's lines. Carts saved before a cart held <see cref="OrderLine"/>s called the price <c>unit_price</c>: it is read as
    /// <c>price</c>, so such a cart keeps its prices. Carts expire (<c>Chat:CartLifetime</c>), so this can go once none is left.
    /// </summary>
    internal static List<OrderLine> ReadCart(string json)
    {
        if (JsonNode.Parse(json) is not JsonArray lines)
        {
            return [];
        }

        foreach (var line in lines.OfType<JsonObject>())
        {
            if (!line.ContainsKey("price") && line["unit_price"] is { } price)
            {
                line.Remove("unit_price");
                line["price"] = price;
            }
        }

        return lines.Deserialize<List<OrderLine>>(OrderJson.Options) ?? [];
    }

    private static readonly ValueComparer<DialogueMemory> DialogueComparer = new(
        (a, b) => JsonSerializer.Serialize(a, OrderJson.Options) == JsonSerializer.Serialize(b, OrderJson.Options),
        d => d.Prompt.GetHashCode(),
        d => Copy(d));

    private static DialogueMemory Copy(DialogueMemory memory) => memory with { };

    /// <summary>Lines are records, but their option lists compare by reference: compare those element by element.</summary>
    private sealed class CartLineComparer : IEqualityComparer<OrderLine>
    {
        public static readonly CartLineComparer Instance = new();

        public bool Equals(OrderLine? x, OrderLine? y) =>
            x is not null && y is not null && x with { Options = [] } == y with { Options = [] } && x.Options.SequenceEqual(y.Options);

        public int GetHashCode(OrderLine obj) => obj.MenuItemId?.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
