import Extraction
import Foundation

/// Stamps of every input of a build: per briefing, for the templates and settings together, and one
/// fingerprint over all of them and the options.
struct InputStamps: Sendable {
    /// Per briefing folder or lone article, by its path in the content folder.
    var briefings: [String: UInt64]
    /// Settings, registry, options and tool: whatever every page depends on.
    var globals: UInt64
    /// Per template, by its name (`briefing`, `partials/header`): a page depends on the templates it reads.
    var templates: [String: UInt64]
    /// Every template and any other file in the templates folder but its assets.
    var allTemplates: UInt64
    /// Everything.
    var fingerprint: UInt64

    init(options: BuildOptions, scan: ContentScan) throws(BuildError) {
        var globals = StableHash()
        globals.combine(BuildCache.identity)
        globals.combine(options.drafts ? 1 : 0)
        globals.combine(Int(options.markdownTimeLimit.milliseconds))
        globals.combine(options.maxFileSize)
        globals.combine(options.templateEngine.name)
        for file in scan.settingsFiles { file.stamp(into: &globals) }
        // Each template shapes the pages that read it; any other file there counts for every template. Assets
        // are copied as they are and only count for the fingerprint.
        var assets = StableHash()
        var files: [FileEntry] = []
        let folder = options.templates.resolvingSymlinksInPath()
        guard FileSystem.isDirectory(folder) else {
            throw BuildError(
                stage: "templates", location: SourceLocation(file: options.templates.path), message: "templates folder not found",
                hint: "run in a site folder made by 'briefing init' (it copies the default theme into Templates/) or pass --templates PATH")
        }
        do {
            for entry in try FileSystem.listing(of: folder, root: folder, relative: "") {
                if entry.name == "assets" && entry.isDirectory {
                    try Self.walk(entry.url, root: folder, relative: entry.relative) { $0.stamp(into: &assets) }
                } else if entry.isDirectory {
                    try Self.walk(entry.url, root: folder, relative: entry.relative) { files.append($0) }
                } else {
                    files.append(entry)
                }
            }
        } catch {
            throw BuildError(stage: "templates", location: SourceLocation(file: options.templates.path), message: "cannot list templates: \(error)")
        }
        var templates: [String: UInt64] = [:]
        var allTemplates = StableHash()
        for file in files.sorted(by: { $0.relative < $1.relative }) {
            file.stamp(into: &allTemplates)
            if file.relative.hasSuffix(".mustache") {
                var stamp = StableHash()
                file.stamp(into: &stamp)
                templates[String(file.relative.dropLast(".mustache".count))] = stamp.value
            } else {
                file.stamp(into: &globals)
            }
        }
        var all = StableHash(seed: globals.value)
        all.combine(Int(truncatingIfNeeded: allTemplates.value))
        all.combine(Int(truncatingIfNeeded: assets.value))
        var briefings: [String: UInt64] = [:]
        for entry in scan.entries {
            let stamp = entry.stamp
            briefings[entry.entry.relative] = stamp
            all.combine(Int(truncatingIfNeeded: stamp))
        }
        self.briefings = briefings
        self.globals = globals.value
        self.templates = templates
        self.allTemplates = allTemplates.value
        fingerprint = all.value
    }

    /// The seed of the keys of pages rendered with template `name` by `renderer`: the globals and the stamps of
    /// the templates it reads, or of every template when the renderer cannot say which.
    func seed(template name: String, renderer: some PageRenderer) -> UInt64 {
        var hash = StableHash(seed: globals)
        if let read = renderer.templates(readBy: name) {
            for template in read.sorted() {
                hash.combine(template)
                hash.combine(Int(truncatingIfNeeded: templates[template] ?? 0))
            }
        } else {
            hash.combine(Int(truncatingIfNeeded: allTemplates))
        }
        return hash.value
    }

    private static func walk(_ folder: URL, root: URL, relative: String, _ visit: (FileEntry) -> Void) throws {
        for entry in try FileSystem.listing(of: folder, root: root, relative: relative) {
            if entry.isDirectory {
                try walk(entry.url, root: root, relative: entry.relative, visit)
            } else {
                visit(entry)
            }
        }
    }
}

/// What the stages before writing produce.
struct StageResult: Sendable {
    var site: RenderedSite
    /// Every briefing as prepared, with its stamp (and its encoding when it came from the cache), for the next
    /// build's cache.
    var prepared: [String: (stamp: UInt64, prepared: PreparedBriefing, encoded: ByteSlice?)]
    /// The key of every page that has one, in the order of the pages' jobs, for the next build's cache.
    var pageKeyList: [(path: String, key: UInt64)]
    /// The write the pages went into, when they were written as rendered.
    var write: SiteWrite?
    /// The site's actors for the next build's cache, with their encoding (made beside the pages when there is a
    /// cache to write), and whether that encoding is the one read from this build's cache.
    var assembly: (value: ActorAssembly, encoded: ByteSlice?, fromCache: Bool)
    /// The briefings' shards for the next build's cache, written while the site was assembled and its pages
    /// rendered (when there is a cache to write).
    var shards: Task<BuildCache.Shards?, Never>?
}

extension SiteBuilder {
    /// Load, extract, render Markdown, assemble and render pages. Briefings whose files carry the stamp
    /// recorded in `state` are taken from it; pages whose key is recorded there are reused when `allowReuse`.
    /// With a `writer`, pages are written into its spare folder as they are rendered rather than kept; with a
    /// `cache`, the briefings' shards are written into it while the site is assembled, and the site's actors are
    /// encoded while the pages render, for the next build's cache. `wordLists`, loading the extraction's word
    /// lists, is waited for only once the content is loaded.
    func render(
        scan: ContentScan, inputs: InputStamps, state: BuildCache.State?, allowReuse: Bool, writer: SiteWriter?,
        cache: BuildCache? = nil, wordLists: Task<Void, Never>? = nil, log: StageLog
    ) async throws(BuildError) -> StageResult {
        let loader = ContentLoader(root: options.content, maxFileSize: options.maxFileSize)
        // The templates are read and compiled beside the loading and extraction of what changed (one file, often,
        // on one core); their errors still come before the content's.
        let (engine, folder) = (options.templateEngine, options.templates)
        let templates = Task { () async -> Result<any PageRenderer, BuildError> in
            do throws(BuildError) {
                let renderer = try await engine.makeRenderer(directory: folder)
                try Self.checkTemplates(renderer)
                return .success(renderer)
            } catch {
                return .failure(error)
            }
        }

        // Reuse what the cache holds for unchanged briefings; load the rest.
        var prepared: [PreparedBriefing?] = Array(repeating: nil, count: scan.entries.count)
        var encoded: [ByteSlice?] = Array(repeating: nil, count: scan.entries.count)
        let stamps = scan.entries.map { inputs.briefings[$0.entry.relative] ?? 0 }
        var fresh: [Int] = []
        for (index, entry) in scan.entries.enumerated() {
            if let cached = state?.briefings[entry.entry.relative], cached.stamp == stamps[index] {
                prepared[index] = cached.prepared
                encoded[index] = cached.encoded
            } else {
                fresh.append(index)
            }
        }
        // With much to extract, a broken template is reported before the work starts; a few articles (an edit
        // between builds) are extracted while the templates compile.
        if fresh.count > 16 { _ = try await templates.value.get() }
        do throws(BuildError) {
            try await prepare(fresh, of: scan, into: &prepared, loader: loader, wordLists: wordLists, log: log)
        } catch {
            _ = try await templates.value.get()
            throw error
        }
        let renderer = try await templates.value.get()

        log("[4/6] assemble site")
        var cached: [String: (stamp: UInt64, prepared: PreparedBriefing, encoded: ByteSlice?)] = [:]
        cached.reserveCapacity(scan.entries.count)
        var briefings: [Briefing] = []
        briefings.reserveCapacity(scan.entries.count)
        var warnings = scan.warnings + Self.outdatedTemplates(in: options.templates)
        var actorStamps: [UInt64] = []
        actorStamps.reserveCapacity(scan.entries.count)
        var stampsBySlug: [String: UInt64] = [:]
        stampsBySlug.reserveCapacity(scan.entries.count)
        var skippedDrafts = 0
        for (index, entry) in scan.entries.enumerated() {
            guard let item = prepared[index] else { continue }
            cached[entry.entry.relative] = (stamps[index], item, encoded[index])
            warnings += item.warnings
            guard options.drafts || !item.briefing.source.draft else {
                skippedDrafts += 1
                continue
            }
            briefings.append(item.briefing)
            actorStamps.append(item.actorStamp)
            stampsBySlug[item.briefing.slug] = stamps[index]
        }
        // The briefings are final: their shards are written during the assembly, on the core it leaves idle much
        // of the time, rather than at the end beside the output's last steps. (The cache's files, not the
        // output: no index names them until the build ends well, and a later build's commit removes them if it
        // does not. Another build committing to the same cache meanwhile may remove them too: they are checked
        // for, and written again, before the index names them.) The assembler calls `beside` exactly once, whether
        // it reuses the actors or merges them.
        var shards: Task<BuildCache.Shards?, Never>?
        do throws(BuildError) {
            let (site, assembled, actorsReused) = SiteAssembler(registry: scan.registry).assemble(
                config: scan.config, briefings: briefings, warnings: warnings, seed: inputs.globals, reusing: state?.assembly?.value,
                stamps: actorStamps,
                beside: {
                    shards = cache.map { cache in
                        Task.detached { [cached, stored = state?.stored] in cache.stageBriefings(cached, previous: stored) }
                    }
                })

            log("[5/6] render pages")
            // What the pages show of the actors depends on them alone: worked out again only when they change.
            let pages = SitePages(site: site, actorHashes: actorsReused ? assembled.pages : nil)
            var (assembly, reusedAssembly) = (assembled, actorsReused)
            if assembly.pages != pages.actorHashes {
                assembly.pages = pages.actorHashes
                reusedAssembly = false
            }
            let previous = allowReuse ? state?.pageKeys ?? [:] : [:]
            let slugStamps = stampsBySlug
            let seeds = Dictionary(uniqueKeysWithValues: renderer.templateNames.map { ($0, inputs.seed(template: $0, renderer: renderer)) })
            let write = try writer?.begin()
            // The actors' encoding for the next build's cache is made while the pages render rather than after them,
            // when the build ends with one core idle.
            let encoding = reusedAssembly || cache == nil ? nil : Task.detached { [assembly] in BinaryWriter.encoding(of: assembly, reusing: nil) }
            let outcomes: [PageOutcome]
            do {
                outcomes = try await parallelMap(pages.jobs()) { job throws(BuildError) -> PageOutcome in
                    let path = pages.path(of: job)
                    let key = path == nil ? nil : pages.key(of: job, seed: pages.template(of: job).flatMap { seeds[$0] } ?? inputs.globals, stamps: slugStamps)
                    if let path, let key, previous[path] == key { return PageOutcome(files: [], reused: path, key: (path, key)) }
                    var files = try pages.run(job, renderer: renderer)
                    if let write {
                        for file in files { try write.add(file) }
                        files = []
                    }
                    return PageOutcome(files: files, reused: nil, key: path.flatMap { p in key.map { (p, $0) } })
                }
            } catch {
                write?.abort()
                throw error
            }
            var files: [OutputFile] = []
            var reused: [String] = []
            // A list, not a table by path: this build only stores the keys, and a table of 13,000 paths, made on
            // one core at the end, would hash every one of them.
            var keyList: [(path: String, key: UInt64)] = []
            keyList.reserveCapacity(outcomes.count)
            reused.reserveCapacity(outcomes.count)
            for outcome in outcomes {
                files += outcome.files
                if let path = outcome.reused { reused.append(path) }
                if let key = outcome.key { keyList.append(key) }
            }
            let rendered = RenderedSite(site: site, files: files, reused: reused, skippedDrafts: skippedDrafts)
            if options.keepsMemoryUntilExit { KeptUntilExit.keep((pages, outcomes, prepared)) }
            return StageResult(
                site: rendered, prepared: cached, pageKeyList: keyList, write: write,
                assembly: reusedAssembly ? (assembly, state?.assembly?.encoded, true) : (assembly, await encoding?.value, false),
                shards: shards)
        } catch {
            // Files it wrote are named by no index; a later build's commit removes them.
            _ = await shards?.value
            throw error
        }
    }

    /// Loads the briefings at positions `fresh` of `scan`, extracts their articles, renders their commentary and
    /// puts each together into `prepared`.
    private func prepare(
        _ fresh: [Int], of scan: ContentScan, into prepared: inout [PreparedBriefing?], loader: ContentLoader,
        wordLists: Task<Void, Never>?, log: StageLog
    ) async throws(BuildError) {
        let loaded = try concurrentMap(fresh.map { scan.entries[$0] }) { entry throws(BuildError) in try loader.loadBriefing(entry) }

        log("[2/6] extract")
        await wordLists?.value
        let articles = loaded.flatMap(\.0.articles)
        let extractor = Extractor()
        // Longest first: the articles left for the end are then short ones.
        let extracted = await parallelMap(articles, costliestFirst: { $0.text.withUTF8(\.count) }) { article in
            Self.extract(article, with: extractor)
        }

        log("[3/6] render markdown")
        let jobs = loaded.compactMap { source, _ in
            source.commentary.map {
                MarkdownBatch.Job(markdown: $0.markdown, firstLine: $0.firstLine, reservedIDs: Self.reservedIDs, file: $0.path)
            }
        }
        let commentaries = try await MarkdownBatch(timeLimit: options.markdownTimeLimit).render(jobs)
        // Where each briefing's articles start among those extracted, and which rendering is its commentary's.
        var starts: [Int] = []
        var commentaryOf: [Int?] = []
        var cursor = 0, next = 0
        for (source, _) in loaded {
            starts.append(cursor)
            cursor += source.articles.count
            commentaryOf.append(source.commentary == nil || next >= commentaries.count ? nil : next)
            if source.commentary != nil { next += 1 }
        }
        // Each briefing put together (its commentary's passages matched in its articles) on every core.
        let (articleStarts, renderings) = (starts, commentaryOf)
        let made = concurrentMap(Array(loaded.indices), each: { position -> PreparedBriefing in
            let (source, loadWarnings) = loaded[position]
            let own = Array(extracted[articleStarts[position]..<(articleStarts[position] + source.articles.count)])
            var briefing = Briefing(source: source, articles: own, commentary: nil, keyPoints: [])
            if source.titleFromName, let headline = own.lazy.compactMap(\.extraction.title).first {
                briefing.source.title = headline
            }
            var warnings = loadWarnings
            if let commentary = source.commentary, let index = renderings[position] {
                let matchers = own.map { PassageMatcher(text: $0.body) }
                let (built, problems) = CommentaryBuilder().build(commentaries[index], source: commentary, articles: matchers)
                briefing.commentary = built
                warnings += problems
            }
            return PreparedBriefing(briefing: briefing, warnings: warnings)
        })
        for (position, item) in made.enumerated() { prepared[fresh[position]] = item }
    }
}

extension SiteBuilder {
    /// Warnings for a theme written for an older output: a search page that loads `search-index.js`, which is
    /// no longer written (the index comes in parts, listed by `indexScripts`), finds nothing.
    static func outdatedTemplates(in folder: URL) -> [BuildWarning] {
        let url = folder.appendingPathComponent("search.mustache")
        guard let text = try? String(contentsOf: url, encoding: .utf8), !text.contains("indexScripts") else { return [] }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let line = lines.firstIndex(where: { $0.contains("search-index.js") }) else { return [] }
        return [
            BuildWarning(
                location: SourceLocation(file: url.path, line: line + 1, column: 1),
                message: "the search page loads search-index.js, which is no longer written, so search finds nothing; "
                    + "load the index's parts instead: {{#indexScripts}}<script src=\"{{src}}\"></script>{{/indexScripts}} "
                    + "(as the default theme's search.mustache does)")
        ]
    }
}

/// One page job's result: its files, or the path of the page it reused, and its key.
private struct PageOutcome: Sendable {
    var files: [OutputFile]
    var reused: String?
    var key: (String, UInt64)?
}
