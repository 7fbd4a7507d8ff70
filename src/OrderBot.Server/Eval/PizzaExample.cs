using System.Text.Json;

namespace OrderBot.Server.Eval;

/// <summary>One utterance of a PIZZA file and its gold EXR; the split prefix ("dev.", "test.") does not matter.</summary>
public sealed record PizzaExample(string Source, ExrTree Gold)
{
    /// <summary>Reads JSON lines with keys ending in ".SRC" and ".EXR"; lines without both are reported, not fatal.</summary>
    public static (List<PizzaExample> Examples, List<string> Problems) ReadLines(IEnumerable<string> lines)
    {
        var examples = new List<PizzaExample>();
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
                using var document = JsonDocument.Parse(line);
                string? source = null, exr = null;
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.Name.EndsWith("SRC", StringComparison.Ordinal))
                    {
                        source = property.Value.GetString();
                    }
                    else if (property.Name.EndsWith("EXR", StringComparison.Ordinal))
                    {
                        exr = property.Value.GetString();
                    }
                }

                if (source is null || exr is null || ExrTree.Parse(exr) is not { } gold)
                {
                    problems.Add($"line {number}: needs a *.SRC and a well-formed *.EXR");
                    continue;
                }

                examples.Add(new PizzaExample(source, gold));
            }
            catch (JsonException e)
            {
                problems.Add($"line {number}: {e.Message}");
            }
        }

        return (examples, problems);
    }
}
