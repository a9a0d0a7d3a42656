import Foundation
import Testing

@testable import PreviewServer

/// Real HTTP against a server on a free loopback port, serving a fresh build of the fixture site.
@Suite("Serving the built site")
struct ServingTests {
    @Test("The home page is the built one, with the reload script added only on the way out")
    func homePage() async throws {
        let site = try await PreviewSite.start()
        let response = try await site.get("/")
        let onDisk = try site.readOutput("index.html")
        await site.stop()

        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "text/html; charset=utf-8")
        #expect(response.header("Cache-Control") == "no-store")
        #expect(response.text.contains("Fixture Briefings"))
        #expect(response.text.contains("The river dispute"))
        #expect(response.text.contains("<script data-briefing-live-reload>var __briefingBuild = 1;"))
        #expect(response.text.contains(LiveReloadScript.eventsPath))
        // The script sits inside the body, right before it closes.
        #expect(response.text.contains("</script></body>"))
        #expect(onDisk.contains("Fixture Briefings"))
        #expect(!onDisk.contains("__briefing"))
        #expect(!onDisk.contains("data-briefing-live-reload"))
    }

    @Test("Each kind of file gets its Content-Type")
    func contentTypes() async throws {
        let site = try await PreviewSite.start()
        let extras: [(String, String)] = [
            ("extra/note.txt", "text/plain; charset=utf-8"), ("extra/logo.svg", "image/svg+xml"), ("extra/photo.png", "image/png"),
            ("extra/photo.jpg", "image/jpeg"), ("extra/font.woff2", "font/woff2"), ("extra/data.json", "application/json"),
        ]
        try FileManager.default.createDirectory(at: site.output.appendingPathComponent("extra"), withIntermediateDirectories: true)
        for (path, _) in extras { try Data("x".utf8).write(to: site.output.appendingPathComponent(path)) }
        let built: [(String, String)] = [
            ("/assets/style.css", "text/css; charset=utf-8"), ("/assets/site.js", "text/javascript; charset=utf-8"),
            ("/briefings/\(PreviewSite.slug)/briefing.json", "application/json"), ("/feed.xml", "application/xml"),
        ]
        var answers: [String: (Int, String?, String)] = [:]
        for (path, _) in built + extras.map({ ("/" + $0.0, $0.1) }) {
            let response = try await site.get(path)
            answers[path] = (response.status, response.header("Content-Type"), response.text)
        }
        await site.stop()

        for (path, type) in built + extras.map({ ("/" + $0.0, $0.1) }) {
            #expect(answers[path]?.0 == 200, "\(path)")
            #expect(answers[path]?.1 == type, "\(path)")
            // Only HTML gets the script.
            #expect(answers[path]?.2.contains("data-briefing-live-reload") == false, "\(path)")
        }
        #expect(answers["/briefings/\(PreviewSite.slug)/briefing.json"]?.2.contains("\"title\"") == true)
        #expect(answers["/feed.xml"]?.2.contains("<feed") == true)
    }

    @Test("A folder serves its index.html; without its slash it redirects so relative links resolve")
    func folders() async throws {
        let site = try await PreviewSite.start()
        let page = try await site.get(PreviewSite.page)
        let bare = try await site.get(String(PreviewSite.page.dropLast()))
        let explicit = try await site.get(PreviewSite.page + "index.html")
        await site.stop()

        #expect(page.status == 200)
        #expect(page.text.contains("The river dispute"))
        #expect(page.text.contains("Nobody believes the autumn date"))
        #expect(bare.status == 302)
        #expect(bare.header("Location") == PreviewSite.page)
        #expect(explicit.status == 200)
        #expect(explicit.text == page.text)
    }

    @Test("A missing page is the site's 404.html with status 404")
    func missing() async throws {
        let site = try await PreviewSite.start()
        let response = try await site.get("/briefings/no-such-briefing/")
        let page = try site.readOutput("404.html")
        await site.stop()

        #expect(response.status == 404)
        #expect(response.header("Content-Type") == "text/html; charset=utf-8")
        #expect(response.text.contains("data-briefing-live-reload"))
        // The site's own page, not a stock one: its text with the script added.
        #expect(response.text == String(decoding: LiveReloadScript.inject(into: Array(page.utf8), build: 1), as: UTF8.self))
    }

    @Test("HEAD has the headers and no body; other methods are refused")
    func methods() async throws {
        let site = try await PreviewSite.start()
        let head = try await site.get("/", method: "HEAD")
        let post = try await site.get("/", method: "POST")
        await site.stop()

        #expect(head.status == 200)
        #expect(head.header("Content-Type") == "text/html; charset=utf-8")
        #expect(head.body.isEmpty)
        #expect(post.status == 405)
        #expect(post.header("Allow") == "GET, HEAD")
    }

    @Test("Stopping returns from run and leaves the built site in place")
    func stopKeepsTheSite() async throws {
        let site = try await PreviewSite.start()
        await site.stopKeepingFiles()
        let index = try site.readOutput("index.html")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.folder.path).sorted()
        try? FileManager.default.removeItem(at: site.folder)

        #expect(index.contains("Fixture Briefings"))
        #expect(leftovers.contains("Content") && leftovers.contains("Public"))
        // No staging or retired copy of the output folder is left behind.
        #expect(!leftovers.contains { $0.contains(".building-") || $0.contains(".old-") })
        #expect(await (try? RawHTTP.request("/", port: site.port)) == nil)
    }
}
