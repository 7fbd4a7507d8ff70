namespace OrderBot.Bench;

/// <summary>"--name value" pairs of a load-driver command.</summary>
internal sealed class BenchArguments(IReadOnlyList<string> args)
{
    public string? Find(string name)
    {
        var at = args.ToList().IndexOf($"--{name}");
        return at >= 0 && at + 1 < args.Count ? args[at + 1] : null;
    }

    public string Get(string name, string fallback) => Find(name) ?? fallback;
}
