using System.Collections.Frozen;

namespace OrderBot.Chat.Dialogue;

internal static class SpanishDialogue
{
    public static readonly DialogueWords Words = new()
    {
        Language = "es",
        Yes = DialogueWords.Set(
            "sí", "si", "sip", "claro", "dale", "vale", "ok", "okay", "listo", "lista", "eso", "es", "todo", "confirmo", "confirmar", "confirmado",
            "correcto", "perfecto", "bien", "está", "esta", "de", "acuerdo", "va", "venga", "por", "favor", "así", "asi", "pedido", "el", "mándalo",
            "mandalo", "hazlo", "adelante", "seguro", "sale", "órale", "orale", "ándale", "andale", "👍", "👌", "✅"),
        YesCore = DialogueWords.Set(
            "sí", "si", "sip", "claro", "dale", "vale", "ok", "okay", "listo", "lista", "todo", "confirmo", "confirmar", "confirmado", "correcto",
            "perfecto", "acuerdo", "venga", "mándalo", "mandalo", "hazlo", "adelante", "va", "sale", "órale", "orale", "ándale", "andale", "👍", "👌", "✅"),
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
        Acts = new DialogueActs
        {
            Leads = DialogueWords.Set(
                "mejor", "no", "oye", "perdón", "perdon", "bueno", "y", "ah", "ay", "mmm", "eh", "este", "en realidad", "la verdad", "más bien",
                "mas bien", "pensándolo bien", "pensandolo bien", "ahora", "porfa", "por favor", "sabes qué", "sabes que", "mejor dicho", "me equivoqué",
                "me equivoque", "siempre no", "disculpa", "puedes", "podrías", "podrias", "me"),
            NoLeads = DialogueWords.Set("no", "siempre no"),
            Openers = DialogueActs.Map(
                ("que sean", "make that"), ("que sea", "make that"), ("mejor que sean", "make that"), ("son", "make that"), ("sean", "make that"),
                ("pon", "make it"), ("ponle", "make it"), ("hazlo", "make it"), ("hazla", "make it"), ("hazlos", "make them"),
                ("quita", "remove"), ("quítale", "remove"), ("quitale", "remove"), ("quítame", "remove"), ("quitame", "remove"), ("saca", "remove"),
                ("sácale", "remove"), ("sacale", "remove"), ("elimina", "remove"), ("borra", "remove"), ("sin", "remove"), ("ya no quiero", "i don't want"),
                ("no quiero", "i don't want"), ("ya no", "i don't want"), ("olvida", "forget"), ("olvídate de", "forget"), ("olvidate de", "forget"),
                ("cambia", "change"), ("cámbialo", "change it"), ("cambialo", "change it"), ("cámbiala", "change it"), ("cambiala", "change it"),
                ("cámbialos", "change them"), ("cambialos", "change them"), ("cámbialas", "change them"), ("cambialas", "change them"),
                ("cambiar", "change"), ("en vez de", "instead of"), ("en lugar de", "instead of"),
                ("el otro", "make the other one"), ("la otra", "make the other one"), ("los otros", "make the other ones"), ("las otras", "make the other ones"),
                ("uno sin", "1 without"), ("una sin", "1 without"), ("uno con", "1 with"), ("una con", "1 with")),
            Inner = DialogueActs.Map(
                ("por favor", "please"), ("porfa", "please"), ("por", "to"), ("a", "to"), ("sin", "without"), ("con", "with"), ("nomás", "only"), ("nomas", "only"),
                ("nada más", "only"), ("nada mas", "only"), ("solamente", "only"), ("solo", "only"), ("sólo", "only"), ("mejor", "instead"),
                ("el otro", "the other one"), ("la otra", "the other one"), ("del pedido", "from the order"), ("de mi pedido", "from my order"), ("el", "the"),
                ("la", "the"), ("los", "the"), ("las", "the")),
        },
        Complaints = DialogueWords.Set(
            "pésimo", "pesimo", "pésima", "pesima", "horrible", "asco", "asqueroso", "queja", "reclamo", "reembolso", "mal servicio", "una vergüenza",
            "una verguenza", "inaceptable", "terrible", "fatal", "nunca más", "nunca mas", "me intoxiqué", "me intoxique"),
        ComplaintHints = DialogueWords.Set(
            "frío", "frio", "fría", "fria", "fríos", "frios", "frías", "frias", "tarde", "equivocado", "equivocada", "faltó", "falto", "faltaron",
            "quemado", "quemada", "quemados", "crudo", "cruda", "pelo", "aguado", "aguada"),
        PastHints = DialogueWords.Set(
            "llegó", "llego", "llegaron", "vino", "vinieron", "mandaron", "enviaron", "trajeron", "pedí", "pedi", "recibí", "recibi", "estaba", "estaban"),
        Take = DialogueWords.Set(
            "dame", "deme", "me", "das", "da", "manda", "mándame", "mandame", "quiero", "ponme", "pon", "agrega", "agrégalo", "agregalo", "agrégame",
            "agregame", "añade", "añádelo", "añadelo", "lo", "la", "los", "las", "llevo", "tráeme", "traeme", "échame", "echame", "sírveme", "sirveme"),
        Repeat = DialogueWords.Set(
            "lo mismo de la otra vez", "lo mismo que la otra vez", "lo de la otra vez", "lo mismo de antes", "lo mismo que antes", "lo mismo de ayer",
            "lo mismo que ayer", "otra vez lo mismo", "lo mismo otra vez", "repite mi pedido", "repite el pedido", "repíteme lo mismo", "lo de siempre porfa",
            "lo mismo porfa", "lo mismo por favor", "lo de siempre por favor", "quiero lo mismo", "quiero lo de siempre", "me das lo mismo", "dame lo mismo"),
        QuestionStarts = DialogueWords.Set(
            "qué", "que", "cuál", "cual", "cuáles", "cuales", "cuánto", "cuanto", "cuánta", "cuanta", "cuántos", "cuantos", "cómo", "tienen", "tienes",
            "hay", "dónde", "donde", "cuándo", "cuando", "lleva", "llevan"),
    };
}

internal static class PortugueseDialogue
{
    public static readonly DialogueWords Words = new()
    {
        Language = "pt",
        Yes = DialogueWords.Set(
            "sim", "isso", "pode", "ser", "beleza", "blz", "confirmo", "confirmar", "confirmado", "fechado", "é", "e", "ok", "okay", "certo", "claro",
            "perfeito", "manda", "bala", "por", "favor", "só", "so", "isso aí", "aí", "ai", "tá", "ta", "bom", "está", "esta", "correto", "o", "pedido",
            "com", "certeza", "fechar", "fecha", "finaliza", "finalizar", "👍", "👌", "✅"),
        YesCore = DialogueWords.Set(
            "sim", "isso", "pode", "beleza", "blz", "confirmo", "confirmar", "confirmado", "fechado", "ok", "okay", "certo", "claro", "perfeito", "manda",
            "correto", "certeza", "fechar", "fecha", "finaliza", "finalizar", "👍", "👌", "✅"),
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
        Acts = new DialogueActs
        {
            Leads = DialogueWords.Set(
                "na verdade", "melhor", "não", "nao", "ah", "opa", "e", "então", "entao", "pera", "peraí", "perai", "desculpa", "desculpe", "aliás",
                "alias", "ops", "hmm", "tipo", "pensando bem", "mudei de ideia", "por favor", "pfv", "pode", "você pode", "voce pode", "vc pode", "me"),
            NoLeads = DialogueWords.Set("não", "nao"),
            Openers = DialogueActs.Map(
                ("são", "make that"), ("sao", "make that"), ("serão", "make that"), ("serao", "make that"), ("faz", "make it"), ("faça", "make it"),
                ("faca", "make it"), ("faz pra", "make that"), ("coloca", "make it"), ("coloque", "make it"), ("põe", "make it"), ("poe", "make it"), ("bota", "make it"),
                ("muda pra", "make that"), ("muda para", "make that"), ("troca pra", "make that"), ("altera pra", "make that"),
                ("tira", "remove"), ("tire", "remove"), ("tirar", "remove"), ("remove", "remove"), ("remova", "remove"), ("exclui", "remove"), ("cancela o", "remove the"),
                ("cancela a", "remove the"), ("sem", "remove"), ("não quero mais", "i don't want"), ("nao quero mais", "i don't want"), ("não quero", "i don't want"),
                ("nao quero", "i don't want"), ("esquece", "forget"), ("troca", "change"), ("trocar", "change"), ("muda", "change"), ("mudar", "change"),
                ("altera", "change"), ("no lugar de", "instead of"), ("em vez de", "instead of"), ("ao invés de", "instead of"), ("ao inves de", "instead of"),
                ("o outro", "make the other one"), ("a outra", "make the other one"), ("os outros", "make the other ones"), ("as outras", "make the other ones"),
                ("um sem", "1 without"), ("uma sem", "1 without"), ("um com", "1 with"), ("uma com", "1 with")),
            Inner = DialogueActs.Map(
                ("por favor", "please"), ("pfv", "please"), ("por", "to"), ("pra", "to"), ("para", "to"), ("pelo", "to the"), ("pela", "to the"),
                ("sem", "without"), ("com", "with"), ("só", "only"), ("so", "only"), ("também", "too"), ("tambem", "too"), ("o outro", "the other one"),
                ("a outra", "the other one"), ("do pedido", "from the order"), ("do meu pedido", "from my order"), ("o", "the"), ("a", "the"),
                ("os", "the"), ("as", "the")),
        },
        Complaints = DialogueWords.Set(
            "péssimo", "pessimo", "péssima", "pessima", "horrível", "horrivel", "nojento", "nojenta", "reclamação", "reclamacao", "reembolso", "absurdo",
            "inaceitável", "inaceitavel", "vergonha", "lixo", "nunca mais", "atendimento ruim", "serviço ruim", "servico ruim"),
        ComplaintHints = DialogueWords.Set(
            "frio", "fria", "frios", "frias", "atrasado", "atrasada", "atrasou", "errado", "errada", "faltou", "faltando", "queimado", "queimada", "cru", "crua",
            "ruim", "cabelo", "murcho", "murcha"),
        PastHints = DialogueWords.Set(
            "chegou", "chegaram", "veio", "vieram", "mandaram", "entregaram", "trouxeram", "pedi", "recebi", "estava", "estavam"),
        Take = DialogueWords.Set(
            "manda", "me", "vê", "ve", "quero", "coloca", "põe", "poe", "bota", "pode", "mandar", "pra", "mim", "traz", "traga", "adiciona",
            "acrescenta", "vou", "querer", "desce", "sai"),
        Repeat = DialogueWords.Set(
            "o mesmo da outra vez", "o mesmo de antes", "o mesmo que antes", "o mesmo de ontem", "o mesmo que ontem", "o mesmo pedido", "repete o pedido",
            "repete meu pedido", "o mesmo de novo", "de novo o mesmo", "quero o mesmo", "quero o de sempre", "manda o de sempre", "manda o mesmo",
            "o de sempre pfv", "o de sempre por favor", "o mesmo por favor"),
        QuestionStarts = DialogueWords.Set(
            "que", "quê", "qual", "quais", "quanto", "quanta", "quantos", "quantas", "como", "tem", "têm", "vocês", "voces", "onde", "quando", "cadê", "cade"),
    };
}

/// <summary>The dialogue words of each language the conversation speaks, by code.</summary>
public static class DialogueLanguages
{
    public static IReadOnlyList<string> Codes { get; } = ["en", "es", "pt"];

    // A correction read from Spanish or Portuguese is worded as the dialogue's own ("make the other one", "change them
    // to ..."), so these languages also know the pointers and counts of that wording.
    private static readonly DialogueWords Spanish = ReadingActWording(SpanishDialogue.Words);
    private static readonly DialogueWords Portuguese = ReadingActWording(PortugueseDialogue.Words);

    /// <summary>The words of a language code; English for a code without its own.</summary>
    public static DialogueWords Words(string? language) => language switch
    {
        "es" => Spanish,
        "pt" => Portuguese,
        _ => EnglishDialogue.Words,
    };

    /// <summary>Every language's words, for what is recognised whatever the language read (a complaint, "same again").</summary>
    public static IReadOnlyList<DialogueWords> All { get; } = [EnglishDialogue.Words, Spanish, Portuguese];

    private static readonly Dictionary<string, HashSet<string>> TellingWords = All.ToDictionary(
        w => w.Language,
        w => w.Complaints.Concat(w.ComplaintHints).Concat(w.PastHints).Concat(w.Thanks).Concat(w.Goodbyes).Concat(w.Acts.Leads).Concat(w.Acts.Openers.Keys)
            .SelectMany(p => p.Split(' ')).ToHashSet(StringComparer.Ordinal),
        StringComparer.Ordinal);

    /// <summary>
    /// The one language among <paramref name="candidates"/> whose dialogue words (complaints, thanks, corrections) the
    /// words use most, counting only words no other candidate has; null when none or a tie.
    /// </summary>
    public static string? Tell(IReadOnlyList<string> words, IEnumerable<string> candidates)
    {
        var known = candidates.Where(TellingWords.ContainsKey).Distinct(StringComparer.Ordinal).ToList();
        var scores = known.Select(code => words.Count(w => TellingWords[code].Contains(w) && known.Count(other => TellingWords[other].Contains(w)) == 1)).ToList();
        var best = scores.Count == 0 ? 0 : scores.Max();
        return best > 0 && scores.Count(s => s == best) == 1 ? known[scores.IndexOf(best)] : null;
    }

    private static DialogueWords ReadingActWording(DialogueWords words)
    {
        var english = EnglishDialogue.Words;
        return words with
        {
            Pointers = words.Pointers.Union(english.Pointers).ToFrozenSet(StringComparer.Ordinal),
            All = words.All.Union(english.All).ToFrozenSet(StringComparer.Ordinal),
            Numbers = english.Numbers.Concat(words.Numbers).GroupBy(p => p.Key).ToFrozenDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal),
        };
    }
}
