namespace OrderBot.Menus;

/// <summary>A menu file that cannot be used; every problem names the file and the JSON path.</summary>
public sealed class MenuValidationException(string source, IReadOnlyList<string> problems)
    : Exception($"Menu '{source}' is invalid:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems))
{
    public string MenuSource { get; } = source;
    public IReadOnlyList<string> Problems { get; } = problems;
}
