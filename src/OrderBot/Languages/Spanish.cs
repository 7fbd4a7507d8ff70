namespace OrderBot.Languages;

/// <summary>Spanish around menu words (Latin American and Peninsular usage). Nothing here names a product.</summary>
internal static class Spanish
{
    public static LanguageWords Words { get; } = new()
    {
        Code = "es",
        Name = "Spanish",
        Numbers = new Dictionary<string, int>
        {
            ["cero"] = 0, ["uno"] = 1, ["dos"] = 2, ["tres"] = 3, ["cuatro"] = 4, ["cinco"] = 5, ["seis"] = 6, ["siete"] = 7,
            ["ocho"] = 8, ["nueve"] = 9, ["diez"] = 10, ["once"] = 11, ["doce"] = 12, ["trece"] = 13, ["catorce"] = 14,
            ["quince"] = 15, ["dieciséis"] = 16, ["diecisiete"] = 17, ["dieciocho"] = 18, ["diecinueve"] = 19, ["veinte"] = 20,
            ["veintiuno"] = 21, ["veintiún"] = 21, ["veintidós"] = 22, ["veintitrés"] = 23, ["veinticuatro"] = 24,
            ["veinticinco"] = 25, ["treinta"] = 30, ["cuarenta"] = 40, ["cincuenta"] = 50, ["cien"] = 100, ["ciento"] = 100,
            ["un par"] = 2, ["un par de"] = 2, ["par de"] = 2, ["media docena"] = 6, ["una docena"] = 12,
            ["una de"] = 1, ["uno de"] = 1, ["otro"] = 1, ["otra"] = 1, ["solo uno"] = 1, ["sólo una"] = 1, ["nomás uno"] = 1, ["nomás una"] = 1,
        },
        Articles = ["un", "una"],
        Multipliers = new Dictionary<string, int> { ["docena"] = 12, ["docenas"] = 12 },
        VagueCounts = ["unos cuantos", "unas cuantas", "algunos", "algunas", "varios", "varias", "unos pocos", "unas pocas"],
        Negators =
        [
            "sin", "no", "nada de", "sin nada de", "quítale", "quita", "quitar", "quítenle", "sácale", "saca", "menos", "excepto",
            "salvo", "no le pongas", "no le pongan", "no le pongas nada de", "no le echen", "no le eches", "no quiero", "no lleva",
            "que no lleve", "que no tenga", "no me pongas", "sin nada", "alérgico a", "alérgica a",
        ],
        Positives =
        [
            "con", "c", "agrégale", "agrega", "agregar", "agréguenle", "añade", "añádele", "añadir", "ponle", "pónganle",
            "ponerle", "échale", "échenle", "y con", "con extra de", "incluye", "que lleve", "que tenga", "bien servido de",
        ],
        Conjunctions = ["y", "e", "o", "u", "ni", "también", "además"],
        Corrections =
        [
            "mejor", "en realidad", "perdón", "corrijo", "quise decir", "digo", "o sea", "más bien", "cámbialo a", "cambia a",
            "que sean", "mejor que sean", "no espera", "no mejor", "siempre no", "en vez de eso",
        ],
        Instructions =
        [
            "para llevar", "llevar", "recoger", "paso a recoger", "paso por", "recojo", "a domicilio", "domicilio", "entrega",
            "entregar", "envío", "enviar", "mesa", "dirección", "calle", "colonia", "lo antes posible", "cuanto antes",
            "lo más pronto posible", "listo para", "para comer aquí", "para aquí", "comer aquí", "para comer acá", "cubiertos",
            "servilletas", "cortado en", "cortada en", "bien cocido", "bien cocida", "bien hecho", "toca el timbre",
            "tocar el timbre", "llámame", "llamar", "pago con", "pagar con", "pago en", "pagar en", "efectivo", "tarjeta",
            "transferencia", "cambio de",
        ],
        InstructionLeads = ["a", "para", "pa", "en", "por", "hacia"],
        ClockWords = ["h", "hs", "hrs", "hr", "horas", "pm", "am"],
        ClockLeads = ["a las", "a la", "para las", "para la", "tipo", "como a las", "hacia las", "antes de las", "después de las", "despues de las"],
        Times = ["x"],
        PriceWords =
        [
            "precio", "precios", "cuesta", "cuestan", "cuánto", "costo", "cobrar", "cóbrame", "gratis", "descuento", "pesos",
            "peso", "mxn", "usd", "eur", "euros", "total",
        ],
        Fillers =
        [
            "quiero", "quisiera", "quería", "querría", "queremos", "quisiéramos", "quiero pedir", "me gustaría", "nos gustaría",
            "pido", "pedir", "pedido", "ordenar", "orden", "ordeno", "voy", "vamos", "llevo", "me llevo", "dame", "deme", "denme",
            "me das", "me da", "me dan", "me pones", "me pone", "ponme", "póngame", "pónganme", "me traes", "me trae", "traer", "trae", "traes", "tráeme",
            "tráiganme", "me mandas", "mándame", "mándenme", "me regalas", "regálame", "me envías", "me preparas", "prepárame",
            "puedo", "puedes", "puede", "pueden", "podrías", "podría", "podrían", "me", "te", "le", "nos", "les", "lo", "la",
            "los", "las", "el", "mi", "mis", "tu", "tus", "su", "sus", "yo", "usted", "ustedes", "vos", "de", "del", "al", "a",
            "en", "para", "pa", "por", "que", "es", "son", "sea", "sean", "ser", "estar", "está", "esta", "este", "esto", "eso",
            "esa", "ese", "estos", "estas", "aquí", "acá", "ahí", "allí", "hay", "tienen", "tienes", "tiene", "tengo", "como",
            "cuál", "cual", "quién", "qué", "por favor", "porfa", "porfavor", "porfis", "xfa", "xfavor", "pf", "plis",
            "please", "por fa", "favor", "mandar", "mandan", "manden", "fría", "frío", "helada", "helado", "heladita", "oye", "oiga", "disculpa", "disculpe", "bueno", "buen", "buena", "pues", "entonces", "solo",
            "sólo", "nomás", "nada más", "todo", "toda", "todos", "todas", "cada", "mismo",
            "misma", "cosa", "extra", "más", "mucho", "mucha", "muchos", "muchas", "poco", "poca", "bien", "muy", "súper",
            "rico", "rica", "tamaño", "pieza", "piezas", "porción", "ración", "ya", "ahora", "hoy", "noche", "día", "tarde",
            "mañana", "unos", "unas", "algo", "aparte", "individual", "necesito", "necesitamos", "antojo", "se me antoja",
            "se antoja", "mande", "de ellos", "de ellas", "os", "vosotros", "nos pone", "pónganos", "ponednos", "tráenos", "me pondrías", "amigo", "amiga", "joven", "señor", "señorita", "jefe", "compa", "carnal", "güey", "wey",
        ],
        Plurals = [new("", "s"), new("", "es"), new("z", "ces")],
        Genders = [new("o", "a")],
        TellingLetters = "ñ¿¡",
        Yes =
        [
            "sí", "si", "claro", "dale", "va", "órale", "sale", "vale", "ok", "okey", "correcto", "confirmo", "de acuerdo",
            "perfecto", "está bien", "así está bien", "eso es", "exacto", "ándale", "por supuesto", "simón",
        ],
        No = ["no", "nel", "nop", "para nada", "mejor no", "no gracias", "ninguno"],
        Greetings =
        [
            "hola", "buenas", "buenos días", "buen día", "buenas tardes", "buenas noches", "qué tal", "saludos", "qué onda",
            "buenas buenas",
        ],
        Thanks = ["gracias", "muchas gracias", "mil gracias", "te lo agradezco", "se lo agradezco", "grax", "muy amable"],
    };
}
