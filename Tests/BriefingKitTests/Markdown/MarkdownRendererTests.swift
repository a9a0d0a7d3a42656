import Testing

@testable import BriefingKit

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test func headingsGetUniqueIDs() {
        let rendered = renderer.render("# Who said what?\n\ntext\n\n## Who said what?\n\n## Main\n", reservedIDs: ["main"])
        #expect(rendered.blocks.compactMap(\.headingID) == ["who-said-what", "who-said-what-2", "main-2"])
        #expect(rendered.blocks[0].html == "<h1 id=\"who-said-what\">Who said what?</h1>\n")
    }

    @Test func blockquotesCarryTextAndFileLine() {
        let rendered = renderer.render("Intro.\n\n> First *line*\n> second line\n\nAfter.\n", firstLine: 7)
        let quote = rendered.blocks[1]
        #expect(quote.kind == .blockQuote)
        #expect(quote.text == "First line second line")
        #expect(quote.line == 9)
    }

    @Test func rawHTMLNeverPassesThrough() {
        let html = renderer.render("<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> and <iframe src=x></iframe>\n").html
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<iframe"))
        #expect(html.contains("<!-- raw HTML omitted -->"))
    }

    @Test func dangerousLinksAreEmptied() {
        let html = renderer.render("[a](javascript:alert(1)) [b](JAVASCRIPT:x) [c](data:text/html,hi) [d](https://example.org/)\n").html
        #expect(html == "<p><a href=\"\">a</a> <a href=\"\">b</a> <a href=\"\">c</a> <a href=\"https://example.org/\">d</a></p>\n")
    }

    @Test func smartPunctuation() {
        #expect(renderer.render("\"Quoted\" -- it's...\n").html == "<p>“Quoted” – it’s…</p>\n")
    }
}
