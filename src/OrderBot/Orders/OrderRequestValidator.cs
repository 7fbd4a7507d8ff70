using OrderBot.Menus;

namespace OrderBot.Orders;

/// <summary>
/// Checks a create request field by field and turns it into priced lines. With a menu every line is
/// resolved against it and priced by it; without one the caller's price is taken after validation.
/// </summary>
internal static class OrderRequestValidator
{
    public const int MaxCustomerIdLength = 64;
    public const int MaxItems = 100;
    public const int MaxNameLength = 200;
    public const int MaxQuantity = 1000;
    public const decimal MaxPrice = 1_000_000m;

    public static void ValidateCustomerId(string? customerId, Dictionary<string, List<string>> errors)
    {
        if (string.IsNullOrWhiteSpace(customerId))
        {
            Add(errors, "customer_id", "is required");
        }
        else if (customerId.Length > MaxCustomerIdLength)
        {
            Add(errors, "customer_id", $"must be at most {MaxCustomerIdLength} characters");
        }
        else if (customerId.Any(char.IsControl))
        {
            Add(errors, "customer_id", "must not contain control characters");
        }
    }

    /// <summary>Trimmed, null when blank; newlines and tabs are kept, other control characters refused.</summary>
    public static string? SpecialInstructions(string? text, Dictionary<string, List<string>> errors)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > OrderRequest.MaxSpecialInstructionsLength)
        {
            Add(errors, "special_instructions", $"must be at most {OrderRequest.MaxSpecialInstructionsLength} characters");
        }
        else if (trimmed.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            Add(errors, "special_instructions", "must not contain control characters");
        }

        return trimmed;
    }

    public static List<OrderLine> BuildLines(OrderRequest request, Menu? menu, string currency, int minorUnits, out string? specialInstructions)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var items = request.Items;
        ValidateCustomerId(request.CustomerId, errors);
        specialInstructions = SpecialInstructions(request.SpecialInstructions, errors);
        var lines = new List<OrderLine>();
        if (items is null || items.Count == 0)
        {
            Add(errors, "items", "at least one item is required");
        }
        else if (items.Count > MaxItems)
        {
            Add(errors, "items", $"at most {MaxItems} items are allowed");
        }
        else
        {
            for (var i = 0; i < items.Count; i++)
            {
                var line = items[i] is { } item
                    ? BuildLine($"items[{i}]", item, menu, currency, minorUnits, errors)
                    : Fail(errors, $"items[{i}]", "is required");
                if (line is not null)
                {
                    lines.Add(line);
                }
            }
        }

        return errors.Count > 0
            ? throw new OrderValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal))
            : lines;
    }

    private static OrderLine? BuildLine(
        string path, OrderItemRequest request, Menu? menu, string currency, int minorUnits, Dictionary<string, List<string>> errors)
    {
        var before = errors.Count;
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            Add(errors, $"{path}.name", "is required");
        }
        else if (request.Name.Length > MaxNameLength)
        {
            Add(errors, $"{path}.name", $"must be at most {MaxNameLength} characters");
        }

        var maxQuantity = Math.Min(MaxQuantity, menu?.MaxQuantity ?? MaxQuantity);
        if (request.Quantity < 1 || request.Quantity > maxQuantity)
        {
            Add(errors, $"{path}.quantity", $"must be between 1 and {maxQuantity}");
        }

        if (request.Price is { } price)
        {
            if (price < 0 || price > MaxPrice)
            {
                Add(errors, $"{path}.price", $"must be between 0 and {MaxPrice}");
            }
            else if (Money.Scale(price) > minorUnits)
            {
                Add(errors, $"{path}.price", $"must have at most {minorUnits} decimals for {currency}");
            }
        }
        else if (menu is null)
        {
            Add(errors, $"{path}.price", "is required when no menu is configured");
        }

        if (errors.Count > before)
        {
            return null;
        }

        return menu is null
            ? new OrderLine(request.Name!.Trim(), request.Quantity, request.Price!.Value, null, request.Size, [])
            : PriceFromMenu(path, request, menu, errors);
    }

    private static OrderLine? PriceFromMenu(string path, OrderItemRequest request, Menu menu, Dictionary<string, List<string>> errors)
    {
        var item = menu.FindItem(request.MenuItemId ?? request.Name);
        if (item is null)
        {
            return Fail(errors, request.MenuItemId is null ? $"{path}.name" : $"{path}.menu_item_id", $"'{request.MenuItemId ?? request.Name}' is not on the menu");
        }

        MenuSize? size = null;
        if (!string.IsNullOrWhiteSpace(request.Size))
        {
            size = menu.FindSize(item, request.Size);
            if (size is null)
            {
                return Fail(errors, $"{path}.size", $"'{item.Name}' does not come in size '{request.Size}'");
            }
        }

        var options = new List<PricedOption>();
        for (var o = 0; o < request.Options.Count; o++)
        {
            var wanted = request.Options[o];
            var option = wanted?.Name is null ? null : menu.FindOption(item, wanted.Name);
            if (option is null)
            {
                return Fail(errors, $"{path}.options[{o}]", $"'{wanted?.Name}' is not an option of '{item.Name}'");
            }

            MenuQualifier? qualifier = null;
            if (!string.IsNullOrWhiteSpace(wanted!.Qualifier) && (qualifier = menu.FindQualifier(wanted.Qualifier)) is null)
            {
                return Fail(errors, $"{path}.options[{o}].qualifier", $"'{wanted.Qualifier}' is not a qualifier on the menu");
            }

            if (wanted.Half is not null && (!Halves.IsSide(wanted.Half) || !option.Group.Halves || wanted.Negated))
            {
                return Fail(errors, $"{path}.options[{o}].half", $"'{option.Option.Name}' cannot go on the {wanted.Half} half of '{item.Name}'");
            }

            options.Add(new PricedOption(option, qualifier, wanted.Negated, wanted.Half));
        }

        var unitPrice = menu.UnitPrice(item, size, options);
        if (request.Price is { } price && price != unitPrice)
        {
            return Fail(errors, $"{path}.price", $"{price} does not match the menu price {unitPrice} {menu.Currency}");
        }

        return new OrderLine(
            item.Name,
            request.Quantity,
            unitPrice,
            item.Id,
            size?.Id,
            options.Select(o => new OrderLineOption(o.Option.Option.Id, o.Option.Option.Name, o.Option.Group.Id, o.Negated, o.Qualifier?.Id) { Half = o.Half }).ToList());
    }

    private static OrderLine? Fail(Dictionary<string, List<string>> errors, string field, string error)
    {
        Add(errors, field, error);
        return null;
    }

    private static void Add(Dictionary<string, List<string>> errors, string field, string error)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(error);
    }
}
