/// How an article file is written.
public enum ArticleFormat: String, Hashable, Sendable {
    /// Plain text: paragraphs are lines or blank-line blocks.
    case text
    /// Markdown.
    case markdown
}

/// What is known about an article besides its text.
public struct ArticleMetadata: Hashable, Sendable {
    /// Headline.
    public var title: String?
    /// Publication ("The Washington Post").
    public var source: String?
    /// Where the article was published (http, https or relative only).
    public var url: String?
    /// Byline.
    public var author: String?
    /// Publication date as written (ISO 8601 preferred).
    public var published: String?
    /// Reporters named in the credits ("Dixon reported from Riga").
    public var reporters: [String] = []
    /// Contributors named in the credits ("… contributed to this report").
    public var contributors: [String] = []
    /// Marks an invented article.
    public var fictional = false
    /// Tags, used when the article is a briefing of its own.
    public var tags: [String] = []

    /// Creates empty metadata.
    public init() {}
}

/// One source article of a briefing, as loaded from disk.
public struct ArticleSource: Hashable, Sendable {
    /// Path relative to the content folder, for messages ("briefings/x/wapo.txt").
    public var path: String
    /// File name without extension, unique within the briefing; used in anchors.
    public var slug: String
    /// Text or Markdown.
    public var format: ArticleFormat
    /// The body: the file's text after front matter and before a credits block.
    public var body: String {
        get { text.string }
        set { text = DeferredText(newValue) }
    }
    /// The body as kept: a string, or its UTF-8 as read back from the build cache.
    var text: DeferredText
    /// Scalar offset of the body in the file, so extraction offsets can be given as file offsets.
    public var bodyStart: Int
    /// 1-based line on which the body starts.
    public var bodyLine: Int
    /// Front matter and credits.
    public var metadata: ArticleMetadata
    /// Credits lines removed from the body, as written.
    public var credits: [String]

    /// An article source with `body` as its text.
    public init(
        path: String, slug: String, format: ArticleFormat, body: String, bodyStart: Int, bodyLine: Int,
        metadata: ArticleMetadata, credits: [String]
    ) {
        self.init(
            path: path, slug: slug, format: format, text: DeferredText(body), bodyStart: bodyStart, bodyLine: bodyLine,
            metadata: metadata, credits: credits)
    }

    init(
        path: String, slug: String, format: ArticleFormat, text: DeferredText, bodyStart: Int, bodyLine: Int,
        metadata: ArticleMetadata, credits: [String]
    ) {
        self.path = path
        self.slug = slug
        self.format = format
        self.text = text
        self.bodyStart = bodyStart
        self.bodyLine = bodyLine
        self.metadata = metadata
        self.credits = credits
    }
}

/// The analyst's commentary of a briefing (`index.md` below its front matter).
public struct CommentarySource: Hashable, Sendable {
    /// Path relative to the content folder.
    public var path: String
    /// Markdown text.
    public var markdown: String
    /// 1-based file line on which `markdown` starts.
    public var firstLine: Int
}

/// A briefing as loaded from disk: a folder with `index.md` and articles, or one lone article file.
public struct BriefingSource: Hashable, Sendable {
    /// Output folder name under `briefings/`.
    public var slug: String
    /// Path relative to the content folder.
    public var path: String
    /// Title from front matter, else the first article's, else the file or folder name.
    public var title: String
    /// Date as `YYYY-MM-DD`, from front matter, the folder name or the article.
    public var date: String?
    /// One-paragraph summary for lists and feeds.
    public var summary: String?
    /// Tags, as written.
    public var tags: [String]
    /// Drafts are built only with `--drafts`.
    public var draft: Bool
    /// Key points written by the analyst; they replace extracted ones.
    public var keyPoints: [String]?
    /// Marks invented content.
    public var fictional: Bool
    /// The commentary, when there is an `index.md`.
    public var commentary: CommentarySource?
    /// Source articles, by file name.
    public var articles: [ArticleSource]
    /// True when no front matter gave a title and `title` was made from the file or folder name; the build then
    /// uses the headline extraction finds in the first article that has one.
    public var titleFromName = false
}

/// Everything under `Content/`.
public struct ContentSource: Hashable, Sendable {
    /// `site.yml`.
    public var config: SiteConfig
    /// `actors.yml`, when present.
    public var registry: ActorRegistry
    /// Every briefing, drafts included, sorted by slug.
    public var briefings: [BriefingSource]
    /// Non-fatal problems found while loading.
    public var warnings: [BuildWarning]
}
