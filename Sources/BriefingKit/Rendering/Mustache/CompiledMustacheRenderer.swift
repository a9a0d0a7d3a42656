import Foundation

/// Renders `Templates/*.mustache` with our own Mustache implementation: templates are compiled to nodes once, and a
/// page is rendered by appending bytes into one buffer while looking values up in a stack of `TemplateValue`s.
/// Its output is byte for byte swift-mustache's on the default theme, several times faster.
public struct CompiledMustacheRenderer: PageRenderer {
    private let templates: MustacheTemplateSet
    /// Template names (file paths below the folder without `.mustache`, like `partials/header`).
    public let templateNames: Set<String>

    /// Loads and compiles every template below `directory`; a syntax error or a partial that names no template
    /// is reported with its file, line and column.
    public init(directory given: URL) throws(BuildError) {
        // A linked templates folder is read through its target: directory walks do not enter links.
        let directory = given.resolvingSymlinksInPath()
        guard FileSystem.isDirectory(directory) else {
            throw BuildError(
                stage: "templates", location: SourceLocation(file: directory.path), message: "templates folder not found",
                hint: "pass --templates PATH or run 'briefing init' to get the default theme")
        }
        var sources: [String: String] = [:]
        var paths: [String: String] = [:]
        for name in Self.names(in: directory) {
            let path = directory.appendingPathComponent(name + ".mustache").path
            guard let data = FileManager.default.contents(atPath: path) else {
                throw BuildError(stage: "templates", location: SourceLocation(file: path), message: "cannot read template")
            }
            sources[name] = String(decoding: data, as: UTF8.self)
            paths[name] = path
        }
        try self.init(sources: sources, reportsMissingPartials: true) { paths[$0] ?? $0 }
    }

    /// Compiles templates given as text by name; `file` says where each came from, for errors.
    init(
        sources: [String: String], reportsMissingPartials: Bool, file: (String) -> String = { $0 + ".mustache" }
    ) throws(BuildError) {
        var compiled: [String: [MustacheNode]] = [:]
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                compiled[name] = try MustacheParser.parse(text)
            } catch {
                throw BuildError(
                    stage: "templates", location: SourceLocation(file: file(name), line: error.line, column: error.column),
                    message: "template syntax error: \(error.message)")
            }
        }
        templates = MustacheTemplateSet(compiled, reportsMissingPartials: reportsMissingPartials)
        templateNames = templates.names
        if reportsMissingPartials, let missing = templates.missingPartials().first {
            throw BuildError(
                stage: "templates", location: SourceLocation(file: file(missing.template), line: missing.line, column: missing.column),
                message: "partial '\(missing.partial).mustache' not found",
                hint: "add '\(missing.partial).mustache' to the templates folder or fix the name")
        }
    }

    /// Template names below `directory`, found the way swift-mustache finds them, sorted.
    static func names(in directory: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var names: [String] = []
        for case let path as String in enumerator where path.hasSuffix(".mustache") {
            names.append(String(path.dropLast(".mustache".count)))
        }
        return names.sorted()
    }

    /// The templates rendering `name` reads, followed through partials and parents.
    public func templates(readBy name: String) -> Set<String>? {
        templates.dependencies(of: name)
    }

    /// Renders template `name` with `value`; a missing template or partial is an error, never an empty page.
    public func render(_ name: String, _ value: TemplateValue) throws(BuildError) -> String {
        try rendered(name, value).string
    }

    /// The page's bytes, handed over without a copy.
    public func renderData(_ name: String, _ value: TemplateValue) throws(BuildError) -> Data {
        try rendered(name, value).takeData()
    }

    private func rendered(_ name: String, _ value: TemplateValue) throws(BuildError) -> PageBuffer {
        let output: PageBuffer?
        do {
            output = try templates.render(name, value)
        } catch {
            throw BuildError(stage: "render", location: SourceLocation(file: "\(name).mustache"), message: error.message, hint: error.hint)
        }
        guard let output else {
            throw BuildError(stage: "render", message: "template '\(name).mustache' not found", hint: "add it to the templates folder")
        }
        return output
    }
}
