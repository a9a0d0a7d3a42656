import Foundation
import Testing

@testable import BriefingKit

/// swift-mustache (`MustacheRenderer`) is the oracle: on the default theme the compiled renderer must write the
/// same bytes, page for page.
@Suite struct MustacheOracleTests {
    /// Both renderers over the whole fixture site and the sample `Content/`: every file of the build, compared.
    @Test(arguments: ["fixture", "content"])
    func wholeSitesAreByteIdentical(_ site: String) async throws {
        let content = site == "fixture" ? RepoPaths.fixtureSite : RepoPaths.content
        let folder = try TempFolder("mustache-oracle")
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("Public")
        let reference = try await SiteBuilder(
            options: BuildOptions(content: content, templates: RepoPaths.templates, output: output, templateEngine: .swiftMustache)
        ).render()
        let compiled = try await SiteBuilder(
            options: BuildOptions(content: content, templates: RepoPaths.templates, output: output, templateEngine: .compiled)
        ).render()

        #expect(compiled.files.map(\.path) == reference.files.map(\.path))
        let expected = Dictionary(reference.files.map { ($0.path, $0.data) }, uniquingKeysWith: { first, _ in first })
        var compared = 0
        for file in compiled.files where file.path.hasSuffix(".html") {
            let want = String(decoding: expected[file.path] ?? Data(), as: UTF8.self)
            let got = String(decoding: file.data, as: UTF8.self)
            #expect(got == want, "\(file.path) differs at \(Self.firstDifference(got, want))")
            compared += 1
        }
        // Home, 2 briefings, actors, quotes, tags, search and 404: the fixture site alone has 13 pages.
        #expect(compared >= 13)
    }

    /// Every template of the theme, partials and the layout included, rendered directly with the view model of
    /// every page of the fixture site (most of them on a model that was not made for them, which is the point:
    /// missing keys, other shapes).
    @Test func everyTemplateWithEveryFixturePageModel() async throws {
        let folder = try TempFolder("mustache-oracle")
        defer { folder.remove() }
        let recorder = PageRecorder()
        let options = BuildOptions(
            content: RepoPaths.fixtureSite, templates: RepoPaths.templates, output: folder.url.appendingPathComponent("Public"),
            templateEngine: recorder.engine(wrapping: .compiled))
        _ = try await SiteBuilder(options: options).render()

        let reference = try await MustacheRenderer(directory: RepoPaths.templates)
        let compiled = try CompiledMustacheRenderer(directory: RepoPaths.templates)
        #expect(compiled.templateNames == reference.templateNames)
        #expect(compiled.templateNames.contains("partials/briefing-card"))
        let pages = recorder.pages
        #expect(Set(pages.map(\.template)) == ["home", "briefing", "actors", "actor", "quotes", "tags", "tag", "search", "404"])
        for page in pages {
            for name in compiled.templateNames.sorted() {
                let want = try reference.render(name, page.value)
                let got = try compiled.render(name, page.value)
                // A list of objects shown by `{{name}}` prints Swift dictionaries, whose order swift-mustache leaves
                // to hashing (random per process); we sort keys. Such output must match up to that order.
                let same = got == want || (got.contains("&quot;: ") && got.utf8.sorted() == want.utf8.sorted())
                #expect(same, "\(name) with the model of a '\(page.template)' page differs at \(Self.firstDifference(got, want))")
            }
        }
    }

    /// Where two texts part, with a little context, so that a failure says what differs.
    static func firstDifference(_ a: String, _ b: String) -> String {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        var i = 0
        while i < x.count, i < y.count, x[i] == y[i] { i += 1 }
        if i == x.count && i == y.count { return "nowhere" }
        func around(_ bytes: [UInt8]) -> String {
            String(decoding: bytes[max(0, i - 40)..<min(bytes.count, i + 40)], as: UTF8.self).debugDescription
        }
        return "byte \(i): got \(around(x)), want \(around(y))"
    }
}
