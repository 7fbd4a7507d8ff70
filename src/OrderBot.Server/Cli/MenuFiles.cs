using OrderBot.Menus;

namespace OrderBot.Server.Cli;

/// <summary>The verbs' <c>--menu</c>: resolved like <c>Menu:Path</c>, relative to the directory the command was started in.</summary>
public static class MenuFiles
{
    /// <summary>The file a <c>--menu</c> value (or none: the default sample) stands for.</summary>
    public static string Resolve(string? path) => MenuOptions.Resolve(string.IsNullOrEmpty(path) ? new MenuOptions().Path : path);

    /// <summary>Loads the menu or writes why it cannot be used; null then.</summary>
    public static Menu? TryLoad(string? path, TextWriter error)
    {
        try
        {
            return MenuLoader.LoadFile(Resolve(path));
        }
        catch (MenuValidationException e)
        {
            error.WriteLine(e.Message);
            return null;
        }
    }
}
