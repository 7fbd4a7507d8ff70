namespace OrderBot.Menus;

/// <summary>A chosen option of an order line as the menu knows it.</summary>
/// <param name="Half"><see cref="Halves.Left"/> or <see cref="Halves.Right"/> for an option on one half; null for the whole item.</param>
internal sealed record PricedOption(ResolvedOption Option, MenuQualifier? Qualifier, bool Negated, string? Half = null);

internal static class MenuPricing
{
    /// <summary>
    /// Base price, plus the size's surcharge, plus each added option (on one half: as its group's <see cref="HalfPrice"/> says); an option already in the item's
    /// defaults costs nothing unless qualified ("extra cheese"), and a removed one never changes the price.
    /// </summary>
    public static decimal UnitPrice(this Menu menu, MenuItem item, MenuSize? size, IEnumerable<PricedOption> options)
    {
        var price = item.Price;
        if (size is not null)
        {
            price += item.SizePrices.TryGetValue(size.Id, out var own) ? own : size.Price;
        }

        foreach (var (resolved, qualifier, negated, half) in options)
        {
            if (negated)
            {
                continue;
            }

            var included = item.Defaults.Contains(resolved.Option.Id) ? 0m : 1m;
            var share = half is not null && resolved.Group.HalfPrice == HalfPrice.Half ? 0.5m : 1m;
            price += resolved.Option.Price * share * (included + (qualifier?.Surcharge ?? 0m));
        }

        // A size discount larger than the base price must not turn into money owed to the customer.
        return Money.Round(Math.Max(price, 0m), menu.MinorUnits);
    }
}
