namespace OrderBot.Shop;

/// <summary>
/// The <c>Shop</c> configuration section. <see cref="Path"/> empty (the library's default) means no shop file: today's
/// behaviour. The server's appsettings.json names the pizzeria sample, matching the default menu.
/// </summary>
public sealed class ShopOptions
{
    public const string Section = "Shop";

    public const string SamplesFolder = "samples/shops";

    /// <summary>The shop file, relative to the directory the command was started in; empty: none.</summary>
    public string Path { get; set; } = "";

    /// <summary>The file to load (a missing sample falls back to the copy bundled with the app), or null for none.</summary>
    public string? ResolvePath() => string.IsNullOrWhiteSpace(Path) ? null : Resolve(Path);

    public static string Resolve(string path) => Hosting.BundledSamples.Resolve(path, SamplesFolder, "shops");

    /// <summary>The shop that goes with a menu by convention: <c>…/menus/NAME.json</c> → <c>…/shops/NAME.json</c>, when that file exists.</summary>
    public static string? NextToMenu(string menuPath)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(menuPath));
        if (folder is null || !string.Equals(System.IO.Path.GetFileName(folder), "menus", StringComparison.Ordinal))
        {
            return null;
        }

        var shop = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(folder)!, "shops", System.IO.Path.GetFileName(menuPath));
        return File.Exists(shop) ? shop : null;
    }
}
