import Foundation
import Mustache

/// Renders `Templates/*.mustache` with swift-mustache. Templates are loaded once; view models are handed
/// over as dictionaries and arrays, which swift-mustache reads without `Mirror`.
public struct MustacheRenderer: PageRenderer {
    private let library: MustacheLibrary
    /// Template names (file paths below the folder without `.mustache`).
    public let templateNames: Set<String>

    /// Loads every template below `directory`.
    public init(directory given: URL) async throws(BuildError) {
        // A linked templates folder is read through its target: directory walks do not enter links.
        let directory = given.resolvingSymlinksInPath()
        guard FileSystem.isDirectory(directory) else {
            throw BuildError(
                stage: "templates", location: SourceLocation(file: directory.path), message: "templates folder not found",
                hint: "pass --templates PATH or run 'briefing init' to get the default theme")
        }
        do {
            library = try await MustacheLibrary(directory: directory.path)
        } catch let error as MustacheLibrary.ParserError {
            throw BuildError(
                stage: "templates",
                location: SourceLocation(
                    file: directory.appendingPathComponent(error.filename).path, line: error.context.lineNumber,
                    column: error.context.columnNumber),
                message: "template syntax error: \(error.error)")
        } catch {
            throw BuildError(stage: "templates", location: SourceLocation(file: directory.path), message: "cannot load templates: \(error)")
        }
        templateNames = Self.names(in: directory)
    }

    public func render(_ name: String, _ value: TemplateValue) throws(BuildError) -> String {
        guard let output = library.render(Self.bridge(value), withTemplate: name) else {
            throw BuildError(stage: "render", message: "template '\(name).mustache' not found", hint: "add it to the templates folder")
        }
        return output
    }

    /// Template names below `directory`, as swift-mustache registers them.
    static func names(in directory: URL) -> Set<String> {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var names = Set<String>()
        for case let path as String in enumerator where path.hasSuffix(".mustache") {
            names.insert(String(path.dropLast(".mustache".count)))
        }
        return names
    }

    private static func bridge(_ value: TemplateValue) -> Any {
        switch value {
        case .string(let text): return text
        case .bool(let flag): return flag
        case .list(let items): return items.map(bridge)
        case .object(let object):
            var fields: [String: Any] = [:]
            for (key, value) in object.fields { fields[key] = bridge(value) }
            return fields
        }
    }
}
