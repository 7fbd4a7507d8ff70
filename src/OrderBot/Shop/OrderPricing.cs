using OrderBot.Menus;

namespace OrderBot.Shop;

/// <summary>What an order costs: the menu's lines, the delivery fee, tax and tip, each rounded once to the currency's minor unit.</summary>
public sealed record OrderPrice(decimal Subtotal, decimal Fee, decimal Tax, decimal Tip, decimal Total);

/// <summary>
/// Prices an order the one way. Tax included in prices is shown (the part of subtotal and fee that is tax) but not added;
/// an added rate applies to items and delivery fee. The tip is a percentage of the subtotal.
/// </summary>
internal static class OrderPricing
{
    /// <summary>Without a shop: the lines' sum is the total.</summary>
    public static OrderPrice ItemsOnly(decimal subtotal) => new(subtotal, 0, 0, 0, subtotal);

    /// <summary>A tip of <paramref name="percent"/> of the subtotal.</summary>
    public static decimal Tip(decimal subtotal, decimal percent, int minorUnits) => Money.Round(subtotal * percent / 100, minorUnits);

    public static OrderPrice Price(decimal subtotal, decimal fee, ShopTax tax, decimal tip, int minorUnits)
    {
        subtotal = Money.Round(subtotal, minorUnits);
        fee = Money.Round(fee, minorUnits);
        var taxed = subtotal + fee;
        var taxAmount = tax.Rate == 0 ? 0
            : tax.Included ? Money.Round(taxed * tax.Rate / (100 + tax.Rate), minorUnits)
            : Money.Round(taxed * tax.Rate / 100, minorUnits);
        tip = Money.Round(tip, minorUnits);
        return new OrderPrice(subtotal, fee, taxAmount, tip, subtotal + fee + (tax.Included ? 0 : taxAmount) + tip);
    }
}
