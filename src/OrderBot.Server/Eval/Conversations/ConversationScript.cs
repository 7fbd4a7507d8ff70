using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderBot.Server.Eval.Conversations;

/// <summary>One scripted conversation of the benchmark (docs: shared reference "conversation-benchmark.md").</summary>
public sealed record ConversationScript
{
    public required string Id { get; init; }
    public string? Menu { get; init; }

    /// <summary>The shop file, relative to the data file's folder, or <see cref="NoShop"/>; absent: the run's default (none, or the one next to the menu).</summary>
    public string? Shop { get; init; }

    public const string NoShop = "none";

    public DateTime? At { get; init; }
    public string? Language { get; init; }
    public required IReadOnlyList<ScriptStep> Steps { get; init; }
    public required ScriptExpectation Expect { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads JSON lines; a line that is not a script is reported with its number and skipped.</summary>
    public static (List<ConversationScript> Scripts, List<string> Problems) ReadLines(IEnumerable<string> lines)
    {
        var scripts = new List<ConversationScript>();
        var problems = new List<string>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                var script = JsonSerializer.Deserialize<ConversationScript>(line, Json);
                if (script is null || script.Steps is null || script.Expect is null || string.IsNullOrWhiteSpace(script.Id))
                {
                    problems.Add($"line {number}: needs id, steps and expect");
                    continue;
                }

                scripts.Add(script);
            }
            catch (JsonException e)
            {
                problems.Add($"line {number}: {e.Message}");
            }
        }

        return (scripts, problems);
    }
}

/// <summary>Exactly one of the properties is set, naming what the customer or staff does.</summary>
public sealed record ScriptStep
{
    public string? Say { get; init; }
    public string? Tap { get; init; }
    public ScriptLocation? Location { get; init; }
    public IReadOnlyList<ScriptCartLine>? Cart { get; init; }

    /// <summary>A status name, or with <see cref="Item"/>/<see cref="Option"/> a stock move: <see cref="SoldOut"/> or <see cref="Back"/>.</summary>
    public string? Staff { get; init; }

    /// <summary>The menu item id a staff stock move is about.</summary>
    public string? Item { get; init; }

    /// <summary>The option id a staff stock move is about.</summary>
    public string? Option { get; init; }

    /// <summary>What happens to the latest payment link of the customer's latest order: <see cref="Paid"/>, <see cref="Expired"/> or <see cref="Failed"/>.</summary>
    public string? Payment { get; init; }

    public TimeSpan? Advance { get; init; }

    public const string SoldOut = "sold_out";
    public const string Back = "back";
    public const string Paid = "paid";
    public const string Expired = "expired";
    public const string Failed = "failed";
}

public sealed record ScriptLocation(double Latitude, double Longitude, string? Name, string? Address);

public sealed record ScriptCartLine(string ProductRetailerId, int Quantity);

public sealed record ScriptExpectation
{
    public IReadOnlyList<ExpectedOrder> Orders { get; init; } = [];
    public IReadOnlyList<string> RepliesContain { get; init; } = [];
    public IReadOnlyList<string> RepliesLack { get; init; } = [];
}

public sealed record ExpectedOrder
{
    public required string Status { get; init; }
    public decimal? Total { get; init; }
    public IReadOnlyList<ExpectedLine> Items { get; init; } = [];

    /// <summary>Other order fields (fulfilment, payment, special_instructions), compared only when named.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; init; }
}

public sealed record ExpectedLine(string Item, int Quantity, string? Size, IReadOnlyList<string>? Options);
