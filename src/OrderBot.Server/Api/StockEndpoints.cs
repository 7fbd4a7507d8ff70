using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrderBot.Menus;
using OrderBot.Stock;

namespace OrderBot.Server.Api;

/// <summary>Staff mark menu items and options sold out and back; the board's Stock panel and the API use the same calls.</summary>
public static class StockEndpoints
{
    public static RouteGroupBuilder MapStock(this IEndpointRouteBuilder app)
    {
        var stock = app.MapApiGroup("/api/stock", "Stock");
        stock.MapGet("/", ListStock).WithName("ListStock");
        stock.MapPut("/{kind}/{id}/sold-out", MarkSoldOut).WithName("MarkSoldOut");
        stock.MapDelete("/{kind}/{id}/sold-out", MarkAvailable).WithName("MarkAvailable");
        return stock;
    }

    /// <summary>Every menu item and option with whether it is sold out.</summary>
    public static async Task<Ok<IReadOnlyList<StockEntryDto>>> ListStock(Menu menu, StockList stock, CancellationToken cancellationToken)
    {
        var marks = (await stock.SoldOutAsync(cancellationToken)).ToDictionary(m => (m.Kind, m.MenuId));
        StockEntryDto Entry(StockKind kind, string id, string name) =>
            new(kind == StockKind.Item ? "item" : "option", id, name, marks.TryGetValue((kind, id), out var mark), mark?.MarkedAt, mark?.MarkedBy);
        var items = menu.Items.Select(i => Entry(StockKind.Item, i.Id, i.Name));
        var options = menu.Definition.OptionGroups.SelectMany(g => g.Options).DistinctBy(o => o.Id).Select(o => Entry(StockKind.Option, o.Id, o.Name));
        return TypedResults.Ok<IReadOnlyList<StockEntryDto>>([.. items, .. options]);
    }

    /// <summary>Marks an item (<c>kind</c> = item) or option (<c>kind</c> = option) sold out; the chat and new orders refuse it until marked back.</summary>
    public static async Task<Results<NoContent, NotFound<ProblemDetails>>> MarkSoldOut(
        string kind, string id, HttpContext context, StockList stock, CancellationToken cancellationToken) =>
        TryKind(kind, out var k) && await stock.MarkSoldOutAsync(k, id, $"api:{context.User.Identity!.Name}", cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.NotFound(Unknown(kind, id));

    /// <summary>Marks an item or option available again.</summary>
    public static async Task<Results<NoContent, NotFound<ProblemDetails>>> MarkAvailable(
        string kind, string id, StockList stock, CancellationToken cancellationToken) =>
        TryKind(kind, out var k) && await stock.MarkAvailableAsync(k, id, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.NotFound(Unknown(kind, id));

    private static bool TryKind(string kind, out StockKind parsed)
    {
        parsed = kind == "option" ? StockKind.Option : StockKind.Item;
        return kind is "item" or "option";
    }

    private static ProblemDetails Unknown(string kind, string id) => new()
    {
        Status = StatusCodes.Status404NotFound,
        Title = "No such menu item or option.",
        Detail = kind is "item" or "option" ? $"The menu has no {kind} with id '{id}'." : $"'{kind}' is not item or option.",
    };
}

/// <summary>A menu item or option and its stock state.</summary>
public sealed record StockEntryDto(string Kind, string Id, string Name, bool SoldOut, DateTime? MarkedAt, string? MarkedBy);
