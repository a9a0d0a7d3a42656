/// One word of an article, as the actor and speaker rules see it. Plain values only, so that copying a word
/// costs no reference counting; the key is shared by every word with that key.
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

    /// First scalar of the word.
    var start: Int
    /// One past the last scalar, possessive `'s` excluded.
    var end: Int
    /// Lower-cased look-up key, apostrophes folded.
    var key: String
    /// Starts with a capital letter (or is a name particle glued to one: "al-Assad").
    var isCapitalized: Bool
    /// Two or more letters, all capitals.
    var isAllCaps: Bool
    /// Ends in a possessive `'s` or `s'`, which `end` leaves out.
    var isPossessive: Bool
    /// The separator before this word.
    var gap: Gap
    /// The punctuation between the previous word and this one (spaces dropped), for rules that need it.
    var marks: GapMarks
    /// Index of the sentence holding the word.
    var sentence: Int
    /// First word of its sentence, or first after an opening quotation mark, colon or dash that starts a clause.
    var isClauseInitial: Bool
    /// Index of the paragraph (line) holding the word.
    var paragraph: Int
    /// The article's id for `key`: two words have the same id exactly when they have the same key.
    var id: Int32
    /// The word lists `key` is on.
    var cls: WordClass
    /// Digits and letters in the word, worked out once.
    var shape: WordShape

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
