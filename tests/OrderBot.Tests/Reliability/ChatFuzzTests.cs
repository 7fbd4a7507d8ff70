using System.Globalization;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrderBot.Chat;
using OrderBot.Extraction;
using OrderBot.Tests.Support;

namespace OrderBot.Tests.Reliability;

/// <summary>
/// Generated customer messages through the conversation (real SQLite, the parser, the cafe menu), pressing the
/// buttons it offers now and then: no exception, every cart and order line at the menu's price, an order only
/// on a confirmation, and every reply within WhatsApp's limits.
/// </summary>
public sealed class ChatFuzzTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("ORDERBOT_FUZZ_CASES"), CultureInfo.InvariantCulture, out var n) ? n : 10_000;
    private const int MessagesPerCustomer = 5;

    private static readonly string[] Phrases =
    [
        "2 lattes", "2 large lattes", "a croissant with ham", "water", "latte with oat milk and an extra shot, no whole milk",
        "3 croissants please", "add a water", "remove the croissant", "make it large", "make the latte small", "large", "small",
        "menu", "hi", "status", "cancel", "confirm", "yes", "ok", "change", "50 lattes", "51 lattes", "1000000 lattes",
        "-3 lattes", "0 croissants", "a few croissants", "a latte for 0.01 euro", "free latte", "🍕", "", "   ",
        "latte latte latte latte", "extra extra light shot latte", "no latte", "2 lattes and 2 croissants and a water",
        "that's all", "done", "where is my order", "cancel my order", "scratch the water", "another round of lattes",
    ];

    /// <summary>One thing a customer does: type something, press the n-th choice of the last reply, send a catalog cart or a photo.</summary>
    private sealed record Step(string? Text, int? Press, CatalogOrderContent? Catalog);

    private static readonly Gen<Step> Steps = Gen.Frequency(
        (8, Gen.OneOf(Phrases.Select(Gen.Const).ToArray()).Select(t => new Step(t, null, null))),
        (2, Gen.String[0, 120].Select(t => new Step(t, null, null))),
        (1, Gen.Char.Array[1_000, 20_000].Select(c => new Step(new string(c), null, null))),
        (5, Gen.Int[0, 11].Select(i => new Step(null, i, null))),
        (1, Gen.Select(Gen.OneOf<string>("latte", "latte:large", "latte:tiny", "croissant", "water:large", "", "nope"), Gen.Int).Array[0, 5]
            .Select(lines => new Step(null, null, new CatalogOrderContent(lines.Select(l => new CatalogLine(l.Item1, l.Item2)).ToList(), null)))),
        (1, Gen.Const(new Step(null, null, null))));

    [Fact]
    public async Task Generated_conversations_never_throw_and_only_a_confirmation_places_an_order_at_menu_prices()
    {
        var menu = TestMenus.Cafe();
        var orders = database.Handler(menu);
        var conversation = new Conversation(
            new MenuParser(menu), orders, database.Customers(), menu, TimeProvider.System, Options.Create(new ConversationOptions()), NullLogger<Conversation>.Instance);
        var placed = 0;

        await Steps.Array[MessagesPerCustomer].SampleAsync(async steps =>
        {
            var customer = "+49" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999);
            IReadOnlyList<OutgoingMessage> last = [];
            var ordersBefore = 0;
            foreach (var step in steps)
            {
                var content = Content(step, last);
                await using var db = await database.DbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
                last = await conversation.HandleAsync(db, new IncomingMessage("fuzz", Guid.NewGuid().ToString(), customer, DateTime.UtcNow, content), TestContext.Current.CancellationToken);
                await db.SaveChangesAsync(TestContext.Current.CancellationToken);

                Assert.All(last, AssertWithinLimits);
                var state = await db.ConversationStates.AsNoTracking().SingleAsync(s => s.CustomerId == customer, TestContext.Current.CancellationToken);
                Assert.All(state.Cart, line =>
                    Assert.Equal(MenuPrices.UnitPrice(menu, line), line.Price));
                var stored = await db.Orders.AsNoTracking().Where(o => o.CustomerId == customer).ToListAsync(TestContext.Current.CancellationToken);
                if (stored.Count != ordersBefore)
                {
                    Assert.True(IsConfirmation(content), $"an order appeared after {content}");
                    Assert.Equal(ordersBefore + 1, stored.Count);
                    MenuPrices.AssertAll(menu, stored);
                    Interlocked.Increment(ref placed);
                    ordersBefore = stored.Count;
                }
            }
        }, iter: Cases / MessagesPerCustomer, threads: 2);

        Assert.True(placed > Cases / 200, $"only {placed} orders were placed, so the run proves little");
    }

    private static IncomingContent Content(Step step, IReadOnlyList<OutgoingMessage> last)
    {
        if (step.Press is { } index)
        {
            var choices = last.SelectMany(m => m switch
            {
                ButtonsReply b => b.Buttons.Select(x => (x.Id, x.Title)),
                ListReply l => l.Rows.Select(x => (x.Id, x.Title)),
                _ => [],
            }).ToList();
            return choices.Count > 0 ? new ChoiceContent(choices[index % choices.Count].Id, choices[index % choices.Count].Title) : new ChoiceContent("confirm:stale", "Confirm");
        }

        return step.Text is { } text ? new TextContent(text) : step.Catalog ?? (IncomingContent)new UnsupportedContent("image");
    }

    private static bool IsConfirmation(IncomingContent content) => content switch
    {
        TextContent t => IntentReader.Read(t.Text).Kind == IntentKind.Confirm || OrderBot.Chat.Dialogue.EnglishDialogue.Words.SaysYes(t.Text),
        ChoiceContent c => c.Id.StartsWith(CartButtons.Confirm + ":", StringComparison.Ordinal),
        _ => false,
    };

    private static void AssertWithinLimits(OutgoingMessage reply)
    {
        Assert.InRange(reply.Text.Length, 1, ChatLimits.TextBody);
        switch (reply)
        {
            case ButtonsReply b:
                Assert.InRange(b.Text.Length, 1, ChatLimits.ButtonBody);
                Assert.InRange(b.Buttons.Count, 1, ChatLimits.MaxButtons);
                Assert.All(b.Buttons, x => Assert.InRange(x.Title.Length, 1, ChatLimits.ButtonTitle));
                Assert.Equal(b.Buttons.Count, b.Buttons.Select(x => x.Title).Distinct().Count());
                break;
            case ListReply l:
                Assert.InRange(l.Rows.Count(), 1, ChatLimits.MaxListRows);
                Assert.All(l.Rows, r => Assert.InRange(r.Title.Length, 1, ChatLimits.RowTitle));
                Assert.All(l.Rows, r => Assert.InRange(r.Id.Length, 1, ChatLimits.RowId));
                break;
        }
    }
}
