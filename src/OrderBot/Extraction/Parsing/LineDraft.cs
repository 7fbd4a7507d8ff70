using OrderBot.Menus;

namespace OrderBot.Extraction.Parsing;

/// <summary>One order line while it is being read: the item, how many, the size and the options in text order.</summary>
internal sealed class LineDraft
{
    public required MenuItem Item { get; set; }
    public int Quantity { get; set; } = 1;
    public MenuSize? Size { get; set; }
    public List<PricedOption> Options { get; } = [];

    /// <summary>Adds an option; a second positive choice in a one-of group replaces the first ("thin ... no, thick crust").</summary>
    public void Add(PricedOption option)
    {
        if (Options.Contains(option))
        {
            return;
        }

        if (!option.Negated && option.Option.Group.Kind == OptionGroupKind.Choice)
        {
            Options.RemoveAll(o => !o.Negated && o.Option.Group.Id == option.Option.Group.Id);
        }

        Options.Add(option);
    }

    public ExtractedItem ToExtracted(Menu menu) => new(
        Item.Id,
        Item.Name,
        Quantity,
        menu.UnitPrice(Item, Size, Options),
        Size?.Id,
        [.. Options.Select(o => new ExtractedOption(o.Option.Option.Id, o.Option.Option.Name, o.Option.Group.Id, o.Negated, o.Qualifier?.Id))]);
}
