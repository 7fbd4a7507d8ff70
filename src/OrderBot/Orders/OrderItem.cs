using System.Text.Json.Serialization;

namespace OrderBot.Orders;

/// <summary>One line of an order. Stored inside the order's row as JSON.</summary>
public sealed class OrderItem
{
    public required string Name { get; init; }
    public required int Quantity { get; init; }
    [JsonPropertyName("price")]
    public required decimal UnitPrice { get; init; }

    /// <summary>The menu item this line was priced from; null when the order was taken without a menu.</summary>
    public string? MenuItemId { get; init; }

    public string? Size { get; init; }
    public List<OrderItemOption> Options { get; init; } = [];
}

/// <summary>An option chosen for a line: added, removed ("no onions") or qualified ("extra cheese").</summary>
public sealed class OrderItemOption
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Group { get; init; }
    public bool Negated { get; init; }
    public string? Qualifier { get; init; }

    /// <summary>"left" or "right" when the option is on one half of the item only.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Half { get; init; }
}
