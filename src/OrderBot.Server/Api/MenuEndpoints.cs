using Microsoft.AspNetCore.Http.HttpResults;
using OrderBot.Menus;

namespace OrderBot.Server.Api;

public static class MenuEndpoints
{
    public static RouteGroupBuilder MapMenu(this IEndpointRouteBuilder app)
    {
        var menu = app.MapApiGroup("/api/menu", "Menu");
        menu.MapGet("/", GetMenu).WithName("GetMenu");
        return menu;
    }

    /// <summary>The shop's menu as configured, in the menu file's format.</summary>
    public static Ok<MenuDefinition> GetMenu(Menu menu) => TypedResults.Ok(menu.Definition);
}
