using OrderBot.Chat;
using OrderBot.Customers;
using OrderBot.Orders;

namespace OrderBot.Server.Cli;

/// <summary>
/// Shows the terminal customer's order status changes (staff moving the order on the board) while the chat runs: the
/// server cannot queue notices for a terminal. Changes the customer made in this chat are not repeated.
/// </summary>
public sealed class TerminalStatusWatcher(OrderHandler orders, CustomerDirectory customers, TerminalChannel terminal, string customerId, TimeSpan interval, TimeProvider time)
{
    private readonly Dictionary<string, OrderStatus> _seen = new(StringComparer.Ordinal);

    /// <summary>Notes the orders as they stand, so that only later changes are shown.</summary>
    public Task BaselineAsync(CancellationToken cancellationToken) => LookAsync(notify: false, cancellationToken);

    /// <summary>Looks every <c>interval</c> until cancelled.</summary>
    public async Task WatchAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            try
            {
                await LookAsync(notify: true, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database is shared with a running server; a busy moment is tried again at the next tick.
            }
        }
    }

    private async Task LookAsync(bool notify, CancellationToken cancellationToken)
    {
        var page = await orders.GetCustomerOrdersAsync(customerId, 20, null, cancellationToken);
        foreach (var order in page.Orders)
        {
            var known = _seen.TryGetValue(order.Id, out var before);
            _seen[order.Id] = order.Status;
            if (!notify || !known || before == order.Status || await ChangedInThisChatAsync(order.Id, cancellationToken))
            {
                continue;
            }

            var texts = ChatTexts.For((await customers.GetAsync(customerId, cancellationToken))?.Language);
            var (text, phrase) = ChatText.NoticeOf(order.Number, order.Status, order.Fulfilment, texts, orders.Shop.Hours);
            await terminal.SendAsync(customerId, new StatusNotice(text, order.Number, phrase, order.UpdatedAt) { Language = texts.Language }, cancellationToken);
        }
    }

    private async Task<bool> ChangedInThisChatAsync(string orderId, CancellationToken cancellationToken) =>
        (await orders.GetOrderAsync(orderId, cancellationToken))?.History is [.., var last]
        && last.Actor.StartsWith(Conversation.CustomerActorPrefix, StringComparison.Ordinal);
}
