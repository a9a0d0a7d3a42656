/// Word lists that tell a reported quotation from a title, a nickname or a scare quote.
enum QuoteLexicon {
    /// Verbs (every inflection) and phrases that report speech or writing, thought or characterisation: a
    /// fragment in quotation marks is somebody's words when one of them sits in its sentence.
    static let cueWords: Set<UInt64> = {
        var words: Set<String> = [
            "said", "says", "saying", "told", "telling", "wrote", "written", "writing",
            "thought", "felt", "swore", "sworn", "sang", "sung", "spoke", "spoken", "put", "according",
            "read", "reads",
        ]
        for lemma in cueLemmas { words.formUnion(inflections(of: lemma)) }
        // In news these are nearly always nouns ("the United States", "The Washington Post").
        words.subtract(["state", "states", "post", "posts"])
        return Set(words.map(ScalarText.hash))
    }()

    private static let cueLemmas: [String] = [
        "say", "tell", "call", "describe", "write", "add", "claim", "label", "tweet", "post", "warn", "insist", "argue",
        "state", "declare", "announce", "vow", "accuse", "blast", "ask", "reply", "respond", "suggest", "acknowledge",
        "concede", "admit", "note", "explain", "recall", "predict", "pledge", "promise", "boast", "complain",
        "criticize", "criticise", "slam", "charge", "allege", "assert", "contend", "maintain", "dub", "term", "brand",
        "deem", "characterize", "characterise", "refer", "dismiss", "praise", "hail", "chant", "shout", "yell",
        "scream", "sing", "voice", "express", "urge", "cite", "quote", "mock", "joke", "decry", "denounce", "condemn",
        "lament", "conclude", "deride", "agree", "disagree", "confirm", "deny", "affirm", "believe", "think", "feel",
        "remark", "proclaim", "reference", "liken", "compare", "tout", "laud", "quip", "muse", "wonder", "question",
        "demand", "plead", "beg", "implore", "challenge", "reason", "observe", "comment", "mention", "stress",
        "emphasize", "emphasise", "repeat", "reiterate", "recount", "speak", "retort", "counter", "answer", "whisper",
        "mutter", "murmur", "forecast", "estimate", "propose", "recommend", "advise", "caution", "rule", "rate",
        "pronounce", "ridicule", "scoff", "sneer", "taunt", "thank", "apologize", "apologise", "threaten", "assure",
        "reassure", "inform", "testify", "swear", "signal", "hint", "imply", "indicate", "text", "email", "brag",
        "convey", "interject", "exclaim", "grumble", "concur", "lash", "attack", "vent", "jeer", "heckle", "bemoan",
        "rail", "gripe", "rant", "scold", "chide", "rebuke", "lambaste", "excoriate", "berate", "castigate", "assail",
        "applaud", "commend", "congratulate", "confide", "confess", "opine", "speculate", "query", "inquire",
        "lampoon", "rebut", "elaborate", "clarify", "deplore", "underscore", "credit",
    ]

    /// Object pronouns: "introduced him as “a fighter”" characterises someone in words of the speaker's.
    static let objectPronouns: Set<UInt64> = hashes([
        "him", "her", "them", "it", "itself", "himself", "herself", "themselves", "me", "us", "you", "myself",
    ])

    /// Words that follow a quotation without making it a modifier ("“Yes” and “No”", "“Stay” is the answer").
    static let functionWords: Set<UInt64> = hashes([
        "and", "or", "but", "nor", "in", "of", "to", "for", "from", "on", "at", "with", "as", "by", "that", "which",
        "who", "whom", "whose", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can",
        "could", "should", "may", "might", "must", "than", "then", "so", "if", "because", "when", "while", "after",
        "before", "into", "over", "about", "against", "between", "through", "during", "without", "within", "under",
        "since", "until", "the", "a", "an", "this", "these", "those", "his", "her", "their", "its", "our", "my",
        "your", "he", "she", "they", "it", "we", "i", "you", "not", "no", "also", "even", "just", "only", "still",
        "yet", "too", "again", "here", "there", "now", "do", "does", "did", "instead", "rather", "though",
    ])

    /// "as", and the articles that may follow it.
    static let asWord = ScalarText.hash("as")
    static let articles: Set<UInt64> = hashes(["a", "an", "the"])

    /// The regular inflections of a verb: -s, -ed, -ing, with the usual spelling changes.
    private static func inflections(of lemma: String) -> [String] {
        var forms = [lemma]
        let scalars = Array(lemma.unicodeScalars)
        guard let last = scalars.last else { return forms }
        let vowels: Set<Unicode.Scalar> = ["a", "e", "i", "o", "u"]
        if last == "e" {
            let stem = String(lemma.dropLast())
            forms += [lemma + "s", lemma + "d", stem + "ing"]
        } else if last == "y", scalars.count > 1, !vowels.contains(scalars[scalars.count - 2]) {
            let stem = String(lemma.dropLast())
            forms += [stem + "ies", stem + "ied", lemma + "ing"]
        } else {
            forms += [lemma + "s", lemma + "es", lemma + "ed", lemma + "ing"]
            // Short verbs ending consonant-vowel-consonant double it: "dub" → "dubbed", "slam" → "slammed".
            let n = scalars.count
            if n >= 3, !vowels.contains(last), vowels.contains(scalars[n - 2]), !vowels.contains(scalars[n - 3]),
                "bdgmnprt".unicodeScalars.contains(last)
            {
                forms += [lemma + String(last) + "ed", lemma + String(last) + "ing"]
            }
        }
        return forms
    }

    /// Nouns for works and the words that introduce their titles.
    static let workWords: Set<UInt64> = hashes([
        "film", "movie", "documentary", "book", "novel", "memoir", "show", "program", "programme", "series", "episode",
        "song", "album", "single", "anthem", "play", "musical", "opera", "poem", "column", "op-ed", "essay", "article",
        "headline", "ad", "advert", "advertisement", "spot", "video", "podcast", "broadcast", "segment", "titled",
        "entitled", "headlined", "commentary", "editorial", "exhibition", "exhibit",
    ])

    /// Small words left in lower case inside a title ("Contract with America").
    static let titleSmallWords: Set<UInt64> = hashes([
        "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "as", "vs", "nor",
        "but",
    ])

    /// Phrases that introduce a name, not a quotation ("known as", "so-called"); matched on the last words before
    /// the opening mark, a trailing "the" dropped.
    static let namingPhrases: [[UInt64]] = [
        ["known", "as"], ["the", "nickname"], ["so-called"], ["so", "called"], ["also", "called"], ["aka"],
        ["a.k.a"], ["a", "k", "a"], ["otherwise", "known", "as"],
    ].map { $0.map(ScalarText.hash) }

    /// The hash of "the", dropped before a naming phrase is matched.
    static let the = ScalarText.hash("the")

    private static func hashes(_ words: [String]) -> Set<UInt64> { Set(words.map(ScalarText.hash)) }
}
