import Testing

@testable import PreviewServer

@Suite("The injected script")
struct LiveReloadScriptTests {
    func inject(_ html: String) -> String {
        String(decoding: LiveReloadScript.inject(into: Array(html.utf8), build: 7), as: UTF8.self)
    }

    @Test("Goes before the last closing body tag in any case, or at the end without one")
    func placement() {
        let element = LiveReloadScript.element(build: 7)
        #expect(element.hasPrefix("<script data-briefing-live-reload>var __briefingBuild = 7;"))
        #expect(inject("<html><body><p>é</p></body></html>") == "<html><body><p>é</p>\(element)</body></html>")
        #expect(inject("<BODY>x</BODY >") == "<BODY>x\(element)</BODY >")
        // A "</body>" quoted inside the page's text comes before the real one and is left alone.
        #expect(inject("<body><code>&lt;/body></code></body>") == "<body><code>&lt;/body></code>\(element)</body>")
        #expect(inject("<p>fragment") == "<p>fragment\(element)")
        #expect(inject("") == element)
    }

    @Test("Listens on the events path, shows failures through textContent and reconnects")
    func behaviour() {
        let source = LiveReloadScript.source
        #expect(source.contains("new EventSource('/__briefing/events')"))
        #expect(source.contains("location.reload()"))
        #expect(source.contains("textContent = failure.message"))
        #expect(!source.contains("innerHTML"))
        #expect(source.contains("setTimeout(connect"))
        // Inline in a page, the script must not close its own element early.
        #expect(!source.contains("</"))
    }
}
