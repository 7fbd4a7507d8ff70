using OrderBot.Menus;

namespace OrderBot.Shop;

/// <summary>Reads a shop file and checks it, like the menu: every broken rule is one line with its JSON path.</summary>
public static class ShopLoader
{
    public static ShopSettings LoadFile(string path) =>
        Parse(MenuLoader.ReadText(path, "Shop:Path", problems => new ShopValidationException(path, problems)), path);

    public static ShopSettings Parse(string json, string source)
    {
        var definition = MenuLoader.Read<ShopDefinition>(json, problems => new ShopValidationException(source, problems));
        var problems = ShopValidator.Validate(definition);
        return problems.Count > 0 ? throw new ShopValidationException(source, problems) : new ShopSettings(definition);
    }
}
