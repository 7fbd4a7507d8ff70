using OrderBot.Menu;

namespace OrderBot.Server.Cli;

/// <summary>Where the verbs find a menu when none is given: samples/menus/pizzeria.json here, or menus/ beside the binary.</summary>
public static class MenuFiles
{
    public const string DefaultName = "pizzeria.json";

    public static string Resolve(string? path)
    {
        var found = CliPaths.Find(string.IsNullOrEmpty(path) ? Path.Combine("samples", "menus", DefaultName) : path);
        var besideBinary = Path.Combine(AppContext.BaseDirectory, "menus", Path.GetFileName(found));
        return !File.Exists(found) && File.Exists(besideBinary) ? besideBinary : found;
    }

    /// <summary>Loads the menu or writes why it cannot be used; null then.</summary>
    public static Menu.Menu? TryLoad(string? path, TextWriter error)
    {
        var resolved = Resolve(path);
        try
        {
            return MenuLoader.LoadFile(resolved);
        }
        catch (MenuValidationException e)
        {
            error.WriteLine(e.Message);
            return null;
        }
    }
}
