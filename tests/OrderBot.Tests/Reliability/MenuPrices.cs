using OrderBot.Menus;
using OrderBot.Orders;

namespace OrderBot.Tests.Reliability;

/// <summary>What the menu says a stored order line costs, to compare with what was stored.</summary>
public static class MenuPrices
{
    public static decimal UnitPrice(OrderBot.Menus.Menu menu, string menuItemId, string? size, IEnumerable<(string Id, string? Qualifier, bool Negated)> options)
    {
        var item = menu.FindItem(menuItemId) ?? throw new Xunit.Sdk.XunitException($"'{menuItemId}' is not on the menu");
        return menu.UnitPrice(
            item,
            size is null ? null : menu.FindSize(item, size),
            options.Select(o => new PricedOption(menu.FindOption(item, o.Id)!, o.Qualifier is null ? null : menu.FindQualifier(o.Qualifier), o.Negated)));
    }

    /// <summary>What the menu says a cart's or an order's line costs.</summary>
    public static decimal UnitPrice(OrderBot.Menus.Menu menu, OrderLine line) =>
        UnitPrice(menu, line.MenuItemId!, line.Size, line.Options.Select(o => (o.Id, o.Qualifier, o.Negated)));

    /// <summary>Every line of every order carries the menu's unit price and the total is the sum of the lines.</summary>
    public static void AssertAll(OrderBot.Menus.Menu menu, IEnumerable<Order> orders)
    {
        foreach (var order in orders)
        {
            Assert.NotEmpty(order.Items);
            foreach (var line in order.Items)
            {
                Assert.Equal(UnitPrice(menu, line), line.Price);
                Assert.InRange(line.Quantity, 1, menu.MaxQuantity);
            }

            Assert.Equal(Order.Total(order.Items, menu.MinorUnits), order.TotalAmount);
        }
    }
}
