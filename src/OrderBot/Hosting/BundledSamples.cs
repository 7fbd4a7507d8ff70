namespace OrderBot.Hosting;

/// <summary>The sample files (menus, shops) bundled with the app, so a published app runs out of the box.</summary>
internal static class BundledSamples
{
    /// <summary>
    /// The path as given, relative to the current directory. Only a documented sample name (<c>samplesFolder/&lt;file&gt;</c>)
    /// that is not there is read from the app's bundled copy in <paramref name="bundledFolder"/>, so a shop's own
    /// <c>shop/pizzeria.json</c> is never swapped for the sample of the same name.
    /// </summary>
    public static string Resolve(string path, string samplesFolder, string bundledFolder)
    {
        if (File.Exists(path) || Path.IsPathRooted(path))
        {
            return path;
        }

        var normalized = path.Replace('\\', '/');
        normalized = normalized.StartsWith("./", StringComparison.Ordinal) ? normalized[2..] : normalized;
        var name = normalized.StartsWith(samplesFolder + "/", StringComparison.Ordinal) ? normalized[(samplesFolder.Length + 1)..] : null;
        var bundled = name is null || name.Contains('/') ? null : Path.Combine(AppContext.BaseDirectory, bundledFolder, name);
        return bundled is not null && File.Exists(bundled) ? bundled : path;
    }
}
