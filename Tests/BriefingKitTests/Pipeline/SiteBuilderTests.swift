import Foundation
import Testing

@testable import BriefingKit

@Suite struct SiteBuilderTests {
    @Test func buildsHomeAndBriefingPages() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        let report = try await site.build()
        #expect(report.briefings == 2)

        let home = try site.page("index.html")
        #expect(home.contains("<title>Fixture Briefings</title>"))
        let river = try #require(home.range(of: "The river dispute"))
        let followUp = try #require(home.range(of: "Brown defends the dam"))
        #expect(followUp.lowerBound < river.lowerBound, "newest briefing first")
        #expect(home.contains("href=\"briefings/2024-05-01-river-dispute/index.html\""))

        let page = try site.page("briefings/2024-05-01-river-dispute/index.html")
        #expect(page.contains("<h1>The river dispute</h1>"))
        #expect(page.contains("href=\"../../assets/style.css\""))
    }

    @Test func quotesShowTheirSpeakerLinkedToTheActorPage() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        _ = try await site.build()
        let page = try site.page("briefings/2024-05-01-river-dispute/index.html")
        #expect(page.contains(
            "<span class=\"quote\" id=\"q-1-1\" tabindex=\"0\">We will not let the river decide for us,</span><span class=\"quote-by\"> — <a href=\"../../actors/alice-brown/index.html\">Alice Brown</a></span>"
        ))
    }

    @Test func articleTextIsEscaped() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        _ = try await site.build()
        let page = try site.page("briefings/2024-05-01-river-dispute/index.html")
        #expect(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; was printed on a protest sign."))
        #expect(!page.contains("<script>alert"))
    }

    @Test func everyInternalLinkIsRelative() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        _ = try await site.build()
        for (path, data) in try site.folder.snapshot("Public") where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for attribute in ["href=\"/", "src=\"/", "href=\"file:", "src=\"file:"] {
                #expect(!html.contains(attribute), "\(path) has an absolute link: \(attribute)")
            }
        }
    }

    @Test func anchoredAnnotationSitsAfterItsPassage() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        let report = try await site.build()
        let page = try site.page("briefings/2024-05-01-river-dispute/index.html")
        let passage = try #require(page.range(of: "<mark class=\"passage\" id=\"passage-1\">the dam would be finished by autumn</mark>"))
        let note = try #require(page.range(of: "<aside class=\"note\" id=\"note-1\""))
        // passage … </p> <aside> … </aside> <p>“We will not let the river…
        let paragraphEnd = try #require(page.range(of: "</p>", range: passage.upperBound..<page.endIndex))
        let noteEnd = try #require(page.range(of: "</aside>", range: note.upperBound..<page.endIndex))
        let nextParagraph = try #require(page.range(of: "<p>“<span class=\"quote\"", range: passage.upperBound..<page.endIndex))
        #expect(paragraphEnd.upperBound <= note.lowerBound)
        #expect(noteEnd.upperBound <= nextParagraph.lowerBound)
        #expect(page.contains("href=\"#note-1\""))
        #expect(page.contains("href=\"#passage-1\""))
        #expect(page.contains("Nobody believes the autumn date"))
        // The blockquote that matches nothing stays inline and is reported with its line.
        #expect(page.contains("This sentence is not in the article at all"))
        let warning = try #require(report.warnings.first { $0.message.contains("matches no passage") })
        #expect(warning.location == SourceLocation(file: "briefings/2024-05-01-river-dispute/index.md", line: 17))
    }

    @Test func rebuildsAreByteIdentical() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        _ = try await site.build()
        let first = try site.folder.snapshot("Public")
        _ = try await site.build()
        let second = try site.folder.snapshot("Public")
        #expect(first.keys.sorted() == second.keys.sorted())
        #expect(first == second)
        #expect(first["briefings/2024-05-01-river-dispute/briefing.json"] != nil)
    }

    @Test func failedBuildLeavesPreviousOutputUntouched() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        _ = try await site.build()
        let before = try site.folder.snapshot("Public")
        try site.folder.write("---\ntitle: [unclosed\n---\nBody\n", to: "Content/briefings/2024-05-01-river-dispute/index.md")
        await #expect(throws: BuildError.self) { try await site.build() }
        #expect(try site.folder.snapshot("Public") == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.folder.url.path).filter { $0.hasPrefix(".Public") }
        #expect(leftovers.isEmpty)
    }

    @Test func goodBuildRemovesStaleFiles() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        _ = try await site.build()
        try FileManager.default.removeItem(at: site.content.appendingPathComponent("briefings/2024-05-08-follow-up.txt"))
        _ = try await site.build()
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("briefings/2024-05-08-follow-up").path))
        #expect(try site.page("index.html").contains("The river dispute"))
    }

    @Test func refusesToOverwriteFoldersItDidNotCreate() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        // The content folder itself.
        var options = site.options
        options.output = site.content
        await #expect(throws: BuildError.self) { try await SiteBuilder(options: options).build() }
        // A non-empty folder of someone else's.
        try site.folder.write("precious", to: "Elsewhere/notes.txt")
        options.output = site.folder.url.appendingPathComponent("Elsewhere")
        await #expect(throws: BuildError.self) { try await SiteBuilder(options: options).build() }
        #expect(try site.folder.read("Elsewhere/notes.txt") == "precious")
        // The parent of the content folder.
        options.output = site.folder.url
        await #expect(throws: BuildError.self) { try await SiteBuilder(options: options).build() }
    }
}
