namespace OrderBot.Menu;

/// <summary>The <c>Menu</c> configuration section.</summary>
public sealed class MenuOptions
{
    public const string Section = "Menu";

    /// <summary>Where the sample menus are documented to live; only these names fall back to the copies bundled with the app.</summary>
    public const string SamplesFolder = "samples/menus";

    /// <summary>The menu file, relative to the directory the command was started in. Default: samples/menus/pizzeria.json.</summary>
    public string Path { get; set; } = SamplesFolder + "/pizzeria.json";

    /// <summary>The file to load, see <see cref="Resolve"/>.</summary>
    public string ResolvePath() => Resolve(Path);

    /// <summary>
    /// The path as given, relative to the current directory. Only a documented sample name
    /// (<c>samples/menus/&lt;file&gt;</c>) that is not there is read from the app's bundled copy, so a published app
    /// runs out of the box, while a shop's own <c>shop/pizzeria.json</c> is never swapped for the sample of the same name.
    /// </summary>
    public static string Resolve(string path)
    {
        if (File.Exists(path) || System.IO.Path.IsPathRooted(path))
        {
            return path;
        }

        var normalized = path.Replace('\\', '/');
        normalized = normalized.StartsWith("./", StringComparison.Ordinal) ? normalized[2..] : normalized;
        var name = normalized.StartsWith(SamplesFolder + "/", StringComparison.Ordinal) ? normalized[(SamplesFolder.Length + 1)..] : null;
        var bundled = name is null || name.Contains('/') ? null : System.IO.Path.Combine(AppContext.BaseDirectory, "menus", name);
        return bundled is not null && File.Exists(bundled) ? bundled : path;
    }
}
