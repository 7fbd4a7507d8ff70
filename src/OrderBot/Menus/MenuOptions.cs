namespace OrderBot.Menus;

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

    /// <summary>The path as given, or the app's bundled copy of a missing sample (see <see cref="Hosting.BundledSamples"/>).</summary>
    public static string Resolve(string path) => Hosting.BundledSamples.Resolve(path, SamplesFolder, "menus");
}
