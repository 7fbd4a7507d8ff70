using CsCheck;
using OrderBot.Orders;

namespace OrderBot.Tests.Orders;

public sealed class OrderStatusMachineTests
{
    private static readonly Gen<OrderStatus> AnyStatus = Gen.Enum<OrderStatus>();

    [Fact]
    public void The_happy_path_runs_from_pending_to_delivered()
    {
        OrderStatus[] path = [OrderStatus.Pending, OrderStatus.Confirmed, OrderStatus.Preparing, OrderStatus.Ready, OrderStatus.Shipped, OrderStatus.Delivered];
        for (var i = 1; i < path.Length; i++)
        {
            Assert.True(path[i - 1].CanMoveTo(path[i]), $"{path[i - 1]} -> {path[i]}");
        }
    }

    [Theory]
    [InlineData(OrderStatus.Pending, true)]
    [InlineData(OrderStatus.Confirmed, true)]
    [InlineData(OrderStatus.Preparing, true)]
    [InlineData(OrderStatus.Ready, false)]
    [InlineData(OrderStatus.Shipped, false)]
    [InlineData(OrderStatus.Delivered, false)]
    [InlineData(OrderStatus.Cancelled, false)]
    public void Cancelling_is_allowed_only_before_the_order_is_ready(OrderStatus from, bool allowed) =>
        Assert.Equal(allowed, from.CanMoveTo(OrderStatus.Cancelled));

    [Fact]
    public void Final_statuses_have_no_way_out_and_every_other_status_has_one() =>
        AnyStatus.Sample(s => s.IsFinal() == (s is OrderStatus.Delivered or OrderStatus.Cancelled or OrderStatus.Collected) && s.IsFinal() == (s.NextStatuses().Count == 0));

    [Fact]
    public void No_status_moves_to_itself_or_back_to_pending() =>
        Gen.Select(AnyStatus, AnyStatus).Sample((from, to) => !(from.CanMoveTo(to) && (from == to || to == OrderStatus.Pending)));

    [Fact]
    public void Any_walk_of_allowed_moves_records_one_history_entry_per_move_and_ends_where_it_says()
    {
        var order = Gen.Int[0, 10].SelectMany(n => Gen.Int[0, 100].Array[n]);
        order.Sample(choices =>
        {
            var placed = NewOrder();
            var expected = OrderStatus.Pending;
            var moves = 0;
            foreach (var choice in choices)
            {
                var next = expected.NextStatuses();
                if (next.Count == 0)
                {
                    break;
                }

                var target = next[choice % next.Count];
                if (!placed.TryMoveTo(target, "test", DateTime.UtcNow, out _))
                {
                    return false;
                }

                expected = target;
                moves++;
            }

            return placed.Status == expected && placed.History.Count == moves + 1 && placed.Version == moves + 1;
        });
    }

    [Fact]
    public void A_forbidden_move_changes_nothing_and_says_why() =>
        // Collected is reached only by pickup orders; this order's mode is not stated.
        Gen.Select(AnyStatus, AnyStatus).Where((from, to) => from != OrderStatus.Collected && !from.CanMoveTo(to)).Sample((from, to) =>
        {
            var order = NewOrder();
            foreach (var step in PathTo(from))
            {
                order.TryMoveTo(step, "test", DateTime.UtcNow, out var _);
            }

            var before = (order.Status, order.Version, order.History.Count);
            var moved = order.TryMoveTo(to, "test", DateTime.UtcNow, out var reason);
            return !moved && before == (order.Status, order.Version, order.History.Count) && reason!.Contains(from.ToWireName(), StringComparison.Ordinal);
        });

    private static IEnumerable<OrderStatus> PathTo(OrderStatus target) => target switch
    {
        OrderStatus.Pending => [],
        OrderStatus.Cancelled => [OrderStatus.Cancelled],
        OrderStatus.Collected => [OrderStatus.Confirmed, OrderStatus.Preparing, OrderStatus.Ready, OrderStatus.Collected],
        _ => Enum.GetValues<OrderStatus>().Where(s => s > OrderStatus.Pending && s <= target && s != OrderStatus.Cancelled),
    };

    [Fact]
    public void A_pickup_order_goes_from_ready_to_collected_and_a_delivery_order_through_shipped_to_delivered()
    {
        Assert.Equal([OrderStatus.Collected], OrderStatus.Ready.NextStatuses(FulfilmentMode.Pickup));
        Assert.Equal([OrderStatus.Shipped], OrderStatus.Ready.NextStatuses(FulfilmentMode.Delivery));
        Assert.Equal([OrderStatus.Delivered], OrderStatus.Shipped.NextStatuses(FulfilmentMode.Delivery));
        Assert.Empty(OrderStatus.Shipped.NextStatuses(FulfilmentMode.Pickup));
        Assert.Equal([OrderStatus.Shipped], OrderStatus.Ready.NextStatuses());
        Assert.True(OrderStatus.Collected.IsFinal());
    }

    [Theory]
    [InlineData("shipped", OrderStatus.Shipped)]
    [InlineData(" Cancelled ", OrderStatus.Cancelled)]
    [InlineData("PENDING", OrderStatus.Pending)]
    public void Status_names_are_read_case_insensitively(string name, OrderStatus expected)
    {
        Assert.True(OrderStatusMachine.TryParse(name, out var status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("lost")]
    [InlineData("3")]
    [InlineData("-1")]
    [InlineData(null)]
    public void Unknown_status_names_and_numbers_are_rejected(string? name) =>
        Assert.False(OrderStatusMachine.TryParse(name, out _));

    private static Order NewOrder() => Order.Place(
        new OrderIdentity(Guid.CreateVersion7().ToString(), "ABC-123"),
        "customer",
        "EUR",
        2,
        [new OrderLine("latte", 1, 3.2m, null, null, [])],
        "test",
        DateTime.UtcNow);
}
