namespace OrderBot.Tests.Support;

/// <summary>A real dependency a test needs (a database server, a browser): skipped outside CI when missing, a failure in CI.</summary>
public static class RequiredTool
{
    public static void Require(string tool, string? unavailableReason)
    {
        if (unavailableReason is null)
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{tool} is required in CI: {unavailableReason}");
        }

        Assert.Skip($"{tool} unavailable: {unavailableReason}");
    }
}
