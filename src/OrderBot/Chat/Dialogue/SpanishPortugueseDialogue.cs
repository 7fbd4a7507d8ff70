using System.Collections.Frozen;

namespace OrderBot.Chat.Dialogue;

public static class SpanishDialogue
{
    public static readonly DialogueWords Words = new()
    {
        Language = "es",
        Yes = DialogueWords.Set(
            "sí", "si", "sip", "claro", "dale", "vale", "ok", "okay", "listo", "lista", "eso", "es", "todo", "confirmo", "confirmar", "confirmado",
            "correcto", "perfecto", "bien", "está", "esta", "de", "acuerdo", "va", "venga", "por", "favor", "así", "asi", "pedido", "el", "mándalo",
            "mandalo", "hazlo", "adelante", "seguro", "👍", "👌", "✅"),
        YesCore = DialogueWords.Set(
            "sí", "si", "sip", "claro", "dale", "vale", "ok", "okay", "listo", "lista", "todo", "confirmo", "confirmar", "confirmado", "correcto",
            "perfecto", "acuerdo", "venga", "mándalo", "mandalo", "hazlo", "adelante", "👍", "👌", "✅"),
        No = DialogueWords.Set("no", "nel", "nop", "todavía", "todavia", "aún", "aun", "espera", "esperá", "momento", "un", "mejor", "negativo"),
        Greetings = DialogueWords.Set(
            "hola", "holi", "holaa", "buenas", "buenos", "buen", "días", "dias", "día", "dia", "tardes", "noches", "qué", "que", "tal", "saludos", "hey"),
        Thanks = DialogueWords.Set("gracias", "muchas", "mil", "muy", "amable", "grax", "te", "lo", "se", "agradezco"),
        Goodbyes = DialogueWords.Set("adiós", "adios", "chau", "chao", "hasta", "luego", "pronto", "mañana", "nos", "vemos", "buenas", "noches", "buen", "día", "dia"),
        Approval = DialogueWords.Set(
            "perfecto", "genial", "bien", "bueno", "excelente", "buenísimo", "buenisimo", "chido", "padre", "súper", "super", "vale", "ok", "okay",
            "jaja", "jajaja", "entendido", "guay", "muy"),
        Filler = DialogueWords.Set(
            "por", "favor", "porfa", "pues", "entonces", "y", "también", "tambien", "bueno", "oye", "solo", "sólo", "ya", "ahora", "perdón", "perdon",
            "gracias", "ok", "vale", "mmm", "eh", "ah"),
        Pointers = DialogueWords.Set("eso", "esa", "ese", "esto", "esta", "este", "lo", "la", "los", "las", "todo", "todos", "todas", "ambos", "ambas", "uno", "una", "otro", "otra", "último", "ultimo"),
        All = DialogueWords.Set("los", "las", "todo", "todos", "todas", "ambos", "ambas", "cada"),
        Numbers = new Dictionary<string, int>
        {
            ["un"] = 1, ["una"] = 1, ["uno"] = 1, ["dos"] = 2, ["par"] = 2, ["tres"] = 3, ["cuatro"] = 4, ["cinco"] = 5, ["seis"] = 6,
            ["siete"] = 7, ["ocho"] = 8, ["nueve"] = 9, ["diez"] = 10, ["once"] = 11, ["doce"] = 12, ["docena"] = 12, ["quince"] = 15, ["veinte"] = 20,
        }.ToFrozenDictionary(StringComparer.Ordinal),
        Shorthand = new Dictionary<string, string>
        {
            ["q"] = "que", ["xq"] = "porque", ["pq"] = "porque", ["porfis"] = "por favor", ["xfa"] = "por favor", ["x"] = "por",
        }.ToFrozenDictionary(StringComparer.Ordinal),
        QuestionStarts = DialogueWords.Set(
            "qué", "que", "cuál", "cual", "cuáles", "cuales", "cuánto", "cuanto", "cuánta", "cuanta", "cuántos", "cuantos", "cómo", "tienen", "tienes",
            "hay", "dónde", "donde", "cuándo", "cuando", "lleva", "llevan"),
    };
}

public static class PortugueseDialogue
{
    public static readonly DialogueWords Words = new()
    {
        Language = "pt",
        Yes = DialogueWords.Set(
            "sim", "isso", "pode", "ser", "beleza", "blz", "confirmo", "confirmar", "confirmado", "fechado", "é", "e", "ok", "okay", "certo", "claro",
            "perfeito", "manda", "bala", "por", "favor", "só", "so", "isso aí", "aí", "ai", "tá", "ta", "bom", "está", "esta", "correto", "o", "pedido",
            "com", "certeza", "👍", "👌", "✅"),
        YesCore = DialogueWords.Set(
            "sim", "isso", "pode", "beleza", "blz", "confirmo", "confirmar", "confirmado", "fechado", "ok", "okay", "certo", "claro", "perfeito", "manda",
            "correto", "certeza", "👍", "👌", "✅"),
        No = DialogueWords.Set("não", "nao", "nop", "negativo", "ainda", "espera", "peraí", "perai", "pera", "calma"),
        Greetings = DialogueWords.Set("oi", "olá", "ola", "oie", "bom", "boa", "dia", "tarde", "noite", "tudo", "bem", "e", "aí", "ai", "eai", "opa", "salve"),
        Thanks = DialogueWords.Set("obrigado", "obrigada", "brigado", "brigada", "valeu", "vlw", "muito", "agradeço", "agradeco"),
        Goodbyes = DialogueWords.Set("tchau", "até", "ate", "logo", "mais", "tarde", "boa", "noite", "falou", "abraço", "abraco", "bom", "dia"),
        Approval = DialogueWords.Set(
            "perfeito", "ótimo", "otimo", "legal", "beleza", "show", "massa", "top", "bom", "boa", "certo", "entendi", "kkk", "kkkk", "haha", "ok", "blz", "tá", "ta"),
        Filler = DialogueWords.Set(
            "por", "favor", "pfv", "pf", "então", "entao", "e", "também", "tambem", "só", "so", "agora", "aí", "ai", "né", "ne", "bom", "desculpa",
            "ok", "hum", "ah"),
        Pointers = DialogueWords.Set("isso", "isto", "esse", "essa", "este", "esta", "o", "a", "os", "as", "todos", "todas", "tudo", "ambos", "ambas", "dois", "duas", "um", "uma", "outro", "outra", "último", "ultimo"),
        All = DialogueWords.Set("os", "as", "todos", "todas", "tudo", "ambos", "ambas", "cada", "dois", "duas"),
        Numbers = new Dictionary<string, int>
        {
            ["um"] = 1, ["uma"] = 1, ["dois"] = 2, ["duas"] = 2, ["três"] = 3, ["tres"] = 3, ["quatro"] = 4, ["cinco"] = 5, ["seis"] = 6,
            ["sete"] = 7, ["oito"] = 8, ["nove"] = 9, ["dez"] = 10, ["onze"] = 11, ["doze"] = 12, ["dúzia"] = 12, ["duzia"] = 12, ["quinze"] = 15, ["vinte"] = 20,
        }.ToFrozenDictionary(StringComparer.Ordinal),
        Shorthand = new Dictionary<string, string>
        {
            ["vc"] = "você", ["vcs"] = "vocês", ["pfv"] = "por favor", ["q"] = "que", ["tb"] = "também", ["tbm"] = "também", ["blz"] = "beleza", ["vlw"] = "valeu",
        }.ToFrozenDictionary(StringComparer.Ordinal),
        QuestionStarts = DialogueWords.Set(
            "que", "quê", "qual", "quais", "quanto", "quanta", "quantos", "quantas", "como", "tem", "têm", "vocês", "voces", "onde", "quando", "cadê", "cade"),
    };
}

/// <summary>The dialogue words of each language the conversation speaks, by code.</summary>
public static class DialogueLanguages
{
    public static IReadOnlyList<string> Codes { get; } = ["en", "es", "pt"];

    /// <summary>The words of a language code; English for a code without its own.</summary>
    public static DialogueWords Words(string? language) => language switch
    {
        "es" => SpanishDialogue.Words,
        "pt" => PortugueseDialogue.Words,
        _ => EnglishDialogue.Words,
    };
}
