namespace OrderBot.Server.Cli;

/// <summary>
/// <c>dotnet run</c> on a web project runs in the project folder, so a relative path typed at the repository
/// root is also looked up in the folders above the current one.
/// </summary>
public static class CliPaths
{
    public static string Find(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path))
        {
            return path;
        }

        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()).Parent; directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, path);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return path;
    }
}
