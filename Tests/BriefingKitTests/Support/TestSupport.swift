import Extraction
import Foundation

@testable import BriefingKit

/// Paths of the repository, found from this file's location so tests run from any directory.
enum RepoPaths {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let templates = root.appendingPathComponent("Templates")
    static let content = root.appendingPathComponent("Content")
    static let fixtureSite = root.appendingPathComponent("Tests/BriefingKitTests/Fixtures/Site")
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
}

/// A fresh folder under the system's temporary directory, removed by `remove()`.
struct TempFolder {
    let url: URL

    init(_ label: String = "briefing-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    /// Copies `source` into the folder as `name` and returns its URL.
    func copy(_ source: URL, as name: String) throws -> URL {
        let target = url.appendingPathComponent(name)
        try FileManager.default.copyItem(at: source, to: target)
        return target
    }

    /// Writes `text` to `path` below the folder, creating folders.
    @discardableResult
    func write(_ text: String, to path: String) throws -> URL {
        let target = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: target)
        return target
    }

    /// The text of `path` below the folder.
    func read(_ path: String) throws -> String {
        try String(decoding: Data(contentsOf: url.appendingPathComponent(path)), as: UTF8.self)
    }

    /// Every regular file below `path` with its bytes, by relative path.
    func snapshot(_ path: String) throws -> [String: Data] {
        let base = url.appendingPathComponent(path)
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { return files }
        for case let file as URL in enumerator {
            guard (try file.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            let relative = String(file.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count + 1))
            files[relative] = try Data(contentsOf: file)
        }
        return files
    }
}

/// A copy of the fixture site in a temporary folder, ready to build.
struct FixtureSite {
    let folder: TempFolder
    var content: URL { folder.url.appendingPathComponent("Content") }
    var output: URL { folder.url.appendingPathComponent("Public") }

    init() throws {
        folder = try TempFolder("fixture-site")
        _ = try folder.copy(RepoPaths.fixtureSite, as: "Content")
    }

    var options: BuildOptions {
        BuildOptions(content: content, templates: RepoPaths.templates, output: output)
    }

    func build() async throws -> BuildReport {
        try await SiteBuilder(options: options).build()
    }

    func page(_ path: String) throws -> String {
        try folder.read("Public/" + path)
    }
}

/// A briefing `slug` with one empty article that names `actors`, as extraction would hand it to the assembler.
func oneArticleBriefing(_ slug: String, actors: [ExtractedActor]) -> Briefing {
    let source = BriefingSource(
        slug: slug, path: slug, title: slug, date: nil, summary: nil, tags: [], draft: false, keyPoints: nil, fictional: false,
        commentary: nil, articles: [])
    let article = Article(
        source: ArticleSource(
            path: "\(slug)/a.txt", slug: "a", format: .text, body: "", bodyStart: 0, bodyLine: 1,
            metadata: ArticleMetadata(), credits: []),
        body: "", extraction: ArticleExtraction(title: nil, sentences: [], keyPoints: [], quotes: [], actors: actors),
        actorMap: [:], title: slug)
    return Briefing(source: source, articles: [article], commentary: nil, keyPoints: [])
}
