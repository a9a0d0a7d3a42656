import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@testable import BriefingKit

/// Text written by others reaches pages, feeds, JSON and scripts only as inert text.
@Suite struct HostileInputTests {
    private static let hostileCommentary = """
        ---
        title: "<script>alert(1)</script> & \\"quotes\\""
        summary: "</title><script>alert(2)</script>"
        tags: ["<b>bold</b>", "x\\" onmouseover=\\"alert(3)"]
        ---
        <script>alert(4)</script>

        Text <img src=x onerror=alert(5)> and <iframe src="javascript:alert(6)"></iframe>.

        [a](javascript:alert(7)) [b](JaVaScRiPt:alert(8)) [c](data:text/html,<script>alert(9)</script>) [d](vbscript:x)

        > the council said

        <svg onload=alert(10)>
        """

    private static let hostileArticle = """
        The council said </script><script>alert(11)</script> was fine.
        “<img src=x onerror=alert(12)> is what we saw,” Mayor Ada Stone said.
        """

    @Test func nothingHostileReachesAnyOutputAsMarkup() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        try site.folder.write(Self.hostileCommentary, to: "Content/briefings/2024-06-01-hostile/index.md")
        try site.folder.write(Self.hostileArticle, to: "Content/briefings/2024-06-01-hostile/a.txt")
        _ = try await site.build()
        let files = try site.folder.snapshot("Public")
        for (path, data) in files {
            let text = try #require(String(data: data, encoding: .utf8), "\(path) is valid UTF-8")
            if path.hasSuffix(".json") || (path.hasSuffix(".js") && !path.hasPrefix("assets/")) {
                // Inside JSON and scripts, text stays text as long as no "<" can open a tag or end the script.
                #expect(!text.contains("<"), "\(path) contains a raw <")
            }
            if path.hasSuffix(".html") {
                let lower = text.lowercased()
                for needle in ["<script>alert", "<img", "<iframe", "<svg onload", "href=\"javascript", "href=\"vbscript", "href=\"data:text", "src=\"javascript"] {
                    #expect(!lower.contains(needle), "\(path) contains \(needle)")
                }
            }
            if path.hasSuffix(".html") {
                // Our own scripts are the only ones.
                let scripts = text.components(separatedBy: "<script").count - 1
                let ours = text.components(separatedBy: "<script src=\"").count - 1
                #expect(scripts == ours, "\(path) has an inline script")
                #expect(!text.contains("onmouseover=\"alert"), "\(path) has an injected attribute")
            }
        }
        let page = try site.page("briefings/2024-06-01-hostile/index.html")
        #expect(page.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;</h1>"))
        #expect(page.contains("&lt;img src=x onerror=alert(12)&gt; is what we saw,"))
        // JSON parses and keeps the text as text.
        let json = try #require(files["briefings/2024-06-01-hostile/briefing.json"])
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(object["title"] as? String == "<script>alert(1)</script> & \"quotes\"")
        // The feed is well-formed XML carrying the title as text.
        let feed = try #require(files["feed.xml"])
        let parser = XMLParser(data: feed)
        #expect(parser.parse(), "feed.xml is well-formed")
        #expect(String(decoding: feed, as: UTF8.self).contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;</title>"))
        // The search index is a script: no "</script>" or "<" that could end it early.
        let index = files.filter { $0.key.hasPrefix("search/index-") }.values.map { String(decoding: $0, as: UTF8.self) }.joined()
        #expect(index.contains("[\"briefing\","))
        #expect(!index.contains("<"))
        #expect(index.contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"))
    }

    @Test func malformedFrontMatterFailsWithItsLineAndWritesNothing() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        try site.folder.write("---\ntitle: ok\ndate: [2024\n---\nBody\n", to: "Content/briefings/2024-06-02-bad/index.md")
        await #expect {
            try await site.build()
        } throws: { error in
            guard let error = error as? BuildError, let location = error.location else { return false }
            return location.file == "briefings/2024-06-02-bad/index.md" && location.line == 4 && location.column != nil
        }
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func wrongTypeInFrontMatterNamesItsLine() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        try site.folder.write("---\ntitle: ok\ndraft: sometimes\n---\nBody\n", to: "Content/briefings/2024-06-02-bad/index.md")
        await #expect {
            try await site.build()
        } throws: { error in
            guard let error = error as? BuildError else { return false }
            return error.location?.line == 3 && error.message == "'draft' must be true or false"
        }
    }

    @Test func pathologicalMarkdownFailsTheBuildAndKeepsTheOldSite() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        _ = try await site.build()
        let before = try site.folder.snapshot("Public")
        try site.folder.write(
            "---\ntitle: slow\n---\n" + String(repeating: "![[]()", count: 40_000), to: "Content/briefings/2024-06-03-slow/index.md")
        var options = site.options
        options.markdownTimeLimit = .milliseconds(300)
        await #expect {
            try await SiteBuilder(options: options).build()
        } throws: { error in
            guard let error = error as? BuildError else { return false }
            return error.location?.file == "briefings/2024-06-03-slow/index.md" && error.message.contains("0.3 s limit")
        }
        #expect(try site.folder.snapshot("Public") == before)
    }

    @Test func degenerateArticlesBuildWithValidOffsets() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        let longLine = String(repeating: "The council met again and nothing changed. ", count: 24_000)  // about 1 MB, one line
        // 11,000 quote marks: 3,000 balanced quotations, then 5,000 stray straight marks on the same line.
        let marks = String(repeating: "“We will go,” she said. ", count: 3_000) + String(repeating: "\"", count: 5_000)
        var broken = Array("Bad bytes \u{201C}here\u{201D}, Mayor Ada Stone said.\r\n".utf8)
        broken.insert(0xC3, at: 3)
        try site.folder.write(longLine, to: "Content/briefings/2024-06-04-long.txt")
        try site.folder.write(marks, to: "Content/briefings/2024-06-05-marks.txt")
        try Data(broken).write(to: site.content.appendingPathComponent("briefings/2024-06-06-broken.txt"))
        let report = try await site.build()
        #expect(report.warnings.contains { $0.location?.file == "briefings/2024-06-06-broken.txt" && $0.message.contains("U+FFFD") })
        for slug in ["2024-06-04-long", "2024-06-05-marks", "2024-06-06-broken"] {
            let data = try Data(contentsOf: site.output.appendingPathComponent("briefings/\(slug)/briefing.json"))
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let document = try #require((json["documents"] as? [[String: Any]])?.first)
            let fileData = try Data(contentsOf: site.content.appendingPathComponent("briefings/\(slug).txt"))
            let scalars = Array(TextDecoding.decode(fileData).text.unicodeScalars)
            for quote in document["quotes"] as? [[String: Any]] ?? [] {
                let start = try #require(quote["start"] as? Int)
                let end = try #require(quote["end"] as? Int)
                #expect(0 <= start && start <= end && end <= scalars.count)
                #expect(String(String.UnicodeScalarView(scalars[start..<end])) == quote["text"] as? String)
            }
            for sentence in document["sentences"] as? [[Int]] ?? [] {
                #expect(sentence.count == 2 && 0 <= sentence[0] && sentence[0] <= sentence[1] && sentence[1] <= scalars.count)
            }
        }
        let marksJSON = try Data(contentsOf: site.output.appendingPathComponent("briefings/2024-06-05-marks/briefing.json"))
        let quotes = ((try JSONSerialization.jsonObject(with: marksJSON) as? [String: Any])?["documents"] as? [[String: Any]])?.first?["quotes"] as? [[String: Any]]
        #expect((quotes?.count ?? 0) >= 3_000)
    }
}
