/// A half-open range of Unicode-scalar offsets into an article's text.
public struct TextSpan: Hashable, Sendable, Comparable {
    /// First scalar of the span.
    public var start: Int
    /// One past the last scalar of the span.
    public var end: Int

    /// Creates a span; `end` is exclusive.
    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = end
    }

    /// Number of scalars covered.
    public var length: Int { end - start }

    /// The same span moved by `offset` scalars.
    public func shifted(by offset: Int) -> TextSpan { TextSpan(start + offset, end + offset) }

    /// Whether the span lies inside `other`.
    public func isInside(_ other: TextSpan) -> Bool { start >= other.start && end <= other.end }

    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }
}

/// What kind of thing an actor is.
public enum ActorKind: String, Sendable, Hashable, CaseIterable, Comparable {
    case person, organization, place, other

    public static func < (lhs: ActorKind, rhs: ActorKind) -> Bool {
        lhs.rank < rhs.rank
    }

    /// Position in `allCases`.
    private var rank: Int {
        switch self {
        case .person: return 0
        case .organization: return 1
        case .place: return 2
        case .other: return 3
        }
    }
}

/// A ranked sentence chosen to summarise the article.
public struct KeyPoint: Hashable, Sendable {
    /// Index into `ArticleExtraction.sentences`.
    public var sentence: Int
    /// The sentence text, trimmed.
    public var text: String
    /// Relative importance, higher is better.
    public var score: Double

    /// Creates a key point.
    public init(sentence: Int, text: String, score: Double) {
        self.sentence = sentence
        self.text = text
        self.score = score
    }
}

/// A direct quotation and who said it.
public struct ExtractedQuote: Hashable, Sendable {
    /// The quoted words, without the quotation marks.
    public var span: TextSpan
    /// The text at `span`.
    public var text: String
    /// Canonical full name of the speaker, when known.
    public var speaker: String?
    /// Actor id of the speaker, when known.
    public var speakerId: String?
    /// The cue verb that attributes the quote ("said", "told", "according to").
    public var cue: String?

    /// Creates a quote.
    public init(span: TextSpan, text: String, speaker: String? = nil, speakerId: String? = nil, cue: String? = nil) {
        self.span = span
        self.text = text
        self.speaker = speaker
        self.speakerId = speakerId
        self.cue = cue
    }
}

/// A person, organisation or place named in an article.
public struct ExtractedActor: Hashable, Sendable {
    /// Stable slug of the canonical name ("donald-trump").
    public var id: String
    /// Canonical (longest full) name.
    public var name: String
    /// Person, organisation, place or other.
    public var kind: ActorKind
    /// Titles and roles seen with the name ("Defense Secretary").
    public var roles: [String]
    /// Other names the article uses for the actor ("Trump", "President Trump").
    public var aliases: [String]
    /// Every place the article names the actor.
    public var mentions: [TextSpan]

    /// Creates an actor.
    public init(id: String, name: String, kind: ActorKind, roles: [String] = [], aliases: [String] = [], mentions: [TextSpan] = []) {
        self.id = id
        self.name = name
        self.kind = kind
        self.roles = roles
        self.aliases = aliases
        self.mentions = mentions
    }
}

/// Everything extracted from one article's text.
public struct ArticleExtraction: Hashable, Sendable {
    /// The headline, when the text starts with one.
    public var title: String?
    /// Where the headline is, so a page can show it as a title rather than as body text.
    public var headline: TextSpan?
    /// Every sentence in order; together they cover the text's non-blank content.
    public var sentences: [TextSpan]
    /// Best first.
    public var keyPoints: [KeyPoint]
    /// In text order.
    public var quotes: [ExtractedQuote]
    /// Most mentioned first, then by name.
    public var actors: [ExtractedActor]

    /// Creates an extraction.
    public init(title: String?, sentences: [TextSpan], keyPoints: [KeyPoint], quotes: [ExtractedQuote], actors: [ExtractedActor]) {
        self.title = title
        self.sentences = sentences
        self.keyPoints = keyPoints
        self.quotes = quotes
        self.actors = actors
    }

    /// The same extraction with every offset moved by `offset` scalars (for text that was cut from a larger file).
    public func shifted(by offset: Int) -> ArticleExtraction {
        guard offset != 0 else { return self }
        var copy = self
        copy.sentences = sentences.map { $0.shifted(by: offset) }
        copy.headline = headline?.shifted(by: offset)
        copy.quotes = quotes.map { var q = $0; q.span = q.span.shifted(by: offset); return q }
        copy.actors = actors.map { var a = $0; a.mentions = a.mentions.map { $0.shifted(by: offset) }; return a }
        return copy
    }
}
