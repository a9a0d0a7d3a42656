import Foundation
import Testing

@testable import BriefingKit

@Suite struct CompiledMustacheRendererTests {
    /// A renderer over `templates` written to a temporary folder, or the error loading them gave.
    private func load(_ templates: [String: String]) throws -> (Result<CompiledMustacheRenderer, BuildError>, TempFolder) {
        let folder = try TempFolder("compiled-mustache")
        for (name, text) in templates {
            try folder.write(text, to: name + ".mustache")
        }
        do {
            return (.success(try CompiledMustacheRenderer(directory: folder.url)), folder)
        } catch {
            return (.failure(error), folder)
        }
    }

    private func loadError(_ templates: [String: String]) throws -> BuildError? {
        let (result, folder) = try load(templates)
        defer { folder.remove() }
        guard case .failure(let error) = result else { return nil }
        return error
    }

    @Test func namesAreRelativePathsWithoutExtensionAndPartialsResolveByThem() throws {
        let (result, folder) = try load([
            "page": "<h1>{{title}}</h1>\n{{>partials/footer}}", "partials/footer": "<footer>{{site.title}}</footer>\n",
        ])
        defer { folder.remove() }
        let renderer = try result.get()
        #expect(renderer.templateNames == ["page", "partials/footer"])
        let value: TemplateValue = ["title": "News & views", "site": ["title": "Briefings"]]
        #expect(try renderer.render("page", value) == "<h1>News &amp; views</h1>\n<footer>Briefings</footer>\n")
    }

    @Test func aPagesBytesAreItsTextGrownPastTheFirstBufferWithIndentationAndEscapes() throws {
        let (result, folder) = try load([
            "page": "<ul>\n  {{>item}}\n</ul>\n", "item": "{{#items}}<li>{{.}}</li>\n{{/items}}",
        ])
        defer { folder.remove() }
        let renderer = try result.get()
        // 3,000 items of about 30 bytes pass the 64 KB the buffer starts with; "e\u{301}" after a quote mark is
        // one Character that swift-mustache leaves unescaped, so that item takes the Character-wise path.
        let marked = "\"\u{301} & <b>"
        let items = (0..<3_000).map { TemplateValue.string($0 == 7 ? marked : "item \($0) & <b>") }
        let data = try renderer.renderData("page", ["items": .list(items)])
        let text = try renderer.render("page", ["items": .list(items)])
        #expect(data == Data(text.utf8))
        #expect(data.count > 1 << 16)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3_003)
        #expect(lines[0] == "<ul>")
        #expect(lines[1] == "  <li>item 0 &amp; &lt;b&gt;</li>")
        // As in swift-mustache, a standalone partial's indentation goes before the first item only.
        let markedLine = "<li>\"\u{301} &amp; &lt;b&gt;</li>"
        #expect(lines[8] == markedLine)
        #expect(lines[3_000] == "<li>item 2999 &amp; &lt;b&gt;</li>")
        #expect(lines[3_001] == "</ul>")
    }

    @Test func aLinkedTemplatesFolderIsReadThroughItsTarget() throws {
        let (result, folder) = try load(["home": "{{#items}}<li>{{.}}</li>{{/items}}"])
        defer { folder.remove() }
        _ = try result.get()
        let link = folder.url.deletingLastPathComponent().appendingPathComponent("linked-\(UUID().uuidString)")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: folder.url)
        defer { try? FileManager.default.removeItem(at: link) }
        let renderer = try CompiledMustacheRenderer(directory: link)
        #expect(renderer.templateNames == ["home"])
        #expect(try renderer.render("home", ["items": ["a", "b"]]) == "<li>a</li><li>b</li>")
    }

    @Test func aMissingFolderSaysHowToGetATheme() throws {
        let folder = try TempFolder("compiled-mustache")
        defer { folder.remove() }
        #expect {
            try CompiledMustacheRenderer(directory: folder.url.appendingPathComponent("nowhere"))
        } throws: { error in
            (error as? BuildError)?.message == "templates folder not found" && (error as? BuildError)?.hint?.contains("briefing init") == true
        }
    }

    @Test func anUnclosedSectionIsReportedAtItsOpeningTag() throws {
        let error = try #require(try loadError(["broken": "<p>ok</p>\n  {{#items}}\n<li>{{.}}</li>\n"]))
        #expect(error.stage == "templates")
        #expect(error.location?.file.hasSuffix("/broken.mustache") == true)
        #expect(error.location?.line == 2)
        #expect(error.location?.column == 3)
        #expect(error.message == "template syntax error: '{{#items}}' is opened here and never closed (add '{{/items}}')")
    }

    @Test func aWrongClosingTagIsReportedWhereItIs() throws {
        let error = try #require(try loadError(["partials/bad": "{{#a}}\n  x {{/b}}\n"]))
        #expect(error.location?.file.hasSuffix("/partials/bad.mustache") == true)
        #expect(error.location?.line == 2)
        #expect(error.location?.column == 5)
        #expect(error.message == "template syntax error: '{{/b}}' closes section 'a' (opened on line 1), which is still open")
    }

    @Test func anUnfinishedTagIsReported() throws {
        let error = try #require(try loadError(["t": "a {{name b}}"]))
        #expect(error.location?.line == 1)
        #expect(error.location?.column == 3)
        #expect(error.message == "template syntax error: expected '}}' to close the tag 'name', found 'b'")
    }

    @Test func aPartialThatNamesNoTemplateFailsTheLoadWithItsPlace() throws {
        let error = try #require(try loadError(["home": "<main>\n    {{> partials/missing }}\n</main>\n"]))
        #expect(error.stage == "templates")
        #expect(error.location?.file.hasSuffix("/home.mustache") == true)
        #expect(error.location?.line == 2)
        #expect(error.location?.column == 5)
        #expect(error.message == "partial 'partials/missing.mustache' not found")
    }

    @Test func aMissingTemplateAtRenderTimeIsAnErrorNotAnEmptyPage() throws {
        let (result, folder) = try load(["home": "x"])
        defer { folder.remove() }
        let renderer = try result.get()
        #expect {
            try renderer.render("briefing", [:])
        } throws: { error in
            (error as? BuildError)?.stage == "render" && (error as? BuildError)?.message == "template 'briefing.mustache' not found"
        }
    }

    @Test func aDynamicPartialNamingNoTemplateIsAnError() throws {
        let (result, folder) = try load(["home": "[{{>*which}}]", "card": "card"])
        defer { folder.remove() }
        let renderer = try result.get()
        #expect(try renderer.render("home", ["which": "card"]) == "[card]")
        #expect(try renderer.render("home", [:]) == "[]", "no name, nothing to include, as swift-mustache")
        #expect {
            try renderer.render("home", ["which": "ghost"])
        } throws: { error in
            (error as? BuildError)?.message == "partial 'ghost.mustache' not found"
        }
    }

    @Test func aPartialIncludingItselfForeverIsStopped() throws {
        let (result, folder) = try load(["loop": "a{{>loop}}"])
        defer { folder.remove() }
        let renderer = try result.get()
        #expect {
            try renderer.render("loop", [:])
        } throws: { error in
            (error as? BuildError)?.message == "partials nest more than 200 deep at 'loop.mustache'"
        }
    }

    @Test func templatesReadAreFollowedThroughPartialsParentsAndOverrides() throws {
        let renderer = try CompiledMustacheRenderer(
            sources: [
                "page": "{{<layout}}{{$body}}{{#items}}{{>card}}{{/items}}{{/body}}{{/layout}}",
                "layout": "{{>partials/header}}{{$body}}{{/body}}",
                "partials/header": "<h1>{{title}}</h1>",
                "card": "{{^hidden}}{{>partials/tags}}{{/hidden}}",
                "partials/tags": "{{#tags}}{{.}}{{/tags}}",
                "unrelated": "{{>partials/header}}",
                "chooser": "{{>*which}}",
            ], reportsMissingPartials: true)
        #expect(renderer.templates(readBy: "page") == ["page", "layout", "partials/header", "card", "partials/tags"])
        #expect(renderer.templates(readBy: "partials/tags") == ["partials/tags"])
        #expect(renderer.templates(readBy: "unrelated") == ["unrelated", "partials/header"])
        #expect(renderer.templates(readBy: "chooser") == nil, "a dynamic partial could read any template")
    }

    @Test func escapesExactlyTheFiveCharactersSwiftMustacheEscapes() throws {
        let renderer = try CompiledMustacheRenderer(sources: ["t": "{{v}}|{{{v}}}"], reportsMissingPartials: true)
        #expect(try renderer.render("t", ["v": "<a href=\"x\">Tom's & Jerry’s — café</a>"])
            == "&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; Jerry’s — café&lt;/a&gt;|<a href=\"x\">Tom's & Jerry’s — café</a>")
    }

    @Test func engineIsChosenByName() async throws {
        #expect(TemplateEngine.named("").name == "compiled")
        #expect(TemplateEngine.named("compiled").name == "compiled")
        #expect(TemplateEngine.named("swift-mustache").name == "swift-mustache")
        let compiled = try await TemplateEngine.compiled.makeRenderer(directory: RepoPaths.templates)
        #expect(compiled is CompiledMustacheRenderer)
        let reference = try await TemplateEngine.swiftMustache.makeRenderer(directory: RepoPaths.templates)
        #expect(reference is MustacheRenderer)
        await #expect {
            _ = try await TemplateEngine.named("handlebars").makeRenderer(directory: RepoPaths.templates)
        } throws: { error in
            (error as? BuildError)?.message == "unknown renderer 'handlebars' in BRIEFING_RENDERER"
        }
    }
}
