using OrderBot.Live;

namespace OrderBot.Orders;

/// <summary>Committed order changes of this process, for live views such as the staff board.</summary>
public sealed class OrderFeed : Broadcast<OrderDetails>;
