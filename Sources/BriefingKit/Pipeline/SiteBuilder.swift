import CBriefingSystem
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
    /// The build cache folder (safe to delete); nil builds everything from scratch and keeps nothing.
    public var cache: URL?
    /// For a process that ends right after the build (the `build` command): the site model and the cache's
    /// contents are left for the system to reclaim at exit instead of being freed object by object, which
    /// takes a noticeable part of a small rebuild. Such a process also has its heap grow in large steps, so
    /// that memory freed during the build (a cache shard read, a page written) is used again rather than
    /// handed back and faulted in anew. A long-running process (`serve`) leaves it off.
    public var keepsMemoryUntilExit = false
    /// For a process that builds again and again (`serve`): where the last build's cache contents stay, so
    /// that the next build takes them from memory rather than reading them back from disk, as long as the
    /// cache on disk is still the one that build wrote.
    public var memory: BuildMemory?

    /// Creates options.
    public init(content: URL, templates: URL, output: URL, drafts: Bool = false, templateEngine: TemplateEngine = .fromEnvironment) {
        self.content = content
        self.templates = templates
        self.output = output
        self.drafts = drafts
        self.templateEngine = templateEngine
        self.cache = output.deletingLastPathComponent().appendingPathComponent(".briefing-cache").appendingPathComponent(output.lastPathComponent)
    }
}

/// The cache contents a build leaves for the next build in the same process (`BuildOptions.memory`).
public final class BuildMemory: Sendable {
    let cache = BuildCache.Memory()

    public init() {}
}

/// What a build did.
public struct BuildReport: Sendable {
    /// Briefings built.
    public var briefings: Int
    /// Briefings marked draft and left out (the build was not asked for drafts).
    public var skippedDrafts: Int
    /// Quotes found.
    public var quotes: Int
    /// Actors across the site.
    public var actors: Int
    /// Files in the site.
    public var files: Int
    /// Files whose bytes changed and were written.
    public var written: Int
    /// Pages whose inputs had not changed, reused without rendering.
    public var reused: Int
    /// True when no input had changed and nothing was done.
    public var unchanged: Bool
    /// Wall time.
    public var seconds: Double
    /// Problems that did not stop the build.
    public var warnings: [BuildWarning]
    /// Whether the cache's contents came from the last build in this process (`BuildOptions.memory`) rather
    /// than from disk.
    public var cacheFromMemory = false

    /// "3 briefings", and the drafts left out when there are some: "2 briefings (1 draft left out: --drafts builds it)".
    public var briefingsBuilt: String {
        let built = counted(briefings, "briefing")
        guard skippedDrafts > 0 else { return built }
        let verb = skippedDrafts == 1 ? "it" : "them"
        return "\(built) (\(counted(skippedDrafts, "draft")) left out: --drafts builds \(verb))"
    }

    /// "1 quote", "41 quotes".
    public var quotesFound: String { counted(quotes, "quote") }
    /// "1 actor", "50 actors".
    public var actorsFound: String { counted(actors, "actor") }

    private func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}

/// A site rendered in memory, not yet written.
public struct RenderedSite: Sendable {
    /// The assembled site.
    public var site: Site
    /// Every file rendered (all but the copied assets and the reused pages).
    public var files: [OutputFile]
    /// Pages not rendered because their inputs had not changed since the last build, by output path.
    public var reused: [String] = []
    /// Briefings marked `draft: true` and left out because the build was not asked for drafts.
    public var skippedDrafts = 0
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
    /// replaced only when every stage succeeded. With a cache, unchanged briefings are not loaded or extracted
    /// again, unchanged pages are not rendered again, and when nothing changed nothing is done.
    public func build(log given: @escaping @Sendable (String) -> Void = { _ in }) async throws(BuildError) -> BuildReport {
        let clock = ContinuousClock()
        let started = clock.now
        let log = StageLog(clock: clock, started: started, sink: given)
        if options.keepsMemoryUntilExit {
            briefing_grow_heap_in_large_steps()
            briefing_reserve_thread_heap()
        }
        let writer = SiteWriter(
            output: options.output,
            protected: [options.content, options.templates, URL(fileURLWithPath: FileManager.default.currentDirectoryPath)])
        try writer.checkOutput()

        log("[1/6] load")
        let cache = options.cache.map { folder in
            var cache = BuildCache(folder: folder)
            cache.mapsFiles = options.keepsMemoryUntilExit
            return cache
        }
        let header = cache?.readHeader()
        // Huge pages (which the command asks jemalloc for) pay when most of the site comes from the cache: fewer
        // faults for the same memory. A build from scratch touches more of its heap only partly, and zeroing
        // whole 2 MB pages costs it more than the faults it saves: it takes the usual small pages.
        if options.keepsMemoryUntilExit && header?.identity != BuildCache.identity { briefing_allow_huge_pages(0) }
        // In a process that ends after this build, a cache this binary wrote is read beside the scan of the
        // content, which takes one core: unless nothing changed, the build needs it. (Were nothing to have
        // changed, the read is left unfinished at exit; a process that builds again and again reads only when
        // it must, or takes the last build from memory.)
        let prefetched = cache.flatMap { cache in
            options.keepsMemoryUntilExit && options.memory == nil && header?.identity == BuildCache.identity
                ? Task.detached { cache.read() } : nil
        }
        let loader = ContentLoader(root: options.content, maxFileSize: options.maxFileSize)
        let scan = try loader.scan()
        let inputs = try InputStamps(options: options, scan: scan)
        if let header, header.identity == BuildCache.identity, header.fingerprint == inputs.fingerprint,
            writer.outputManifestHash() == header.outputManifest
        {
            log("    nothing changed")
            let last = header.summary
            return BuildReport(
                briefings: last.briefings, skippedDrafts: last.drafts, quotes: last.quotes, actors: last.actors, files: 0,
                written: 0, reused: 0, unchanged: true, seconds: log.seconds, warnings: [])
        }
        // Something changed: the word lists load beside the cache and the content, ready for any article to extract.
        let wordLists = Task.detached {
            briefing_reserve_thread_heap()
            Extractor.loadWordLists()
        }
        let remembered = header.flatMap { options.memory?.cache.take(matching: $0) }
        let state: BuildCache.State?
        if let remembered {
            state = remembered
        } else if let prefetched {
            state = await prefetched.value
        } else {
            state = cache?.read()
        }
        let rendered = try await render(
            scan: scan, inputs: inputs, state: state, allowReuse: writer.spareIsInSync(), writer: writer,
            cache: cache, wordLists: wordLists, log: log)

        log("[6/6] write")
        guard let write = rendered.write else { throw BuildError(stage: "write", message: "internal: the pages were not written") }
        let site = rendered.site.site
        let quotes = site.briefings.reduce(0) { $0 + $1.articles.reduce(0) { $0 + $1.extraction.quotes.count } }
        let summary = BuildCache.Summary(
            briefings: site.briefings.count, drafts: rendered.site.skippedDrafts, quotes: quotes, actors: site.actors.count)
        // The briefings' shards were written while the site was assembled (named by no index yet); the actors and
        // the index are written beside the output's last steps, and the index put in place only once the output is.
        let next = BuildCache.State(
            identity: BuildCache.identity, fingerprint: inputs.fingerprint, outputManifest: 0, summary: summary,
            briefings: rendered.prepared, pageKeys: [:], pageKeyList: rendered.pageKeyList, assembly: rendered.assembly,
            stored: state?.stored)
        let staging = cache.map { cache in
            Task.detached { [shards = rendered.shards] () -> BuildCache.Staged? in
                guard var written = await shards?.value else { return nil }
                // Another build committing to the same cache since they were written may have removed them.
                if !written.allSatisfy({ cache.holds($0.file) }) {
                    guard let again = cache.stageBriefings(next.briefings, previous: next.stored) else { return nil }
                    written = again
                }
                return cache.stage(next, shards: written)
            }
        }
        let written: (written: Int, total: Int)
        do {
            written = try write.finish(keeping: rendered.site.reused, assets: options.templates.appendingPathComponent("assets"))
        } catch {
            if let cache, let staged = await staging?.value { cache.discard(staged) }
            throw error
        }
        if let cache, let staged = await staging?.value {
            var written = next
            written.outputManifest = writer.outputManifestHash() ?? 0
            if cache.commit(staged, header: written), let memory = options.memory {
                written.stored = staged.stored
                written.index = staged.digest
                // The next build in this process finds its pages' keys by path, as one reading the cache would.
                written.pageKeys = Dictionary(rendered.pageKeyList, uniquingKeysWith: { _, last in last })
                written.pageKeyList = nil
                memory.cache.keep(written)
            }
        }
        var report = BuildReport(
            briefings: site.briefings.count, skippedDrafts: summary.drafts, quotes: quotes, actors: site.actors.count,
            files: written.total, written: written.written, reused: rendered.site.reused.count,
            unchanged: false, seconds: log.seconds, warnings: site.warnings)
        report.cacheFromMemory = remembered != nil
        if options.keepsMemoryUntilExit { KeptUntilExit.keep((rendered, state)) }
        return report
    }

    /// Runs every stage but the write, with no cache: the site model and all its files, in memory.
    public func render(log given: @escaping @Sendable (String) -> Void = { _ in }) async throws(BuildError) -> RenderedSite {
        let log = StageLog(clock: ContinuousClock(), started: ContinuousClock.now, sink: given)
        log("[1/6] load")
        let scan = try ContentLoader(root: options.content, maxFileSize: options.maxFileSize).scan()
        let inputs = try InputStamps(options: options, scan: scan)
        return try await render(scan: scan, inputs: inputs, state: nil, allowReuse: false, writer: nil, log: log).site
    }

    /// Ids the page templates use, which commentary headings must not take.
    static let reservedIDs: Set<String> = [
        "main", "key-points", "commentary", "articles", "whos-who", "quotes", "quote-chart", "search", "top",
    ]

    /// The templates every site needs.
    static let requiredTemplates = ["home", "briefing", "actors", "actor", "quotes", "tags", "tag", "search", "404"]

    static func checkTemplates(_ renderer: some PageRenderer) throws(BuildError) {
        for name in requiredTemplates where !renderer.templateNames.contains(name) {
            throw BuildError(
                stage: "templates", location: SourceLocation(file: "\(name).mustache"), message: "template '\(name).mustache' is missing",
                hint: "copy it from the default theme ('briefing init' writes one)")
        }
    }

    static func extract(_ source: ArticleSource, with extractor: Extractor) -> Article {
        let extraction = extractor.extract(source.body)
        let stem = ((source.path as NSString).lastPathComponent as NSString).deletingPathExtension
        let title = source.metadata.title ?? extraction.title ?? source.metadata.source ?? ContentLoader.humanize(stem)
        return Article(source: source, extraction: extraction, actorMap: [:], title: title)
    }
}

/// Values deliberately never freed (see `BuildOptions.keepsMemoryUntilExit`).
final class KeptUntilExit<Value>: @unchecked Sendable {
    let value: Value

    private init(_ value: Value) { self.value = value }

    static func keep(_ value: Value) { _ = Unmanaged.passRetained(KeptUntilExit(value)) }
}

/// Stage lines with the time since the build started.
struct StageLog: Sendable {
    let clock: ContinuousClock
    let started: ContinuousClock.Instant
    let sink: @Sendable (String) -> Void

    func callAsFunction(_ line: String) {
        sink("\(line) (+\((clock.now - started).milliseconds) ms)")
    }

    var seconds: Double {
        let elapsed = clock.now - started
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}

extension Duration {
    /// Whole milliseconds.
    var milliseconds: Int64 { components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000 }
}
