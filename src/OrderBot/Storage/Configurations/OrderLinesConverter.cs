using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OrderBot.Orders;

namespace OrderBot.Storage.Configurations;

/// <summary>Stores an order's lines as one JSON array (jsonb on PostgreSQL, text on SQLite).</summary>
internal sealed class OrderLinesConverter() : ValueConverter<List<OrderLine>, string>(
    items => JsonSerializer.Serialize(items, Json),
    json => JsonSerializer.Deserialize<List<OrderLine>>(json, Json) ?? new List<OrderLine>())
{
    private static readonly JsonSerializerOptions Json = OrderJson.Configure(new JsonSerializerOptions());

    /// <summary>An amendment replaces the list whole and never edits it in place, so the reference itself is the snapshot.</summary>
    public static readonly ValueComparer<List<OrderLine>> Comparer = new(
        (a, b) => ReferenceEquals(a, b),
        items => items.Count,
        items => items);
}
