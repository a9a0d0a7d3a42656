import Foundation
import Extraction

/// Reads `Content/` into `ContentSource` values: site settings, the actor registry and every briefing.
public struct ContentLoader: Sendable {
    /// The content folder.
    public let root: URL
    /// The largest file accepted, in bytes.
    public let maxFileSize: Int

    /// Creates a loader for the folder at `root`.
    public init(root: URL, maxFileSize: Int = 5_000_000) {
        self.root = root.standardizedFileURL
        self.maxFileSize = maxFileSize
    }

    /// Loads everything; the first error stops loading.
    public func load() throws(BuildError) -> ContentSource {
        let scan = try self.scan()
        var warnings = scan.warnings
        let loaded = try concurrentMap(scan.entries) { entry throws(BuildError) in try loadBriefing(entry) }
        for (_, own) in loaded { warnings += own }
        return ContentSource(
            config: scan.config, registry: scan.registry, briefings: loaded.map(\.0).sorted { $0.slug < $1.slug },
            warnings: warnings)
    }

    /// Reads the site settings and the actor registry, and lists every briefing's files without reading them,
    /// with a stamp per briefing that changes whenever one of its files does.
    func scan() throws(BuildError) -> ContentScan {
        var warnings: [BuildWarning] = []
        guard FileSystem.isDirectory(root) else {
            // Run from inside the content folder, the folder above "Content" is this one.
            let here = root.deletingLastPathComponent()
            let inside = FileManager.default.fileExists(atPath: here.appendingPathComponent("site.yml").path)
                || FileSystem.isDirectory(here.appendingPathComponent("briefings"))
            throw BuildError(
                stage: "load", location: SourceLocation(file: root.path), message: "content folder not found",
                hint: inside
                    ? "this looks like the content folder itself; run from the site folder above it (cd ..) or pass --content ."
                    : "run in a site folder (see 'briefing init') or pass --content PATH")
        }
        let config = try readOptional("site.yml", warnings: &warnings).map { text throws(BuildError) in
            try SiteConfig.parse(text, file: "site.yml")
        } ?? SiteConfig()
        let registry = try readOptional("actors.yml", warnings: &warnings).map { text throws(BuildError) in
            try ActorRegistry.parse(text, file: "actors.yml")
        } ?? ActorRegistry()

        var briefings: [BriefingEntry] = []
        let folder = root.appendingPathComponent("briefings")
        if FileSystem.isDirectory(folder) {
            for entry in try entries(of: folder, relative: "briefings") {
                if entry.isDirectory {
                    let children = try entries(of: entry.url, relative: entry.relative).filter {
                        !$0.isDirectory && ($0.name == "index.md" || Self.articleFormat($0.name) != nil)
                    }
                    guard !children.isEmpty else {
                        warnings.append(
                            BuildWarning(
                                location: SourceLocation(file: entry.relative),
                                message: "not a briefing: the folder has no index.md and no .txt or .md article, so it is skipped "
                                    + "(folders inside a briefing folder are not read)"))
                        continue
                    }
                    briefings.append(BriefingEntry(entry: entry, slug: Slug.make(entry.name), files: children))
                } else if Self.articleFormat(entry.name) != nil {
                    let stem = Self.stem(entry.name)
                    briefings.append(BriefingEntry(entry: entry, slug: Slug.make(stem), files: [entry]))
                }
            }
        } else {
            warnings.append(BuildWarning(location: SourceLocation(file: "briefings"), message: "no briefings folder; the site will be empty"))
        }
        try checkUniqueSlugs(briefings)
        let top = try entries(of: root, relative: "")
        for entry in top where !entry.isDirectory && Self.articleFormat(entry.name) != nil {
            warnings.append(
                BuildWarning(
                    location: SourceLocation(file: entry.relative),
                    message: "not built: articles and briefing folders go under briefings/ (move it to briefings/\(entry.name))"))
        }
        let settings = top.filter { $0.name == "site.yml" || $0.name == "actors.yml" }
        return ContentScan(config: config, registry: registry, entries: briefings, settingsFiles: settings, warnings: warnings)
    }

    /// Reads and parses one briefing's files.
    func loadBriefing(_ entry: BriefingEntry) throws(BuildError) -> (BriefingSource, [BuildWarning]) {
        var warnings: [BuildWarning] = []
        if entry.entry.isDirectory {
            return (try loadFolder(entry, warnings: &warnings), warnings)
        }
        return (try loadLoneArticle(entry.entry, format: Self.articleFormat(entry.entry.name) ?? .text, warnings: &warnings), warnings)
    }

    // MARK: - Briefings

    private func loadFolder(_ briefingEntry: BriefingEntry, warnings: inout [BuildWarning]) throws(BuildError) -> BriefingSource {
        let folder = briefingEntry.entry
        var commentary: CommentarySource?
        var fields: [String: FrontMatterValue] = [:]
        var articles: [ArticleSource] = []
        for entry in briefingEntry.files {
            if entry.name == "index.md" {
                let text = try read(entry, warnings: &warnings)
                let matter = try FrontMatter.parse(text, file: entry.relative)
                fields = matter.fields
                commentary = CommentarySource(path: entry.relative, markdown: matter.body, firstLine: matter.bodyLine)
            } else if let format = Self.articleFormat(entry.name) {
                articles.append(try loadArticle(entry, format: format, warnings: &warnings))
            }
        }
        try checkUniqueArticleSlugs(articles)
        var briefing = BriefingSource(
            slug: Slug.make(folder.name), path: folder.relative, title: "", date: Self.datePrefix(folder.name), summary: nil,
            tags: [], draft: false, keyPoints: nil, fictional: false, commentary: commentary, articles: articles)
        try apply(fields, to: &briefing, file: commentary?.path ?? folder.relative)
        if briefing.title.isEmpty {
            if let title = articles.lazy.compactMap(\.metadata.title).first {
                briefing.title = title
            } else {
                briefing.title = Self.humanize(folder.name)
                briefing.titleFromName = true
            }
        }
        if briefing.date == nil { briefing.date = articles.lazy.compactMap { $0.metadata.published.flatMap(Self.isoDate) }.first }
        return briefing
    }

    private func loadLoneArticle(_ entry: FileEntry, format: ArticleFormat, warnings: inout [BuildWarning]) throws(BuildError) -> BriefingSource {
        let article = try loadArticle(entry, format: format, warnings: &warnings)
        let stem = Self.stem(entry.name)
        var briefing = BriefingSource(
            slug: Slug.make(stem), path: entry.relative, title: article.metadata.title ?? Self.humanize(stem),
            date: Self.datePrefix(stem) ?? article.metadata.published.flatMap(Self.isoDate), summary: nil,
            tags: article.metadata.tags, draft: false, keyPoints: nil, fictional: article.metadata.fictional, commentary: nil,
            articles: [article])
        briefing.titleFromName = article.metadata.title == nil
        return briefing
    }

    private func apply(_ fields: [String: FrontMatterValue], to briefing: inout BriefingSource, file: String) throws(BuildError) {
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            switch key {
            case "title": briefing.title = try value.string(key)?.trimmed ?? ""
            case "date":
                guard let text = try value.string(key) else { continue }
                guard let date = Self.isoDate(text) else {
                    throw BuildError(stage: "load", location: value.location, message: "date must be a calendar date written YYYY-MM-DD, got '\(text)'")
                }
                briefing.date = date
            case "summary": briefing.summary = try value.string(key)?.trimmed
            case "tags": briefing.tags = try value.tags(key)
            case "draft": briefing.draft = try value.bool(key)
            case "fictional": briefing.fictional = try value.bool(key)
            case "keyPoints": briefing.keyPoints = try value.strings(key).map(\.trimmed).filter { !$0.isEmpty }
            default:
                throw BuildError(
                    stage: "load", location: value.location, message: "unknown front-matter field '\(key)'",
                    hint: "a briefing's index.md knows title, date, summary, tags, draft, fictional and keyPoints")
            }
        }
    }

    // MARK: - Articles

    private func loadArticle(_ entry: FileEntry, format: ArticleFormat, warnings: inout [BuildWarning]) throws(BuildError) -> ArticleSource {
        let text = try read(entry, warnings: &warnings)
        let matter = try FrontMatter.parse(text, file: entry.relative)
        var metadata = ArticleMetadata()
        for (key, value) in matter.fields.sorted(by: { $0.key < $1.key }) {
            switch key {
            case "title": metadata.title = try value.string(key)?.trimmed
            case "source": metadata.source = try value.string(key)?.trimmed
            case "author": metadata.author = try value.string(key)?.trimmed
            case "published": metadata.published = try value.string(key)?.trimmed
            case "fictional": metadata.fictional = try value.bool(key)
            case "tags": metadata.tags = try value.tags(key)
            case "url":
                guard let url = try value.string(key)?.trimmed else { continue }
                guard URLPolicy.isAllowedLink(url) else {
                    throw BuildError(
                        stage: "load", location: value.location, message: "url must be http, https, mailto or relative, got '\(url)'")
                }
                metadata.url = url
            default:
                throw BuildError(
                    stage: "load", location: value.location, message: "unknown article field '\(key)'",
                    hint: "an article knows title, source, url, author, published, tags and fictional")
            }
        }
        var body = matter.body
        var credits: [String] = []
        if format == .text, let block = CreditsBlock.find(in: matter.body) {
            body = String(body[..<body.unicodeScalars.index(body.unicodeScalars.startIndex, offsetBy: block.start)])
            credits = block.lines
            metadata.source = metadata.source ?? block.source.map(Self.titleCasePublication)
            metadata.reporters = block.reporters
            metadata.contributors = block.contributors
        }
        let stem = Self.stem(entry.name)
        return ArticleSource(
            path: entry.relative, slug: Slug.make(stem), format: format, body: body, bodyStart: matter.bodyOffset,
            bodyLine: matter.bodyLine, metadata: metadata, credits: credits)
    }

    /// The file name without its extension ("2024-05-08-follow-up.txt" → "2024-05-08-follow-up").
    static func stem(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    static func articleFormat(_ name: String) -> ArticleFormat? {
        let lower = name.lowercased()
        if lower.hasSuffix(".txt") { return .text }
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { return .markdown }
        return nil
    }

    // MARK: - Files

    private func readOptional(_ name: String, warnings: inout [BuildWarning]) throws(BuildError) -> String? {
        let url = root.appendingPathComponent(name)
        guard FileSystem.exists(url) else { return nil }
        return try read(FileEntry(path: url.path, name: name, relative: name, isDirectory: false), warnings: &warnings)
    }

    private func read(_ entry: FileEntry, warnings: inout [BuildWarning]) throws(BuildError) -> String {
        guard entry.size <= maxFileSize else {
            throw BuildError(
                stage: "load", location: SourceLocation(file: entry.relative),
                message: "file is \(ByteCount.describe(entry.size)), over the \(ByteCount.describe(maxFileSize)) limit",
                hint: "split it, or raise the limit with --max-file-size")
        }
        let data: Data
        do {
            data = try RawFile.read(entry.path)
        } catch {
            throw BuildError(stage: "load", location: SourceLocation(file: entry.relative), message: "cannot read file: \(error)")
        }
        guard data.count <= maxFileSize else {
            throw BuildError(
                stage: "load", location: SourceLocation(file: entry.relative),
                message: "file is \(ByteCount.describe(data.count)), over the \(ByteCount.describe(maxFileSize)) limit",
                hint: "split it, or raise the limit with --max-file-size")
        }
        let decoded = TextDecoding.decode(data)
        if let problem = decoded.problem {
            warnings.append(BuildWarning(location: SourceLocation(file: entry.relative), message: problem))
        }
        return decoded.text
    }

    private func entries(of folder: URL, relative: String) throws(BuildError) -> [FileEntry] {
        do {
            return try FileSystem.listing(of: folder, root: root, relative: relative)
        } catch let error as BuildError {
            throw error
        } catch {
            throw BuildError(stage: "load", location: SourceLocation(file: relative), message: "cannot list folder: \(error.localizedDescription)")
        }
    }

    private func checkUniqueSlugs(_ briefings: [BriefingEntry]) throws(BuildError) {
        var seen: [String: String] = [:]
        for briefing in briefings {
            let path = briefing.entry.relative
            if let other = seen[briefing.slug] {
                throw BuildError(
                    stage: "load", location: SourceLocation(file: path),
                    message: "'\(path)' and '\(other)' would both be written to briefings/\(briefing.slug)/",
                    hint: "rename one of them")
            }
            seen[briefing.slug] = path
        }
    }

    private func checkUniqueArticleSlugs(_ articles: [ArticleSource]) throws(BuildError) {
        var seen: [String: String] = [:]
        for article in articles {
            if let other = seen[article.slug] {
                throw BuildError(
                    stage: "load", location: SourceLocation(file: article.path),
                    message: "'\(article.path)' and '\(other)' have the same name", hint: "rename one of them")
            }
            seen[article.slug] = article.path
        }
    }

    // MARK: - Names and dates

    /// "2025-02-12-trump-putin-call" → "2025-02-12".
    static func datePrefix(_ name: String) -> String? {
        guard name.count >= 10 else { return nil }
        return isoDate(String(name.prefix(10)))
    }

    /// The `YYYY-MM-DD` date at the start of `text` ("2025-02-12", "2025-02-12T10:00:00Z").
    static func isoDate(_ text: String) -> String? {
        // Nearly every date is written plainly ("2025-02-12"): read from its bytes without building Characters.
        var plain = text
        let fast: String?? = plain.withUTF8 { utf8 -> String?? in
            guard utf8.count == 10, utf8.allSatisfy({ $0 < 0x80 }), utf8[4] == 0x2D, utf8[7] == 0x2D else { return .none }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    guard utf8[index] &- 0x30 < 10 else { return nil }
                    value = value * 10 + Int(utf8[index] - 0x30)
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), (1...12).contains(month),
                day >= 1, day <= daysIn(month: month, year: year)
            else { return .some(nil) }
            return .some(String(decoding: utf8, as: UTF8.self))
        }
        if let fast { return fast }
        let chars = Array(text.trimmed.prefix(10))
        guard chars.count == 10, chars[4] == "-", chars[7] == "-" else { return nil }
        let digits = [0, 1, 2, 3, 5, 6, 8, 9].map { chars[$0] }
        guard digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
            let year = Int(String(chars[0...3])), let month = Int(String(chars[5...6])), let day = Int(String(chars[8...9])),
            (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        return String(chars)
    }

    /// Days in `month` of `year` (Gregorian calendar).
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// "2025-02-12-trump-putin-call" → "Trump putin call".
    static func humanize(_ name: String) -> String {
        var stem = name
        if datePrefix(stem) != nil { stem = String(stem.dropFirst(10)) }
        let words = stem.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " })
        guard let first = words.first else { return name }
        return ([first.prefix(1).uppercased() + first.dropFirst()] + words.dropFirst().map(String.init)).joined(separator: " ")
    }

    /// "The washington post" → "The Washington Post".
    static func titleCasePublication(_ name: String) -> String {
        name.split(separator: " ").map { word in
            let lower = word.lowercased()
            if ["of", "and", "the", "for"].contains(lower), word != name.split(separator: " ").first { return lower }
            return word.prefix(1).uppercased() + word.dropFirst()
        }.joined(separator: " ")
    }
}

/// Human-readable byte counts.
enum ByteCount {
    /// "5 MB", "812 KB", "90 bytes".
    static func describe(_ bytes: Int) -> String {
        if bytes >= 1_000_000 {
            return bytes % 1_000_000 == 0 ? "\(bytes / 1_000_000) MB" : String(format: "%.1f MB", Double(bytes) / 1e6)
        }
        if bytes >= 1_000 { return "\(bytes / 1_000) KB" }
        return "\(bytes) bytes"
    }
}

/// A briefing's files as listed on disk, not yet read.
struct BriefingEntry: Sendable {
    /// The folder or lone article.
    var entry: FileEntry
    /// Output folder name.
    var slug: String
    /// The files that make it: `index.md` and the articles, or the lone article itself.
    var files: [FileEntry]

    /// Changes whenever one of its files is added, removed, resized or modified.
    var stamp: UInt64 {
        var hash = StableHash()
        hash.combine(entry.relative)
        for file in files { file.stamp(into: &hash) }
        return hash.value
    }
}

/// The content folder listed: settings read, briefings found but not read.
struct ContentScan: Sendable {
    var config: SiteConfig
    var registry: ActorRegistry
    var entries: [BriefingEntry]
    /// `site.yml` and `actors.yml`, for their stamps.
    var settingsFiles: [FileEntry]
    var warnings: [BuildWarning]
}
