/// One word of an article, as the actor and speaker rules see it. Plain values only, so that copying a word
/// costs no reference counting; its key is in `ArticleWords.keys`, by `id`.
struct ActorWord: Sendable {
    /// What separates a word from the word before it.
    enum Gap: Sendable, Equatable {
        /// Only spaces or tabs on the same line.
        case space
        /// A comma (and spaces).
        case comma
        /// A line end: a new paragraph.
        case paragraph
        /// A quotation mark (opening or closing), possibly with spaces and other punctuation.
        case quote
        /// Anything else: full stops, colons, dashes, brackets, slashes.
        case other
    }

    /// The word lists `key` is on.
    var cls: WordClass
    // Offsets and indices are stored in 32 bits so that a word takes 40 bytes: the rules sweep the word array
    // many times per article.
    private var start32: Int32
    private var end32: Int32
    private var sentence32: Int32
    private var paragraph32: Int32
    /// The article's id for `key`: two words have the same id exactly when they have the same key.
    var id: Int32
    /// The punctuation between the previous word and this one (spaces dropped), for rules that need it.
    var marks: GapMarks
    /// Digits and letters in the word, worked out once.
    var shape: WordShape
    /// The separator before this word.
    var gap: Gap
    /// Starts with a capital letter (or is a name particle glued to one: "al-Assad").
    var isCapitalized: Bool
    /// Two or more letters, all capitals.
    var isAllCaps: Bool
    /// Ends in a possessive `'s` or `s'`, which `end` leaves out.
    var isPossessive: Bool
    /// First word of its sentence, or first after an opening quotation mark, colon or dash that starts a clause.
    var isClauseInitial: Bool

    /// First scalar of the word.
    @inline(__always) var start: Int { Int(start32) }
    /// One past the last scalar, possessive `'s` excluded.
    @inline(__always) var end: Int { Int(end32) }
    /// Index of the sentence holding the word.
    @inline(__always) var sentence: Int { Int(sentence32) }
    /// Index of the paragraph (line) holding the word.
    @inline(__always) var paragraph: Int { Int(paragraph32) }

    /// A word; offsets and indices must fit in 32 bits (the tokenizer only runs on texts that do).
    init(
        start: Int, end: Int, isCapitalized: Bool, isAllCaps: Bool, isPossessive: Bool, gap: Gap, marks: GapMarks,
        sentence: Int, isClauseInitial: Bool, paragraph: Int, id: Int32, cls: WordClass, shape: WordShape
    ) {
        self.cls = cls
        start32 = Int32(truncatingIfNeeded: start)
        end32 = Int32(truncatingIfNeeded: end)
        sentence32 = Int32(truncatingIfNeeded: sentence)
        paragraph32 = Int32(truncatingIfNeeded: paragraph)
        self.id = id
        self.marks = marks
        self.shape = shape
        self.gap = gap
        self.isCapitalized = isCapitalized
        self.isAllCaps = isAllCaps
        self.isPossessive = isPossessive
        self.isClauseInitial = isClauseInitial
    }

    /// The word as written (without a possessive ending), from the text it was split from.
    func text(_ source: ScalarText) -> String { source.utf8String(start, end) }
}

/// The punctuation scalars between two words that some rule asks about. Spaces and line ends are not counted.
struct GapMarks: OptionSet, Sendable, Hashable {
    let rawValue: UInt16

    static let fullStop = GapMarks(rawValue: 1 << 0)
    static let colon = GapMarks(rawValue: 1 << 1)
    static let semicolon = GapMarks(rawValue: 1 << 2)
    static let question = GapMarks(rawValue: 1 << 3)
    static let exclamation = GapMarks(rawValue: 1 << 4)
    static let openBracket = GapMarks(rawValue: 1 << 5)
    static let emDash = GapMarks(rawValue: 1 << 6)
    static let enDash = GapMarks(rawValue: 1 << 7)
    /// The horizontal bar "―" that some sources put before a quotation's author.
    static let bar = GapMarks(rawValue: 1 << 8)
    /// Two hyphens next to each other ("--"), spaces between them dropped.
    static let doubleHyphen = GapMarks(rawValue: 1 << 9)
    /// The first punctuation scalar is "/".
    static let startsWithSlash = GapMarks(rawValue: 1 << 10)
    /// The last punctuation scalar is "/".
    static let endsWithSlash = GapMarks(rawValue: 1 << 11)
    /// The last punctuation scalar is "(".
    static let endsWithOpenBracket = GapMarks(rawValue: 1 << 12)
    /// The only punctuation is one colon.
    static let onlyColon = GapMarks(rawValue: 1 << 13)

    /// The mark's bit among the marks that have one.
    @inline(__always) static func bit(for c: Unicode.Scalar) -> GapMarks {
        switch c.value {
        case 0x2E: return .fullStop
        case 0x3A: return .colon
        case 0x3B: return .semicolon
        case 0x3F: return .question
        case 0x21: return .exclamation
        case 0x28: return .openBracket
        case 0x2014: return .emDash
        case 0x2013: return .enDash
        case 0x2015: return .bar
        default: return []
        }
    }
}
