/// How an abbreviation that ends in a full stop behaves at a possible sentence boundary.
enum AbbreviationKind: Sendable {
    /// Comes before a name ("Dr.", "Gen.", "Mt."): never ends a sentence.
    case title
    /// Comes before a number ("No. 5", "p. 55"): ends a sentence only when no number follows.
    case number
    /// A month ("Jan. 20"): no boundary before a number; otherwise only before a typical sentence opener.
    case month
    /// Anything else ("Inc.", "Co.", "Calif."): a boundary only before a typical sentence opener ("It", "The").
    case general
    /// Never ends a sentence ("e.g.", "vs.").
    case never
}

/// Word lists for the sentence splitter. Keys are lower-case ASCII without the final full stop.
enum Abbreviations {
    /// The kind of the abbreviation `key` (lower-cased, dots inside kept: "u.s", "a.m"); `capitalized` tells
    /// whether it was written with a capital, which the region list needs (states such as "Miss." are also words).
    static func kind(of key: String, capitalized: Bool) -> AbbreviationKind? {
        if let kind = table[key] { return kind }
        if capitalized, regions.contains(key) { return .general }
        return nil
    }

    private static let table: [String: AbbreviationKind] = {
        var table: [String: AbbreviationKind] = [:]
        for word in titles { table[word] = .title }
        for word in numberPrefixes { table[word] = .number }
        for word in months { table[word] = .month }
        for word in general { table[word] = .general }
        for word in never { table[word] = .never }
        return table
    }()

    /// Honorifics, ranks and place prefixes that stand before a name.
    private static let titles: [String] = [
        "mr", "mrs", "ms", "messrs", "mmes", "mme", "mlle", "dr", "drs", "prof", "profs", "gen", "gens", "sen", "sens",
        "rep", "reps", "gov", "govs", "lt", "col", "sgt", "capt", "cpl", "pvt", "spc", "adm", "maj", "brig", "cmdr",
        "cdr", "cmdt", "rev", "hon", "pres", "supt", "insp", "det", "fr", "msgr", "amb", "atty", "lieut", "comdr",
        "st", "ste", "mt", "ft", "sgts", "rt",
    ]

    /// Abbreviations that stand before a number.
    private static let numberPrefixes: [String] = [
        "no", "nos", "n°", "p", "pp", "vol", "vols", "art", "arts", "fig", "figs", "ch", "chap", "sec", "secs", "para",
        "op", "ed", "eds", "ex", "tel", "ca", "approx", "est", "ref", "nr", "pg", "par", "cl", "rs",
    ]

    /// Month abbreviations.
    private static let months: [String] = [
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    /// Abbreviations that follow a name or end a phrase and may end a sentence.
    private static let general: [String] = [
        "jr", "sr", "inc", "co", "corp", "ltd", "llc", "plc", "bros", "etc", "al", "esq", "dept", "depts", "govt",
        "assn",
        "univ", "ave", "blvd", "rd", "hwy", "sq", "pl", "cos", "intl", "natl", "mfg", "admin", "min", "max", "hrs",
        "yrs", "mos", "wk", "mph", "lbs", "oz", "tbsp", "tsp", "gal", "dist", "div",
    ]

    /// Abbreviations that never end a sentence.
    private static let never: [String] = ["e.g", "i.e", "vs", "viz", "cf", "v"]

    /// US states and Canadian provinces in their AP forms; matched only when capitalised.
    private static let regions: Set<String> = [
        "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la",
        "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "penn", "tenn", "tex",
        "vt", "va", "wash", "wis", "wyo", "ont", "que", "alta", "sask", "nfld",
    ]

    /// Words that typically open a sentence; after an ambiguous abbreviation they signal a boundary.
    static let sentenceOpeners: Set<String> = [
        "a", "after", "again", "all", "also", "although", "an", "and", "another", "as", "at", "because", "before",
        "being", "both", "but", "by", "did", "do", "does", "during", "each", "even", "every", "few", "for", "from",
        "he", "her", "here", "his", "how", "however", "i", "if", "in", "instead", "it", "its", "just", "last", "many",
        "meanwhile", "more", "most", "much", "my", "never", "no", "nor", "not", "now", "of", "on", "once", "one",
        "only", "or", "other", "our", "over", "she", "since", "so", "some", "still", "such", "that", "the", "their",
        "then", "there", "these", "they", "this", "those", "though", "thus", "to", "today", "under", "until", "we",
        "what", "when", "where", "whether", "which", "while", "who", "why", "with", "yes", "yet", "you", "your",
        "millions", "thousands", "hundreds", "asked", "according", "without", "despite", "among", "indeed",
    ]

    /// Honorifics that, after an upper-case multi-letter abbreviation ("U.S. Mr. Smith"), start a new sentence.
    static let honorificOpeners: Set<String> = ["mr", "mrs", "ms", "dr"]
}
