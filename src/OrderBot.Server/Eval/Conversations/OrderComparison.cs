using System.Globalization;
using System.Text.Json;
using OrderBot.Chat;
using OrderBot.Menus;
using OrderBot.Orders;

namespace OrderBot.Server.Eval.Conversations;

/// <summary>The format's scoring rules: every order matches (status, total to the cent, lines as a multiset), and the reply checks hold.</summary>
public static class OrderComparison
{
    /// <summary>The first difference in words, or null when the outcome is the expected one.</summary>
    /// <param name="shopZone">Expected date-times without an offset are the shop's wall-clock time (like a script's <c>at</c>).</param>
    public static string? FirstDifference(ScriptExpectation expect, IReadOnlyList<OrderDetails> orders, IReadOnlyList<string> botTexts, Menu menu, TimeZoneInfo? shopZone = null)
    {
        if (orders.Count != expect.Orders.Count)
        {
            return $"expected {expect.Orders.Count} order(s), got {orders.Count}" +
                (orders.Count > 0 ? $": {string.Join("; ", orders.Select(o => Describe(o, menu)))}" : "");
        }

        for (var i = 0; i < orders.Count; i++)
        {
            if (OrderDifference(expect.Orders[i], orders[i], shopZone ?? TimeZoneInfo.Utc) is { } difference)
            {
                return $"order {i + 1}: {difference}";
            }
        }

        foreach (var wanted in expect.RepliesContain)
        {
            if (!botTexts.Any(t => t.Contains(wanted, StringComparison.OrdinalIgnoreCase)))
            {
                return $"no reply contains “{wanted}”";
            }
        }

        foreach (var unwanted in expect.RepliesLack)
        {
            if (botTexts.FirstOrDefault(t => t.Contains(unwanted, StringComparison.OrdinalIgnoreCase)) is { } reply)
            {
                return $"a reply contains “{unwanted}”: “{ConversationRunner.Shorten(reply)}”";
            }
        }

        return null;
    }

    private static string? OrderDifference(ExpectedOrder expected, OrderDetails actual, TimeZoneInfo shopZone)
    {
        if (!string.Equals(expected.Status, actual.Status.ToWireName(), StringComparison.OrdinalIgnoreCase))
        {
            return $"status {actual.Status.ToWireName()}, expected {expected.Status}";
        }

        var got = Merge(actual.Items.Select(l => (Key(l.MenuItemId ?? l.Name, l.Size, l.Options.Select(OptionKey)), l.Quantity)));
        var want = Merge(expected.Items.Select(l => (Key(l.Item, l.Size, l.Options ?? []), l.Quantity)));
        var missing = want.Where(w => got.GetValueOrDefault(w.Key) != w.Value).Select(w => $"{w.Value} × {w.Key}").ToList();
        var extra = got.Where(g => want.GetValueOrDefault(g.Key) != g.Value).Select(g => $"{g.Value} × {g.Key}").ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            return $"lines differ: expected {Join(missing)} but got {Join(extra)}";
        }

        if (expected.Total is { } total && Math.Round(total, 2) != Math.Round(actual.TotalAmount, 2))
        {
            return string.Create(CultureInfo.InvariantCulture, $"total {actual.TotalAmount:0.00}, expected {total:0.00}");
        }

        return OtherFieldsDifference(expected, actual, shopZone);
    }

    /// <summary>
    /// Fields beyond status, total and items are compared by their REST names, only when the expectation names them; inside
    /// an object (<c>fulfilment</c>, <c>payment</c>) only the named members. Numbers compare as numbers, texts without case.
    /// </summary>
    private static string? OtherFieldsDifference(ExpectedOrder expected, OrderDetails actual, TimeZoneInfo shopZone)
    {
        if (expected.Other is not { Count: > 0 })
        {
            return null;
        }

        var wire = JsonSerializer.SerializeToElement(actual, OrderJson.Options);
        foreach (var (name, value) in expected.Other)
        {
            if (Difference(name, value, wire, shopZone) is { } difference)
            {
                return difference;
            }
        }

        return null;
    }

    private static string? Difference(string name, JsonElement expected, JsonElement parent, TimeZoneInfo shopZone)
    {
        var present = parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name.Split('.')[^1], out _);
        var got = present ? parent.GetProperty(name.Split('.')[^1]) : default;
        if (!present || got.ValueKind == JsonValueKind.Null)
        {
            return expected.ValueKind == JsonValueKind.Null ? null : $"the order has no {name}, expected {expected.GetRawText()}";
        }

        if (expected.ValueKind == JsonValueKind.Object)
        {
            return expected.EnumerateObject().Select(p => Difference($"{name}.{p.Name}", p.Value, got, shopZone)).FirstOrDefault(d => d is not null);
        }

        return Same(expected, got, shopZone) ? null : $"{name} {got.GetRawText()}, expected {expected.GetRawText()}";
    }

    private static bool Same(JsonElement expected, JsonElement actual, TimeZoneInfo shopZone)
    {
        if (JsonElement.DeepEquals(expected, actual))
        {
            return true;
        }

        if (expected.ValueKind == JsonValueKind.Number && actual.ValueKind == JsonValueKind.Number)
        {
            return expected.GetDecimal() == actual.GetDecimal();
        }

        if (expected.ValueKind != JsonValueKind.String || actual.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        if (DateTime.TryParse(expected.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var want) &&
            DateTimeOffset.TryParse(actual.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var got))
        {
            var instant = want.Kind == DateTimeKind.Unspecified
                ? TimeZoneInfo.ConvertTimeToUtc(want, shopZone)
                : want.ToUniversalTime();
            return instant == got.UtcDateTime;
        }

        return string.Equals(expected.GetString()?.Trim(), actual.GetString()?.Trim(), StringComparison.OrdinalIgnoreCase);
    }

    public static string OptionKey(OrderLineOption option) =>
        option.Negated ? $"no {option.Id}" : option.Half is { } half ? $"{half} {option.Id}" : option.Qualifier is { } q ? $"{q} {option.Id}" : option.Id;

    private static string Key(string item, string? size, IEnumerable<string> options)
    {
        var sorted = options.Select(o => o.Trim().ToLowerInvariant()).Order(StringComparer.Ordinal).ToList();
        return $"{item.ToLowerInvariant()} ({size?.ToLowerInvariant() ?? "no size"}{(sorted.Count > 0 ? "; " + string.Join(", ", sorted) : "")})";
    }

    private static Dictionary<string, int> Merge(IEnumerable<(string Key, int Quantity)> lines)
    {
        var merged = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, quantity) in lines)
        {
            merged[key] = merged.GetValueOrDefault(key) + quantity;
        }

        return merged;
    }

    private static string Join(List<string> lines) => lines.Count == 0 ? "nothing" : string.Join(", ", lines);

    /// <summary>"K7Q-2MX pending $21.48: 2 × cheeseburger (no size; no pickles)".</summary>
    public static string Describe(OrderDetails order, Menu menu) =>
        $"{order.Number} {order.Status.ToWireName()} {ChatText.Price(order.TotalAmount, order.Currency, menu.MinorUnits)}: " +
        string.Join(", ", order.Items.Select(l => $"{l.Quantity} × {Key(l.MenuItemId ?? l.Name, l.Size, l.Options.Select(OptionKey))}"));
}
