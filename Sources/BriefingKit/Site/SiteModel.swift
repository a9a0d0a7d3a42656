import Extraction

/// An article with what extraction found in it. Offsets are relative to the body's start.
public struct Article: Hashable, Sendable {
    /// The loaded file.
    public var source: ArticleSource
    /// The body text (front matter and credits removed): the source's.
    public var body: String {
        get { source.body }
        set { source.body = newValue }
    }
    /// Extraction over `body`.
    public var extraction: ArticleExtraction
    /// Site actor id for each extracted actor id; actors that were ignored are absent.
    public var actorMap: ActorMap
    /// Display title.
    public var title: String

    /// An article of `source` whose body is `body`.
    public init(source: ArticleSource, body: String, extraction: ArticleExtraction, actorMap: ActorMap, title: String) {
        self.init(source: source, extraction: extraction, actorMap: actorMap, title: title)
        self.body = body
    }

    /// An article with the body of its source.
    init(source: ArticleSource, extraction: ArticleExtraction, actorMap: ActorMap, title: String) {
        self.source = source
        self.extraction = extraction
        self.actorMap = actorMap
        self.title = title
    }
}

/// A note in the commentary anchored to a passage of one of the briefing's articles.
public struct Annotation: Hashable, Sendable {
    /// Anchor id of the note ("note-1"); the passage is "passage-1".
    public var number: Int
    /// Index into the briefing's articles.
    public var article: Int
    /// The passage, in body offsets of that article.
    public var passage: TextSpan
    /// The blockquote as rendered.
    public var quoteHTML: String
    /// The blocks that follow the blockquote, rendered.
    public var html: String
    /// Line of the blockquote in the commentary file.
    public var line: Int
}

/// The commentary rendered and split into free text and anchored annotations.
public struct Commentary: Hashable, Sendable {
    /// The whole commentary as HTML, anchored notes wrapped with a link to their passage.
    public var html: String
    /// Headings of `html` (id, text, level) for a table of contents.
    public var headings: [MarkdownBlock]
    /// Anchored annotations in commentary order.
    public var annotations: [Annotation]
}

/// A key point shown at the top of a briefing.
public struct BriefingKeyPoint: Hashable, Sendable {
    /// The sentence.
    public var text: String
    /// Article it comes from, nil when written by the analyst.
    public var article: Int?
    /// Sentence span in that article's body.
    public var span: TextSpan?
}

/// One briefing: commentary, articles and what was found in them.
public struct Briefing: Hashable, Sendable {
    /// As loaded.
    public var source: BriefingSource
    /// Articles in file order.
    public var articles: [Article]
    /// The commentary, when the briefing has one.
    public var commentary: Commentary?
    /// Best first.
    public var keyPoints: [BriefingKeyPoint]

    /// Output folder name.
    public var slug: String { source.slug }
}

/// A quote located in the site.
public struct QuoteRef: Hashable, Sendable {
    /// Briefing slug.
    public var briefing: String
    /// Article index in the briefing.
    public var article: Int
    /// Quote index in the article's extraction.
    public var index: Int
}

/// An actor merged across the whole site.
public struct SiteActor: Hashable, Sendable {
    /// Slug used in `actors/<id>/`.
    public var id: String
    /// Canonical name.
    public var name: String
    /// Kind agreed across articles (or set in actors.yml).
    public var kind: ActorKind
    /// Roles seen, most frequent first.
    public var roles: [String]
    /// Other names seen.
    public var aliases: [String]
    /// Analyst's note from actors.yml.
    public var description: String?
    /// Reference link from actors.yml.
    public var url: String?
    /// Briefings naming the actor, in site order.
    public var briefings: [String]
    /// Mentions across the site.
    public var mentionCount: Int
    /// Quotes attributed to the actor.
    public var quotes: [QuoteRef]
    /// Actors named in the same briefings, with the number of shared briefings, most first.
    public var related: [RelatedActor]
}

/// An actor that appears in the same briefings as another.
public struct RelatedActor: Hashable, Sendable {
    /// The other actor's id.
    public var id: String
    /// How many briefings they share.
    public var count: Int
}

/// A tag and the briefings that carry it.
public struct Tag: Hashable, Sendable {
    /// Slug used in `tags/<slug>/`.
    public var slug: String
    /// As first written.
    public var name: String
    /// Briefing slugs in site order.
    public var briefings: [String]
}

/// The whole site, ready to render.
public struct Site: Hashable, Sendable {
    /// Settings.
    public var config: SiteConfig
    /// Briefings, newest first (undated last), then by title.
    public var briefings: [Briefing] {
        didSet { briefingIndex = Self.index(briefings) }
    }
    /// Position of each briefing in `briefings`, by slug.
    private var briefingIndex: [String: Int]
    /// Actors by id.
    public var actors: [String: SiteActor]
    /// Tags by name.
    public var tags: [Tag]
    /// Warnings gathered while assembling.
    public var warnings: [BuildWarning]

    /// Creates a site.
    public init(config: SiteConfig, briefings: [Briefing], actors: [String: SiteActor], tags: [Tag], warnings: [BuildWarning]) {
        self.config = config
        self.briefings = briefings
        self.briefingIndex = Self.index(briefings)
        self.actors = actors
        self.tags = tags
        self.warnings = warnings
    }

    /// The briefing with `slug`.
    public func briefing(_ slug: String) -> Briefing? { briefingIndex[slug].map { briefings[$0] } }

    /// The position in `briefings` of the briefing with `slug`.
    public func position(of slug: String) -> Int? { briefingIndex[slug] }

    private static func index(_ briefings: [Briefing]) -> [String: Int] {
        Dictionary(briefings.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
