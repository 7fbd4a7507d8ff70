using OrderBot.Menu;

namespace OrderBot.Server.Cli;

/// <summary>The verbs' <c>--menu</c>: resolved like <c>Menu:Path</c>, relative to the directory the command was started in.</summary>
public static class MenuFiles
{
    /// <summary>Loads the menu or writes why it cannot be used; null then.</summary>
    public static Menu.Menu? TryLoad(string? path, TextWriter error)
    {
        try
        {
            return MenuLoader.LoadFile(MenuOptions.Resolve(string.IsNullOrEmpty(path) ? new MenuOptions().Path : path));
        }
        catch (MenuValidationException e)
        {
            error.WriteLine(e.Message);
            return null;
        }
    }
}
