namespace OrderBot.Tests.Support;

/// <summary>Files of the repository itself (sample menus, conversation scripts), found from the test binaries upwards.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrderBot.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("OrderBot.slnx not found above " + AppContext.BaseDirectory);
    }
}
