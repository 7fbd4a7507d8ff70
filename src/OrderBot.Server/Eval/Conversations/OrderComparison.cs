using System.Globalization;
using System.Text.Json;
using OrderBot.Chat;
using OrderBot.Orders;

namespace OrderBot.Server.Eval.Conversations;

/// <summary>The format's scoring rules: every order matches (status, total to the cent, lines as a multiset), and the reply checks hold.</summary>
public static class OrderComparison
{
    /// <summary>The first difference in words, or null when the outcome is the expected one.</summary>
    public static string? FirstDifference(ScriptExpectation expect, IReadOnlyList<OrderDetails> orders, IReadOnlyList<string> botTexts, Menu.Menu menu)
    {
        if (orders.Count != expect.Orders.Count)
        {
            return $"expected {expect.Orders.Count} order(s), got {orders.Count}" +
                (orders.Count > 0 ? $": {string.Join("; ", orders.Select(o => Describe(o, menu)))}" : "");
        }

        for (var i = 0; i < orders.Count; i++)
        {
            if (OrderDifference(expect.Orders[i], orders[i]) is { } difference)
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

    private static string? OrderDifference(ExpectedOrder expected, OrderDetails actual)
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

        return OtherFieldsDifference(expected, actual);
    }

    /// <summary>Fields beyond status, total and items are compared by their REST names, only when the expectation names them.</summary>
    private static string? OtherFieldsDifference(ExpectedOrder expected, OrderDetails actual)
    {
        if (expected.Other is not { Count: > 0 })
        {
            return null;
        }

        var wire = JsonSerializer.SerializeToElement(actual, OrderJson.Options);
        foreach (var (name, value) in expected.Other)
        {
            if (!wire.TryGetProperty(name, out var got))
            {
                if (value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                return $"the order has no {name}, expected {value.GetRawText()}";
            }

            if (!JsonElement.DeepEquals(value, got) && !SameText(value, got))
            {
                return $"{name} {got.GetRawText()}, expected {value.GetRawText()}";
            }
        }

        return null;
    }

    private static bool SameText(JsonElement expected, JsonElement actual) =>
        expected.ValueKind == JsonValueKind.String && actual.ValueKind == JsonValueKind.String &&
        string.Equals(expected.GetString()?.Trim(), actual.GetString()?.Trim(), StringComparison.OrdinalIgnoreCase);

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
    public static string Describe(OrderDetails order, Menu.Menu menu) =>
        $"{order.Number} {order.Status.ToWireName()} {ChatText.Price(order.TotalAmount, order.Currency, menu.MinorUnits)}: " +
        string.Join(", ", order.Items.Select(l => $"{l.Quantity} × {Key(l.MenuItemId ?? l.Name, l.Size, l.Options.Select(OptionKey))}"));
}
