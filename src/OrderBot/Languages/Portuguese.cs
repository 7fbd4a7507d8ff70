namespace OrderBot.Languages;

/// <summary>Portuguese around menu words, in Brazilian and European spellings. Nothing here names a product.</summary>
internal static class Portuguese
{
    public static LanguageWords Words { get; } = new()
    {
        Code = "pt",
        Name = "Portuguese",
        Numbers = new Dictionary<string, int>
        {
            ["zero"] = 0, ["dois"] = 2, ["duas"] = 2, ["três"] = 3, ["quatro"] = 4, ["cinco"] = 5, ["seis"] = 6, ["sete"] = 7,
            ["oito"] = 8, ["nove"] = 9, ["dez"] = 10, ["onze"] = 11, ["doze"] = 12, ["treze"] = 13, ["catorze"] = 14,
            ["quatorze"] = 14, ["quinze"] = 15, ["dezesseis"] = 16, ["dezasseis"] = 16, ["dezessete"] = 17, ["dezassete"] = 17,
            ["dezoito"] = 18, ["dezenove"] = 19, ["dezanove"] = 19, ["vinte"] = 20, ["trinta"] = 30, ["quarenta"] = 40,
            ["cinquenta"] = 50, ["cem"] = 100, ["um par de"] = 2, ["um par"] = 2, ["par de"] = 2, ["meia dúzia"] = 6,
            ["uma dúzia"] = 12, ["um de"] = 1, ["uma de"] = 1, ["outro"] = 1, ["outra"] = 1, ["só um"] = 1, ["só uma"] = 1, ["apenas um"] = 1, ["apenas uma"] = 1,
        },
        Articles = ["um", "uma"],
        Multipliers = new Dictionary<string, int> { ["dúzia"] = 12, ["dúzias"] = 12 },
        VagueCounts = ["alguns", "algumas", "vários", "várias", "uns poucos", "umas poucas"],
        Negators =
        [
            "sem", "não", "s", "tira", "tirar", "tirem", "tirando", "retira", "sem nada de", "nada de", "menos", "exceto",
            "não quero", "não coloca", "não coloque", "não põe", "não ponha", "não bota", "não precisa de", "não precisa",
            "alérgico a", "alérgica a",
        ],
        Positives =
        [
            "com", "c", "coloca", "coloque", "colocar", "põe", "ponha", "pôr", "bota", "botar", "adiciona", "adicionar",
            "acrescenta", "acrescentar", "e com", "inclui", "incluindo", "junto com",
        ],
        Conjunctions = ["e", "ou", "nem", "também"],
        Corrections =
        [
            "na verdade", "aliás", "corrigindo", "correção", "quer dizer", "quis dizer", "digo", "melhor", "pensando bem",
            "muda pra", "muda para", "troca pra", "troca para", "mudar pra", "ou melhor", "não espera",
        ],
        Instructions =
        [
            "retirar", "retirada", "retiro", "buscar", "vou buscar", "busco", "entrega", "entregar", "delivery", "pra viagem",
            "para viagem", "viagem", "pra levar", "para levar", "levar", "mesa", "endereço", "rua", "avenida", "apto",
            "apartamento", "o mais rápido possível", "talheres", "guardanapos", "guardanapo", "bem passado", "bem passada",
            "cortada em", "cortado em", "comer aqui", "pra comer aqui", "tocar a campainha", "toca a campainha", "me liga",
            "interfone", "troco", "troco pra", "troco para", "pix", "cartão", "dinheiro", "pagamento", "pagar no", "pagar com",
            "pago no", "pago com", "débito", "crédito",
        ],
        InstructionLeads = ["para", "pra", "pro", "às", "as", "até", "em", "no", "na", "por volta de", "lá pelas"],
        ClockWords = ["h", "hs", "hrs", "hr", "horas"],
        ClockLeads = ["às", "para as", "pras", "lá pelas", "la pelas", "pelas", "por volta das", "até as", "até às", "ate as"],
        Times = ["x"],
        PriceWords = ["preço", "preços", "custa", "custam", "quanto", "grátis", "desconto", "reais", "real", "r", "brl", "usd", "eur", "euros", "total"],
        Fillers =
        [
            "quero", "queria", "quería", "gostaria", "gostaria de", "vou querer", "vou", "quer", "queremos", "pedir", "pedido",
            "fazer um pedido", "fazer", "faz pra mim", "anota", "anotar", "me vê", "vê", "me manda", "manda", "mandar", "me dá",
            "dá", "me traz", "traz", "traga", "trazer", "me", "mim", "pra mim", "para mim", "eu", "nós", "nos", "você", "vc",
            "vcs", "vocês", "tu", "te", "o", "a", "os", "as", "do", "da", "dos", "das", "de", "no", "na", "nas", "em", "ao",
            "à", "aos", "pro", "pra", "para", "por", "pelo", "pela", "que", "é", "ser", "seria", "tem", "têm", "tenho", "ter",
            "tá", "está", "esta", "este", "esse", "essa", "isso", "aqui", "aí", "lá", "pode", "pode ser", "poderia", "podia",
            "podem", "por favor", "pf", "pfv", "pfvr", "porfavor", "por gentileza", "gentileza", "boa", "bom", "noite", "dia",
            "tarde", "tudo bem", "tudo bom", "td bem", "então", "só", "somente", "apenas", "mais", "extra", "bem", "muito",
            "muita", "pouco", "pouca", "bastante", "tipo", "né", "ok", "certo", "cada", "todo", "toda", "todos", "todas",
            "mesmo", "mesma", "porção", "unidade", "unidades", "tamanho", "pedaço", "uns",
            "umas", "hoje", "agora", "amigo", "amiga", "moço", "moça", "chefe", "mano", "cara", "pessoal", "galera", "favor",
            "deles", "delas", "se tiver", "tiver", "era", "eram", "se faz favor", "faz favor", "sff", "se", "obrigadinho", "pode trazer", "queria pedir", "caprichado", "caprichada", "gelado", "gelada", "geladinho", "geladinha", "também", "só isso", "é isso",
        ],
        Plurals = [new("", "s"), new("", "es"), new("ão", "ões"), new("ão", "ães"), new("l", "is"), new("il", "is"), new("m", "ns")],
        Genders = [new("o", "a")],
        TellingLetters = "ãõç",
        Yes =
        [
            "sim", "claro", "pode ser", "isso", "isso mesmo", "certo", "beleza", "blz", "fechado", "ok", "confirmo", "positivo",
            "bora", "com certeza", "perfeito", "tá bom", "tá bem", "aham", "uhum", "show", "demorou",
        ],
        No = ["não", "nop", "negativo", "não obrigado", "não obrigada", "nem"],
        Greetings = ["oi", "olá", "oie", "bom dia", "boa tarde", "boa noite", "e aí", "eai", "opa", "salve", "tudo bem", "tudo bom"],
        Thanks = ["obrigado", "obrigada", "brigado", "brigada", "valeu", "vlw", "agradeço", "muito obrigado", "muito obrigada"],
    };
}
