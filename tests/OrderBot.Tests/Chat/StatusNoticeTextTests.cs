using OrderBot.Chat;
using OrderBot.Orders;

namespace OrderBot.Tests.Chat;

public sealed class StatusNoticeTextTests
{
    [Fact]
    public void A_ready_pickup_order_is_ready_for_pickup_in_the_customers_language()
    {
        Assert.Equal("is ready for pickup", ChatText.StatusPhrase(OrderStatus.Ready, FulfilmentMode.Pickup, null, ChatTexts.English));
        Assert.Equal("está listo para recoger", ChatText.StatusPhrase(OrderStatus.Ready, FulfilmentMode.Pickup, null, ChatTexts.Spanish));
        Assert.Equal("está pronto para retirar", ChatText.StatusPhrase(OrderStatus.Ready, FulfilmentMode.Pickup, null, ChatTexts.Portuguese));
    }

    [Fact]
    public void A_delivery_on_its_way_says_when_it_should_arrive()
    {
        var phrase = ChatText.StatusPhrase(OrderStatus.Shipped, FulfilmentMode.Delivery, new DateTime(2026, 12, 4, 19, 40, 0), ChatTexts.English);

        Assert.Equal("is on its way and should arrive around 19:40", phrase);
        Assert.Equal("Update on your order K7Q: it is on its way and should arrive around 19:40.", ChatText.Notice("K7Q", phrase, ChatTexts.English));
    }

    [Fact]
    public void An_order_without_a_mode_keeps_the_plain_status_phrase()
    {
        Assert.Equal(ChatText.StatusPhrase(OrderStatus.Ready, ChatTexts.English), ChatText.StatusPhrase(OrderStatus.Ready, null, null, ChatTexts.English));
        Assert.Equal("is on its way", ChatText.StatusPhrase(OrderStatus.Shipped, FulfilmentMode.Delivery, null, ChatTexts.English));
    }
}
