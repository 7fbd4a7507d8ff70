using OrderBot.Extraction;

namespace OrderBot.Server.Eval;

/// <summary>
/// Maps an <see cref="ExtractedOrder"/> read with samples/menus/pizzeria.json to the PIZZA dataset's EXR labels.
/// The parser knows nothing of EXR: menu ids are written like the dataset's values ("thin-crust" -> THIN_CRUST),
/// and the few names that differ are listed here.
/// </summary>
public static class PizzaExr
{
    private static readonly Dictionary<string, string> GroupLabels = new(StringComparer.Ordinal)
    {
        ["toppings"] = "TOPPING",
        ["crust"] = "STYLE",
        ["style"] = "STYLE",
        ["container"] = "CONTAINERTYPE",
        ["volume"] = "VOLUME",
    };

    private static readonly Dictionary<string, string> SizeLabels = new(StringComparer.Ordinal) { ["regular"] = "REGULARSIZE" };

    /// <param name="order">The extracted order.</param>
    /// <param name="categoryOf">The menu category of an item id ("drink" becomes a DRINKORDER).</param>
    public static ExrTree ToExr(ExtractedOrder order, Func<string, string> categoryOf)
    {
        var lines = order.Items.Select(item => Line(item, categoryOf(item.MenuItemId))).ToList();
        return new ExrTree("ORDER", "", lines);
    }

    private static ExrTree Line(ExtractedItem item, string category)
    {
        var children = new List<ExrTree> { Leaf("NUMBER", item.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        var isDrink = category == "drink";
        var isPizza = category == "pizza";
        if (isDrink)
        {
            children.Add(Leaf("DRINKTYPE", Label(item.MenuItemId)));
        }
        else if (!isPizza)
        {
            children.Add(Leaf("ITEM", Label(item.MenuItemId)));
        }

        if (item.Size is { } size)
        {
            children.Add(Leaf("SIZE", SizeLabels.GetValueOrDefault(size, Label(size))));
        }

        foreach (var option in item.Options)
        {
            if (!GroupLabels.TryGetValue(option.Group, out var label))
            {
                continue;
            }

            var node = label == "VOLUME" ? Volume(option.Id) : Leaf(label, Label(option.Id));
            if (option.Qualifier is { } qualifier)
            {
                node = new ExrTree("COMPLEX_TOPPING", "", [Leaf("QUANTITY", Label(qualifier)), node]);
            }

            children.Add(option.Negated ? new ExrTree("NOT", "", [node]) : node);
        }

        return new ExrTree(isDrink ? "DRINKORDER" : isPizza ? "PIZZAORDER" : "OTHERORDER", "", children);
    }

    /// <summary>Volume ids are "&lt;amount&gt;-&lt;unit&gt;" ("20-floz" -> <c>(VOLUME 20 FLOZ)</c>).</summary>
    private static ExrTree Volume(string id)
    {
        var dash = id.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? Leaf("VOLUME", Label(id)) : Leaf("VOLUME", $"{id[..dash]} {Label(id[(dash + 1)..])}");
    }

    private static ExrTree Leaf(string label, string value) => new(label, value, []);

    private static string Label(string id) => id.ToUpperInvariant().Replace('-', '_');
}
