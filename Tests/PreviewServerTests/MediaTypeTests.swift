import Testing

@testable import PreviewServer

@Suite("Content types")
struct MediaTypeTests {
    @Test("Each file kind the site contains has its type; unknown files are bytes")
    func types() {
        let expected = [
            "index.html": "text/html; charset=utf-8", "assets/style.css": "text/css; charset=utf-8",
            "assets/site.js": "text/javascript; charset=utf-8", "b/briefing.json": "application/json", "feed.xml": "application/xml",
            "chart.svg": "image/svg+xml", "a.PNG": "image/png", "photo.jpg": "image/jpeg", "photo.jpeg": "image/jpeg",
            "font.woff2": "font/woff2", "robots.txt": "text/plain; charset=utf-8", "Makefile": "application/octet-stream",
            "archive.tar.gz": "application/octet-stream", "dir.v2/file": "application/octet-stream",
        ]
        for (path, type) in expected {
            #expect(MediaType.of(path) == type, "\(path)")
        }
        #expect(MediaType.isHTML(MediaType.of("x.htm")))
        #expect(!MediaType.isHTML(MediaType.of("x.svg")))
    }
}
