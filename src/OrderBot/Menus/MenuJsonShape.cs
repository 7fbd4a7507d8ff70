using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace OrderBot.Menus;

/// <summary>
/// Checks a menu document against the menu types before it is deserialised, so that every unknown field, missing
/// field and wrongly typed value is reported with its JSON path at once; System.Text.Json stops at the first.
/// </summary>
internal static class MenuJsonShape
{
    public static List<string> Problems(JsonElement root, Type type)
    {
        var problems = new List<string>();
        Check(root, type, "$", problems);
        return problems;
    }

    private static void Check(JsonElement value, Type type, string path, List<string> problems)
    {
        var nullable = Nullable.GetUnderlyingType(type);
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (nullable is null && type.IsValueType)
            {
                problems.Add($"{path}: must be {Expected(type)}, not null");
            }

            return;
        }

        type = nullable ?? type;
        var expected = Expected(type);
        var fits = value.ValueKind switch
        {
            JsonValueKind.String => type == typeof(string) || (type.IsEnum && Enum.TryParse(type, value.GetString(), ignoreCase: true, out _)),
            JsonValueKind.Number => IsNumber(type) && FitsNumber(value, type),
            JsonValueKind.True or JsonValueKind.False => type == typeof(bool),
            JsonValueKind.Array => ElementType(type) is not null,
            JsonValueKind.Object => DictionaryValueType(type) is not null || IsRecord(type),
            _ => false,
        };
        if (!fits)
        {
            problems.Add($"{path}: must be {expected}");
            return;
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            var element = ElementType(type)!;
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(item, element, $"{path}[{i++}]", problems);
            }
        }
        else if (value.ValueKind == JsonValueKind.Object && DictionaryValueType(type) is { } valueType)
        {
            foreach (var member in value.EnumerateObject())
            {
                Check(member.Value, valueType, $"{path}.{member.Name}", problems);
            }
        }
        else if (value.ValueKind == JsonValueKind.Object)
        {
            CheckObject(value, type, path, problems);
        }
    }

    private static void CheckObject(JsonElement value, Type type, string path, List<string> problems)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is not null)
            .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), StringComparer.OrdinalIgnoreCase);
        foreach (var member in value.EnumerateObject())
        {
            if (properties.TryGetValue(member.Name, out var property))
            {
                Check(member.Value, property.PropertyType, $"{path}.{member.Name}", problems);
            }
            else
            {
                problems.Add($"{path}.{member.Name}: unknown field; the fields here are {string.Join(", ", properties.Keys)}");
            }
        }

        foreach (var (name, property) in properties)
        {
            if (property.IsDefined(typeof(RequiredMemberAttribute)) && !value.TryGetProperty(name, out _))
            {
                problems.Add($"{path}.{name}: missing; it is required");
            }
        }
    }

    private static bool IsRecord(Type type) => type.IsClass && type != typeof(string) && ElementType(type) is null;

    private static bool IsNumber(Type type) => type == typeof(int) || type == typeof(long) || type == typeof(decimal) || type == typeof(double);

    private static bool FitsNumber(JsonElement value, Type type) => type == typeof(int) ? value.TryGetInt32(out _)
        : type == typeof(long) ? value.TryGetInt64(out _)
        : type != typeof(decimal) || value.TryGetDecimal(out _);

    private static Type? ElementType(Type type) =>
        type == typeof(string) || DictionaryValueType(type) is not null ? null
        : type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericArguments().Length == 1 && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0]
        : null;

    private static Type? DictionaryValueType(Type type) =>
        type.IsGenericType && type.GetGenericArguments() is [var key, var value] && key == typeof(string)
        && (type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) || type.GetGenericTypeDefinition() == typeof(Dictionary<,>) || type.GetGenericTypeDefinition() == typeof(IDictionary<,>))
            ? value
            : null;

    private static string Expected(Type type) => type switch
    {
        _ when type == typeof(string) => "a string",
        _ when type == typeof(int) || type == typeof(long) => "a whole number",
        _ when IsNumber(type) => "a number",
        _ when type == typeof(bool) => "true or false",
        { IsEnum: true } => "one of " + string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName)),
        _ when DictionaryValueType(type) is { } value => $"an object whose values are {Expected(value)}",
        _ when ElementType(type) is { } element => $"a list of {Plural(Expected(element))}",
        _ => "an object",
    };

    private static string Plural(string expected) => expected.StartsWith("a ", StringComparison.Ordinal) || expected.StartsWith("an ", StringComparison.Ordinal)
        ? expected[(expected.IndexOf(' ', StringComparison.Ordinal) + 1)..] + "s"
        : expected;
}
