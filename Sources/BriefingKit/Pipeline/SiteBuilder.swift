import Extraction
import Foundation

/// Where a build reads and writes, and what it includes.
public struct BuildOptions: Sendable {
    /// The content folder.
    public var content: URL
    /// The templates folder (with `assets/`).
    public var templates: URL
    /// The output folder.
    public var output: URL
    /// Build drafts too.
    public var drafts: Bool
    /// The Mustache renderer: the compiled one unless `BRIEFING_RENDERER=swift-mustache`.
    public var templateEngine: TemplateEngine
    /// How long one Markdown file may take to render before the build fails.
    public var markdownTimeLimit: Duration = .seconds(10)
    /// The largest content file accepted, in bytes.
    public var maxFileSize = 5_000_000

    /// Creates options.
    public init(content: URL, templates: URL, output: URL, drafts: Bool = false, templateEngine: TemplateEngine = .fromEnvironment) {
        self.content = content
        self.templates = templates
        self.output = output
        self.drafts = drafts
        self.templateEngine = templateEngine
    }
}

/// What a build did.
public struct BuildReport: Sendable {
    /// Briefings built.
    public var briefings: Int
    /// Quotes found.
    public var quotes: Int
    /// Actors across the site.
    public var actors: Int
    /// Files written.
    public var files: Int
    /// Wall time.
    public var seconds: Double
    /// Problems that did not stop the build.
    public var warnings: [BuildWarning]
}

/// A site rendered in memory, not yet written.
public struct RenderedSite: Sendable {
    /// The assembled site.
    public var site: Site
    /// Every file but the copied assets.
    public var files: [OutputFile]
}

/// Builds a site: load → extract → render Markdown → assemble site → render pages → write.
public struct SiteBuilder: Sendable {
    /// Where to read and write.
    public let options: BuildOptions

    /// Creates a builder.
    public init(options: BuildOptions) {
        self.options = options
    }

    /// Runs every stage, logging `[i/n] name` through `log`, and returns what was built. The output folder is
    /// replaced only when every stage succeeded.
    public func build(log: @Sendable (String) -> Void = { _ in }) async throws(BuildError) -> BuildReport {
        let clock = ContinuousClock()
        let started = clock.now
        let writer = SiteWriter(
            output: options.output,
            protected: [options.content, options.templates, URL(fileURLWithPath: FileManager.default.currentDirectoryPath)])
        try writer.checkOutput()

        let rendered = try await render(log: log)

        let writeStarted = clock.now
        log("[6/6] write (+\((writeStarted - started).milliseconds) ms)")
        try writer.write(rendered.files, assets: options.templates.appendingPathComponent("assets"))

        log("    written in \((clock.now - writeStarted).milliseconds) ms")
        let site = rendered.site
        let quotes = site.briefings.reduce(0) { $0 + $1.articles.reduce(0) { $0 + $1.extraction.quotes.count } }
        let elapsed = clock.now - started
        return BuildReport(
            briefings: site.briefings.count, quotes: quotes, actors: site.actors.count, files: rendered.files.count,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, warnings: site.warnings)
    }

    /// Runs every stage but the write: the site model and its files, in memory.
    public func render(log given: @Sendable (String) -> Void = { _ in }) async throws(BuildError) -> RenderedSite {
        let clock = ContinuousClock()
        let started = clock.now
        func log(_ line: String) {
            let elapsed = clock.now - started
            let ms = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
            given("\(line) (+\(ms) ms)")
        }
        log("[1/6] load")
        let content = try ContentLoader(root: options.content, maxFileSize: options.maxFileSize).load()
        let renderer = try await options.templateEngine.makeRenderer(directory: options.templates)
        try Self.checkTemplates(renderer)
        let sources = content.briefings.filter { options.drafts || !$0.draft }

        log("[2/6] extract")
        let articles = sources.flatMap(\.articles)
        let extractor = Extractor()
        let extracted = try await parallelMap(articles) { article in
            Self.extract(article, with: extractor)
        }

        log("[3/6] render markdown")
        let jobs = sources.compactMap { source in
            source.commentary.map {
                MarkdownBatch.Job(markdown: $0.markdown, firstLine: $0.firstLine, reservedIDs: Self.reservedIDs, file: $0.path)
            }
        }
        var commentaries = try await MarkdownBatch(timeLimit: options.markdownTimeLimit).render(jobs).makeIterator()
        var cursor = 0
        var briefings: [Briefing] = []
        var warnings = content.warnings
        for source in sources {
            let own = Array(extracted[cursor..<(cursor + source.articles.count)])
            cursor += source.articles.count
            var briefing = Briefing(source: source, articles: own, commentary: nil, keyPoints: [])
            if let commentary = source.commentary, let rendered = commentaries.next() {
                let matchers = own.map { PassageMatcher(text: $0.body) }
                let (built, problems) = CommentaryBuilder().build(rendered, source: commentary, articles: matchers)
                briefing.commentary = built
                warnings += problems
            }
            briefings.append(briefing)
        }

        log("[4/6] assemble site")
        let site = SiteAssembler(registry: content.registry).assemble(config: content.config, briefings: briefings, warnings: warnings)

        log("[5/6] render pages")
        let pages = SitePages(site: site)
        let files = try await parallelMap(pages.jobs()) { job throws(BuildError) in try pages.run(job, renderer: renderer) }
            .flatMap { $0 }
        return RenderedSite(site: site, files: files)
    }

    /// Ids the page templates use, which commentary headings must not take.
    static let reservedIDs: Set<String> = [
        "main", "key-points", "commentary", "articles", "whos-who", "quotes", "quote-chart", "search", "top",
    ]

    /// The templates every site needs.
    static let requiredTemplates = ["home", "briefing", "actors", "actor", "quotes", "tags", "tag", "search", "404"]

    private static func checkTemplates(_ renderer: some PageRenderer) throws(BuildError) {
        for name in requiredTemplates where !renderer.templateNames.contains(name) {
            throw BuildError(
                stage: "templates", location: SourceLocation(file: "\(name).mustache"), message: "template '\(name).mustache' is missing",
                hint: "copy it from the default theme ('briefing init' writes one)")
        }
    }

    private static func extract(_ source: ArticleSource, with extractor: Extractor) -> Article {
        let body = source.body
        let extraction = extractor.extract(body)
        let stem = ((source.path as NSString).lastPathComponent as NSString).deletingPathExtension
        let title = source.metadata.title ?? extraction.title ?? source.metadata.source ?? ContentLoader.humanize(stem)
        return Article(source: source, body: body, extraction: extraction, actorMap: [:], title: title)
    }
}

extension Duration {
    /// Whole milliseconds.
    var milliseconds: Int64 { components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000 }
}
