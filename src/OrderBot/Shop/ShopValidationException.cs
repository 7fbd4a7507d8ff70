namespace OrderBot.Shop;

/// <summary>A shop file that cannot be used; every problem names the JSON path.</summary>
public sealed class ShopValidationException(string source, IReadOnlyList<string> problems)
    : Exception($"Shop '{source}' is invalid:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems))
{
    public string ShopSource { get; } = source;
    public IReadOnlyList<string> Problems { get; } = problems;
}
