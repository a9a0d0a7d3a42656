import Foundation

@testable import BriefingKit

/// Records the view model of every page a build renders, so that tests can render them again with any renderer.
final class PageRecorder: @unchecked Sendable {
    struct Page: Sendable {
        let template: String
        let value: TemplateValue
    }

    private let lock = NSLock()
    private var recorded: [Page] = []

    /// The pages rendered so far, in the order they were rendered.
    var pages: [Page] {
        lock.withLock { recorded }
    }

    /// An engine that renders with `engine` and records what it was asked to render.
    func engine(wrapping engine: TemplateEngine) -> TemplateEngine {
        TemplateEngine(name: "recording \(engine.name)") { directory throws(BuildError) in
            Recording(inner: try await engine.makeRenderer(directory: directory), recorder: self)
        }
    }

    fileprivate func record(_ page: Page) {
        lock.withLock { recorded.append(page) }
    }

    private struct Recording: PageRenderer {
        let inner: any PageRenderer
        let recorder: PageRecorder

        var templateNames: Set<String> { inner.templateNames }

        func render(_ name: String, _ value: TemplateValue) throws(BuildError) -> String {
            recorder.record(Page(template: name, value: value))
            return try inner.render(name, value)
        }
    }
}
