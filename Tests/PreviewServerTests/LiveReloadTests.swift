import Foundation
import Testing

@testable import PreviewServer

/// Edits on disk reach open pages: a good save rebuilds and sends `reload`, a broken one sends the error
/// and leaves the last good site in place, and the next good save recovers.
@Suite("Rebuilding and reloading")
struct LiveReloadTests {
    @Test("A commentary edit rebuilds the page and sends a reload event")
    func editReloads() async throws {
        let site = try await PreviewSite.start()
        let events = try EventStreamClient(port: site.port)
        let hello = await events.next { $0.name == "hello" }
        let original = try site.readContent(PreviewSite.commentary)
        try site.writeContent(PreviewSite.commentary, original + "\nA freshly saved remark about the sluice gates.\n")
        let reload = await events.next { $0.name == "reload" }
        let page = try await site.get(PreviewSite.page)
        let onDisk = try site.readOutput("briefings/\(PreviewSite.slug)/index.html")
        events.close()
        let log = site.log
        await site.stop()

        #expect(events.head.contains("text/event-stream"))
        #expect(events.head.contains("no-store"))
        #expect(hello?.json["build"] as? Int == 1)
        #expect(hello?.json["failure"] == nil)
        #expect(reload?.json["build"] as? Int == 2)
        #expect(page.text.contains("A freshly saved remark about the sluice gates."))
        // The page knows the build it came from, so it can tell when it missed one.
        #expect(page.text.contains("var __briefingBuild = 2;"))
        #expect(onDisk.contains("A freshly saved remark about the sluice gates."))
        #expect(!onDisk.contains("data-briefing-live-reload"))
        #expect(log.contains { $0.hasPrefix("Rebuilt in ") && $0.contains("index.md changed") && $0.hasSuffix("reloading 1 page") })
    }

    @Test("A broken edit sends the error naming the file, keeps the last good page, and the next good edit recovers")
    func brokenEditThenFix() async throws {
        let site = try await PreviewSite.start()
        let events = try EventStreamClient(port: site.port)
        _ = await events.next { $0.name == "hello" }
        let good = try site.readContent(PreviewSite.commentary)
        let before = try await site.get(PreviewSite.page)

        // Front matter opened and never closed.
        try site.writeContent(PreviewSite.commentary, "---\ntitle: Broken <script>alert(1)</script>\n\nNo closing line.\n")
        let failed = await events.next { $0.name == "build-error" }
        let during = try await site.get(PreviewSite.page)
        // A page opened now is greeted with the failure, so it shows the overlay at once.
        let latecomer = try EventStreamClient(port: site.port)
        let greeting = await latecomer.next { $0.name == "hello" }
        latecomer.close()

        try site.writeContent(PreviewSite.commentary, good + "\nRecovered after the broken save.\n")
        let reload = await events.next { $0.name == "reload" }
        let after = try await site.get(PreviewSite.page)
        events.close()
        let log = site.log
        await site.stop()

        let failure = failed?.json ?? [:]
        #expect(failure["file"] as? String == PreviewSite.commentary)
        #expect(failure["line"] as? Int == 1)
        #expect((failure["message"] as? String)?.contains("never closed") == true)
        #expect((failure["text"] as? String)?.hasPrefix("\(PreviewSite.commentary):1") == true)
        // The event is one JSON line: markup in the broken file arrives as text for textContent, never as HTML.
        #expect(failed?.data.contains("\n") == false)
        #expect(during.status == 200)
        #expect(during.text == before.text)
        #expect((greeting?.json["failure"] as? [String: Any])?["file"] as? String == PreviewSite.commentary)
        #expect(reload != nil)
        #expect(after.text.contains("Recovered after the broken save."))
        #expect(log.contains { $0.contains("\(PreviewSite.commentary):1") && $0.contains("error:") })
        #expect(log.contains { $0.hasPrefix("Build failed") && $0.contains("still serving the last good build") })
    }

    @Test("A burst of saves builds once")
    func burstBuildsOnce() async throws {
        let site = try await PreviewSite.start()
        let events = try EventStreamClient(port: site.port)
        _ = await events.next { $0.name == "hello" }
        let original = try site.readContent(PreviewSite.commentary)
        // Several saves and editor droppings well inside one quiet period.
        for round in 1...3 { try site.writeContent(PreviewSite.commentary, original + "\nSave number \(round).\n") }
        try site.writeContent("briefings/\(PreviewSite.slug)/.index.md.swp", "swap")
        try site.writeContent("briefings/\(PreviewSite.slug)/index.md~", "backup")
        let reload = await events.next { $0.name == "reload" }
        let page = try await site.get(PreviewSite.page)
        // Proof that nothing else is pending: a later edit is build 3, not 4.
        try site.writeContent(PreviewSite.commentary, original + "\nThe final save.\n")
        let next = await events.next { $0.name == "reload" && ($0.json["build"] as? Int ?? 0) > 2 }
        events.close()
        await site.stop()

        #expect(reload?.json["build"] as? Int == 2)
        #expect(page.text.contains("Save number 3."))
        #expect(next?.json["build"] as? Int == 3)
    }

    @Test("A new article file is picked up")
    func newFile() async throws {
        let site = try await PreviewSite.start()
        let events = try EventStreamClient(port: site.port)
        _ = await events.next { $0.name == "hello" }
        try site.writeContent(
            "briefings/2024-06-02-harbour-vote.txt", "The harbour council voted on Tuesday to dredge the channel.\n")
        let reload = await events.next { $0.name == "reload" }
        let home = try await site.get("/")
        events.close()
        await site.stop()

        #expect(reload != nil)
        #expect(home.text.contains("harbour"))
    }
}
