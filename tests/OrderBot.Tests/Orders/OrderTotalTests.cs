using CsCheck;
using OrderBot.Menus;
using OrderBot.Orders;

namespace OrderBot.Tests.Orders;

public sealed class OrderTotalTests
{
    private static readonly Gen<OrderLine> Line =
        Gen.Select(Gen.Int[1, 1000], Gen.Int[0, 100_000_000]).Select((quantity, cents) =>
            new OrderLine("x", quantity, cents / 100m, null, null, []));

    [Fact]
    public void The_total_is_the_exact_sum_of_quantity_times_price() =>
        Line.List[1, 100].Sample(lines =>
            Order.Total(lines, 2) == lines.Sum(l => l.Quantity * l.Price));

    [Fact]
    public void The_total_never_has_more_decimals_than_the_currency() =>
        Gen.Select(Line.List[1, 20], Gen.Int[0, 3], Gen.Int[0, 1_000_000]).Sample((lines, minor, thousandths) =>
        {
            lines[0] = new OrderLine("x", 1, thousandths / 1000m, null, null, []);
            var total = Order.Total(lines, minor);
            var exact = lines.Sum(l => l.Quantity * l.Price);
            return Money.Scale(total) <= minor && Math.Abs(total - exact) <= 0.5m / (decimal)Math.Pow(10, minor);
        });

    [Theory]
    [InlineData(0.005, 2, 0.01)]
    [InlineData(2.5, 0, 3)]
    [InlineData(1.0005, 3, 1.001)]
    public void Rounding_takes_halves_away_from_zero(double amount, int minorUnits, double expected) =>
        Assert.Equal((decimal)expected, Money.Round((decimal)amount, minorUnits));
}
