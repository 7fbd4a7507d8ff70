namespace OrderBot.Menu;

/// <summary>The <c>Menu</c> configuration section.</summary>
public sealed class MenuOptions
{
    public const string Section = "Menu";

    /// <summary>The menu file. Default: samples/menus/pizzeria.json, looked up in the working folder, then beside the app.</summary>
    public string Path { get; set; } = "samples/menus/pizzeria.json";

    /// <summary>The file to load: the path as given when it exists, else the same file name in the app's menus folder.</summary>
    public string ResolvePath()
    {
        if (File.Exists(Path) || System.IO.Path.IsPathRooted(Path))
        {
            return Path;
        }

        var besideApp = System.IO.Path.Combine(AppContext.BaseDirectory, "menus", System.IO.Path.GetFileName(Path));
        return File.Exists(besideApp) ? besideApp : Path;
    }
}
