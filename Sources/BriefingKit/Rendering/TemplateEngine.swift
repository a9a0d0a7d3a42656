import Foundation

/// Which Mustache implementation renders pages: the compiled one by default, swift-mustache as the reference.
public struct TemplateEngine: Sendable {
    /// The name `BRIEFING_RENDERER` selects it by ("compiled", "swift-mustache").
    public let name: String
    private let load: @Sendable (URL) async throws(BuildError) -> any PageRenderer

    /// Creates an engine that loads its renderer with `load`, e.g. to wrap or record another one.
    public init(name: String, load: @escaping @Sendable (URL) async throws(BuildError) -> any PageRenderer) {
        self.name = name
        self.load = load
    }

    /// `CompiledMustacheRenderer`: our own compiled, typed renderer.
    public static let compiled = TemplateEngine(name: "compiled") { directory throws(BuildError) in
        try CompiledMustacheRenderer(directory: directory)
    }

    /// `MustacheRenderer`: swift-mustache, which the compiled renderer is tested against.
    public static let swiftMustache = TemplateEngine(name: "swift-mustache") { directory throws(BuildError) in
        try await MustacheRenderer(directory: directory)
    }

    /// The engine called `name`; an unknown name fails when templates are loaded, saying which names exist.
    public static func named(_ name: String) -> TemplateEngine {
        switch name {
        case compiled.name, "": return compiled
        case swiftMustache.name: return swiftMustache
        default:
            return TemplateEngine(name: name) { _ throws(BuildError) in
                throw BuildError(
                    stage: "templates", message: "unknown renderer '\(name)' in BRIEFING_RENDERER",
                    hint: "use 'compiled' (the default) or 'swift-mustache'")
            }
        }
    }

    /// The engine `BRIEFING_RENDERER` names, or the compiled one when it is not set.
    public static var fromEnvironment: TemplateEngine {
        named(ProcessInfo.processInfo.environment["BRIEFING_RENDERER"] ?? "")
    }

    /// Loads the templates below `directory` into a renderer.
    public func makeRenderer(directory: URL) async throws(BuildError) -> any PageRenderer {
        try await load(directory)
    }
}
