import Foundation

/// `briefing check`: renders the site in memory and reports what would make it wrong — content errors,
/// annotations that anchor nowhere, templates that fail, internal links and anchors that lead nowhere.
public struct SiteChecker: Sendable {
    /// Where to read.
    public let options: BuildOptions

    /// Creates a checker.
    public init(options: BuildOptions) {
        self.options = options
    }

    /// Every problem found; empty means the site is sound. When content fails to load, the files that fail are
    /// the problems returned (every one of them), since nothing can be checked past them; likewise a template error.
    public func check() async -> [CheckProblem] {
        let rendered: RenderedSite
        do {
            rendered = try await SiteBuilder(options: options).render()
        } catch {
            return error.all.map { error in
                CheckProblem(location: error.location ?? SourceLocation(file: options.content.path), message: error.message)
            }
        }
        var problems = rendered.site.warnings.map { warning in
            CheckProblem(location: warning.location ?? SourceLocation(file: options.content.path), message: warning.message)
        }
        var files: [String: Data] = [:]
        for file in rendered.files { files[file.path] = file.data }
        let commentaries = Dictionary(
            rendered.site.briefings.compactMap { briefing in briefing.source.commentary.map { (PageContext.briefingPath(briefing.slug), $0) } },
            uniquingKeysWith: { first, _ in first })
        for broken in LinkChecker(files: files, assets: assetPaths()).check() {
            problems.append(Self.located(broken, commentary: commentaries[broken.page]))
        }
        return problems
    }

    /// A broken link on a briefing page, reported at the commentary line that writes it when there is one
    /// ("briefings/x/index.md:8"), else at the page.
    static func located(_ broken: LinkChecker.BrokenLink, commentary: CommentarySource?) -> CheckProblem {
        let onPage = CheckProblem(location: SourceLocation(file: broken.page), message: broken.message)
        guard let commentary else { return onPage }
        let written = broken.link.isEmpty ? nil : "(" + broken.link
        let lines = commentary.markdown.split(separator: "\n", omittingEmptySubsequences: false)
        // The schemes cmark's safe mode empties, so an empty link on the page was written with one of them.
        let unsafe = ["javascript:", "vbscript:", "data:", "file:"]
        guard
            let index = lines.firstIndex(where: { line in
                if let written { return line.contains(written) || line.contains("<" + broken.link + ">") }
                let lower = line.lowercased()
                return unsafe.contains { lower.contains("(" + $0) }
            })
        else { return onPage }
        return CheckProblem(
            location: SourceLocation(file: commentary.path, line: commentary.firstLine + index),
            message: broken.message + " (on \(broken.page))")
    }

    private func assetPaths() -> Set<String> {
        let folder = options.templates.appendingPathComponent("assets")
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var paths = Set<String>()
        for case let path as String in enumerator { paths.insert("assets/" + path) }
        return paths
    }
}
