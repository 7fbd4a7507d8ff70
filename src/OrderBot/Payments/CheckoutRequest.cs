using OrderBot.Menus;
using OrderBot.Orders;
using Stripe.Checkout;

namespace OrderBot.Payments;

/// <summary>The Checkout Session an order's payment link is made of (platforms-2026.md §5).</summary>
internal static class CheckoutRequest
{
    /// <summary>One key per order and attempt: a retry after a lost answer gets the same session back from Stripe.</summary>
    public static string IdempotencyKey(string orderId, int attempt) => $"order-{orderId}-link-{attempt}";

    /// <summary>
    /// The order's priced lines in minor units, then the delivery fee, tax added on top and the tip as lines of their own,
    /// so the customer sees on Stripe's page what the chat showed. Should the lines not add up to the order's total
    /// exactly (a unit price with more decimals than the currency), one line for the whole order is sent instead:
    /// the amount charged is always the total.
    /// </summary>
    public static SessionCreateOptions For(OrderDetails order, PaymentsOptions options, DateTime expiresAt)
    {
        var currency = order.Currency.ToLowerInvariant();
        var minor = Money.MinorUnits(order.Currency);
        var lines = order.Items.Select(i => Line(LineName(i), Minor(i.Price, minor), i.Quantity, currency)).ToList();
        var fee = order.Fulfilment?.Fee ?? 0m;
        var addedTax = order.TotalAmount - order.Subtotal - fee - order.Tip;
        foreach (var (name, amount) in new[] { ("Delivery", fee), ("Tax", addedTax), ("Tip", order.Tip) })
        {
            if (amount > 0)
            {
                lines.Add(Line(name, Minor(amount, minor), 1, currency));
            }
        }

        var total = Minor(order.TotalAmount, minor);
        if (lines.Sum(l => l.PriceData.UnitAmount * l.Quantity) != total || lines.Any(l => l.PriceData.UnitAmount < 0))
        {
            lines = [Line($"Order #{order.Number}", total, 1, currency)];
        }

        return new SessionCreateOptions
        {
            Mode = "payment",
            SuccessUrl = options.Stripe.SuccessUrl.OriginalString,
            CancelUrl = options.Stripe.CancelUrl?.OriginalString,
            ClientReferenceId = order.Id,
            Metadata = new Dictionary<string, string> { ["order_id"] = order.Id, ["order_number"] = order.Number },
            ExpiresAt = expiresAt,
            LineItems = lines,
        };
    }

    private static string LineName(OrderLine line) =>
        line.Size is { Length: > 0 } size ? $"{line.Name} ({size})" : line.Name;

    private static long Minor(decimal amount, int minorUnits)
    {
        var scaled = amount * (decimal)Math.Pow(10, minorUnits);
        return decimal.Truncate(scaled) == scaled ? (long)scaled : -1;
    }

    private static SessionLineItemOptions Line(string name, long unitAmount, long quantity, string currency) => new()
    {
        Quantity = quantity,
        PriceData = new SessionLineItemPriceDataOptions
        {
            Currency = currency,
            UnitAmount = unitAmount,
            ProductData = new SessionLineItemPriceDataProductDataOptions { Name = name },
        },
    };
}
