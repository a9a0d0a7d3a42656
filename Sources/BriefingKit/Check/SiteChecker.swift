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
        problems += LinkChecker(files: files, assets: assetPaths()).check()
        return problems
    }

    private func assetPaths() -> Set<String> {
        let folder = options.templates.appendingPathComponent("assets")
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var paths = Set<String>()
        for case let path as String in enumerator { paths.insert("assets/" + path) }
        return paths
    }
}
