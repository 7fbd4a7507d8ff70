using System.Globalization;
using OrderBot.Extraction.Parsing;
using OrderBot.Menus;

namespace OrderBot.Extraction.Llm;

/// <summary>
/// Turns a model's answer into an order the shop can stand behind: every item, size and option mapped to the
/// menu, quantities inside the menu's limit, prices from <see cref="MenuPricing"/> only, and items the
/// message never names dropped. What does not map is reported as unrecognized; nothing is guessed in its place.
/// </summary>
internal sealed class LlmAnswerValidator(MenuParser parser)
{
    /// <summary>More lines than any real order has; past it the answer is not believed at all.</summary>
    public const int MaxLines = 50;

    /// <summary>Free text the model copies back is cut so it cannot flood the conversation.</summary>
    public const int MaxTextLength = 300;

    private readonly Menu _menu = parser.Menu;
    private readonly MenuPhraseMatcher _matcher = new(parser);

    /// <returns>The order, or null when the answer as a whole is not believable.</returns>
    public ExtractedOrder? Validate(LlmAnswer answer, string message)
    {
        if (answer.Items.Count > MaxLines)
        {
            return null;
        }

        var mentioned = _matcher.Mentioned(message);
        var items = new List<ExtractedItem>();
        var unrecognized = new List<string>();
        foreach (var wanted in answer.Items)
        {
            var line = Line(wanted, mentioned, unrecognized);
            if (line is not null)
            {
                items.Add(line.ToExtracted(_menu));
            }
        }

        return new ExtractedOrder
        {
            Items = items,
            SpecialInstructions = Clip(answer.SpecialInstructions),
            Unrecognized = unrecognized,
            Extractor = Extractors.Llm,
            Truncated = message.Length > MenuParser.MaxMessageLength,
        };
    }

    private LineDraft? Line(LlmAnswerItem wanted, HashSet<string> mentioned, List<string> unrecognized)
    {
        var item = _matcher.Item(wanted.Name);
        if (item is null || !mentioned.Contains(item.Id))
        {
            // Not on the menu, or on the menu but nowhere in the message: an invented line is never ordered.
            Report(unrecognized, wanted.Name);
            return null;
        }

        if (wanted.Quantity < 1 || wanted.Quantity > _menu.MaxQuantity)
        {
            Report(unrecognized, string.Create(CultureInfo.InvariantCulture, $"{wanted.Quantity} {wanted.Name}"));
            return null;
        }

        var line = new LineDraft { Item = item, Quantity = (int)wanted.Quantity };
        if (!string.IsNullOrWhiteSpace(wanted.Size))
        {
            line.Size = _matcher.Size(item, wanted.Size);
            if (line.Size is null)
            {
                // A size the item is not sold in would be priced as some other size: the whole line is unsure.
                Report(unrecognized, $"{wanted.Size} {wanted.Name}");
                return null;
            }
        }

        foreach (var text in wanted.Options)
        {
            if (_matcher.Option(item, text) is { } option)
            {
                line.Add(option);
            }
            else
            {
                Report(unrecognized, text);
            }
        }

        return line;
    }

    private static void Report(List<string> unrecognized, string text)
    {
        if (Clip(text) is { } clipped)
        {
            unrecognized.Add(clipped);
        }
    }

    private static string? Clip(string? text)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length <= MaxTextLength ? trimmed : trimmed[..MaxTextLength];
    }
}
