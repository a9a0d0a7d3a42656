import Foundation
import Testing

@testable import BriefingKit

/// Time per page of both renderers on the default theme's `briefing` template, with the view model of the sample
/// site's seed briefing. Run by hand in release, where timings mean something:
///
///     BRIEFING_RENDER_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter RendererBenchmark
@Suite(.enabled(if: ProcessInfo.processInfo.environment["BRIEFING_RENDER_BENCH"] != nil))
struct RendererBenchmark {
    @Test func briefingPage() async throws {
        let folder = try TempFolder("renderer-bench")
        defer { folder.remove() }
        let recorder = PageRecorder()
        let options = BuildOptions(
            content: RepoPaths.content, templates: RepoPaths.templates, output: folder.url.appendingPathComponent("Public"),
            templateEngine: recorder.engine(wrapping: .compiled))
        _ = try await SiteBuilder(options: options).render()
        let briefings = recorder.pages.filter { $0.template == "briefing" }
        let page = try #require(briefings.first { Self.path($0.value).contains("trump-putin-call") })

        let reference = try await MustacheRenderer(directory: RepoPaths.templates)
        let compiled = try CompiledMustacheRenderer(directory: RepoPaths.templates)
        let expected = try reference.render("briefing", page.value)
        #expect(try compiled.render("briefing", page.value) == expected)

        let iterations = Int(ProcessInfo.processInfo.environment["BRIEFING_RENDER_BENCH_N"] ?? "") ?? 1000
        let swiftMustache = try Self.microseconds(iterations) { try reference.render("briefing", page.value) }
        let ours = try Self.microseconds(iterations) { try compiled.render("briefing", page.value) }
        print(
            """
            renderer benchmark: 'briefing' page '\(Self.title(page.value))', \(expected.utf8.count) bytes, \
            \(Self.interpolations(page.value)) values in the model, \(iterations) renders each, median of 5 runs
              swift-mustache \(String(format: "%8.1f", swiftMustache)) µs/page
              compiled       \(String(format: "%8.1f", ours)) µs/page   (\(String(format: "%.1f", swiftMustache / ours))× faster)
            """)
    }

    /// Median over 5 runs of the mean time of one call, after a warm-up.
    private static func microseconds(_ iterations: Int, _ body: () throws -> String) throws -> Double {
        let clock = ContinuousClock()
        var total = 0
        for _ in 0..<max(10, iterations / 20) { total &+= try body().utf8.count }
        var runs: [Double] = []
        for _ in 0..<5 {
            let start = clock.now
            for _ in 0..<iterations { total &+= try body().utf8.count }
            let elapsed = clock.now - start
            runs.append((Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12) / Double(iterations))
        }
        #expect(total > 0)
        return runs.sorted()[runs.count / 2]
    }

    private static func path(_ value: TemplateValue) -> String {
        guard case .object(let fields) = value, case .object(let page)? = fields["page"], case .string(let path)? = page["path"] else {
            return ""
        }
        return path
    }

    private static func title(_ value: TemplateValue) -> String {
        guard case .object(let fields) = value, case .string(let title)? = fields["title"] else { return "" }
        return title
    }

    /// Strings in the model: an upper bound on what the template interpolates.
    private static func interpolations(_ value: TemplateValue) -> Int {
        switch value {
        case .string: return 1
        case .bool: return 0
        case .list(let items): return items.reduce(0) { $0 + interpolations($1) }
        case .object(let object): return object.fields.reduce(0) { $0 + interpolations($1.1) }
        }
    }
}
