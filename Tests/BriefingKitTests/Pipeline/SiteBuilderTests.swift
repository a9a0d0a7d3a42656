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

    @Test func whosWhoShowsRolesAndLeavesAnActorWithoutRolesBlank() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        _ = try await site.build()
        let page = try site.page("briefings/2024-05-01-river-dispute/index.html")
        #expect(page.contains("<a href=\"../../actors/alice-brown/index.html\">Alice Brown</a></td><td>Person</td><td>Mayor</td>"))
        #expect(page.contains("<a href=\"../../actors/lowtown/index.html\">Lowtown</a></td><td>Other</td><td></td>"))
        #expect(!page.contains("<td>false</td>"))
    }

    @Test func anOutputInFoldersThatDoNotExistYetIsCreated() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        var options = site.options
        options.output = site.folder.url.appendingPathComponent("deploy/www/Public")
        _ = try await SiteBuilder(options: options).build()
        let home = try String(contentsOf: options.output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains("<title>Fixture Briefings</title>"))
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
        #expect(page.contains("href=\"#commentary-note-1\""))
        #expect(page.contains("<div class=\"commentary-note\" id=\"commentary-note-1\">"))
        #expect(page.components(separatedBy: "Nobody believes the autumn date").count == 3, "in the commentary and beside the passage")
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

    @Test func aBrokenTemplateIsReportedBeforeBrokenContent() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        let templates = try site.folder.copy(RepoPaths.templates.resolvingSymlinksInPath(), as: "Theme")
        try site.folder.write("{{#unclosed}}\n", to: "Theme/home.mustache")
        try site.folder.write("---\ntitle: [unclosed\n---\nBody\n", to: "Content/briefings/2024-05-01-river-dispute/index.md")
        var options = site.options
        options.templates = templates
        await #expect {
            try await SiteBuilder(options: options).build()
        } throws: { error in
            (error as? BuildError)?.location?.file.hasSuffix("home.mustache") == true
        }
        // With the template mended, the content's error is the one reported.
        try FileManager.default.removeItem(at: templates.appendingPathComponent("home.mustache"))
        _ = try site.folder.copy(RepoPaths.templates.resolvingSymlinksInPath().appendingPathComponent("home.mustache"), as: "Theme/home.mustache")
        await #expect {
            try await SiteBuilder(options: options).build()
        } throws: { error in
            (error as? BuildError)?.location?.file.hasSuffix("index.md") == true
        }
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

@Suite struct SitePagesTests {
    @Test func personNamedDifferentlyInTwoBriefingsHasOneActorPage() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        _ = try await site.build()
        // "Alice Brown" in the river briefing, "Brown" alone in the follow-up.
        let page = try site.page("actors/alice-brown/index.html")
        #expect(page.contains("<h1>Alice Brown</h1>"))
        #expect(page.contains("href=\"../../briefings/2024-05-01-river-dispute/index.html\">The river dispute</a>"))
        #expect(page.contains("href=\"../../briefings/2024-05-08-follow-up/index.html\">Brown defends the dam</a>"))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("actors/brown").path))
        // Her quotes from both briefings, each linking to its place.
        #expect(page.contains("href=\"../../briefings/2024-05-01-river-dispute/index.html#q-1-1\">“We will not let the river decide for us,”</a>"))
        #expect(page.contains("href=\"../../briefings/2024-05-08-follow-up/index.html#q-1-1\">“The work is on schedule,”</a>"))
    }

    @Test func quotesIndexGroupsBySpeakerAndLinksToEachQuote() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        _ = try await site.build()
        let page = try site.page("quotes/index.html")
        let brown = try #require(page.range(of: "<a href=\"../actors/alice-brown/index.html\">Alice Brown</a> <span class=\"count\">2</span>"))
        let green = try #require(page.range(of: "<a href=\"../actors/tom-green/index.html\">Tom Green</a> <span class=\"count\">1</span>"))
        #expect(brown.lowerBound < green.lowerBound, "most quoted speaker first")
        #expect(page.contains("href=\"../briefings/2024-05-01-river-dispute/index.html#q-1-2\">“It is a bad plan,”</a>"))
    }

    @Test func searchIndexHoldsQuotesActorsAndBriefings() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        _ = try await site.build()
        let names = try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent("search").path)
            .filter { $0.hasPrefix("index-") }
        let scripts = try (1...names.count).map { try site.page("search/index-\($0).js") }
        for script in scripts {
            #expect(script.hasPrefix("window.BRIEFING_SEARCH_INDEX = (window.BRIEFING_SEARCH_INDEX || []).concat(["))
            #expect(script.hasSuffix("]);\n"))
        }
        #expect(scripts[0].contains("[\"briefing\",\"Brown defends the dam\","))
        let all = scripts.joined()
        #expect(all.contains(
            "[\"quote\",\"Alice Brown · The river dispute\",\"We will not let the river decide for us,\",\"briefings/2024-05-01-river-dispute/index.html#q-1-1\"]"))
        #expect(all.contains("[\"actor\",\"Tom Green\","))
        // Briefings, then actors, then quotes: the order the rows had as one script.
        let firstActor = try #require(all.range(of: "[\"actor\","))
        let firstQuote = try #require(all.range(of: "[\"quote\","))
        #expect(try #require(all.range(of: "[\"briefing\",", options: .backwards)).lowerBound < firstActor.lowerBound)
        #expect(try #require(all.range(of: "[\"actor\",", options: .backwards)).lowerBound < firstQuote.lowerBound)
        // The article's <script> text is escaped inside the JSON too.
        #expect(!all.contains("<script>"))
        let page = try site.page("search/index.html")
        let tags = (1...names.count).map { "<script src=\"index-\($0).js\"></script>" }
        #expect(page.contains(tags.joined(separator: "\n") + "\n<script src=\"../assets/search.js\"></script>"))
        #expect(!page.contains("type=\"module\""))
    }

    @Test func searchPageOfAnOlderThemeIsReported() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        _ = try site.folder.copy(RepoPaths.templates.resolvingSymlinksInPath(), as: "Templates")
        let search = "Templates/search.mustache"
        let current = try site.folder.read(search)
        let scripts = "{{#indexScripts}}\n<script src=\"{{src}}\"></script>\n{{/indexScripts}}\n"
        #expect(current.contains(scripts))
        try site.folder.write(current.replacingOccurrences(of: scripts, with: "<script src=\"search-index.js\"></script>\n"), to: search)
        var options = site.options
        options.templates = site.folder.url.appendingPathComponent("Templates")
        let report = try await SiteBuilder(options: options).build()
        let warning = try #require(report.warnings.first { $0.message.contains("search-index.js") })
        #expect(warning.location?.file.hasSuffix("Templates/search.mustache") == true)
        let line = try #require(warning.location?.line)
        #expect(current.components(separatedBy: "\n")[line - 1].contains("{{#indexScripts}}"), "the line the old script tag replaced")
        // The default theme draws no such warning.
        #expect(try await site.build().warnings.allSatisfy { !$0.message.contains("search-index.js") })
    }

    @Test func tagPagesAndFeed() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        _ = try await site.build()
        let water = try site.page("tags/water/index.html")
        #expect(water.contains("The river dispute") && water.contains("Brown defends the dam"))
        let local = try site.page("tags/local-politics/index.html")
        #expect(local.contains("The river dispute") && !local.contains("Brown defends the dam"))
        let feed = try site.page("feed.xml")
        #expect(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""))
        #expect(feed.contains("<updated>2024-05-08T00:00:00Z</updated>"))
        #expect(feed.contains("<title>The river dispute</title>"))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("sitemap.xml").path), "no baseURL, no sitemap")
    }

    @Test func sitemapAndAbsoluteFeedLinksWithBaseURL() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        try site.folder.write("title: Fixture Briefings\nbaseURL: https://example.org/briefs\n", to: "Content/site.yml")
        _ = try await site.build()
        let sitemap = try site.page("sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/briefs/briefings/2024-05-01-river-dispute/index.html</loc>"))
        #expect(!sitemap.contains("404.html"))
        let feed = try site.page("feed.xml")
        #expect(feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.org/briefs/feed.xml\"/>"))
        #expect(try site.page("404.html").contains("href=\"https://example.org/briefs/index.html\""))
    }

    @Test func briefingJSONFollowsTheExtractionContract() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        _ = try await site.build()
        let data = try Data(contentsOf: site.output.appendingPathComponent("briefings/2024-05-08-follow-up/briefing.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let documents = try #require(json["documents"] as? [[String: Any]])
        let quote = try #require((documents.first?["quotes"] as? [[String: Any]])?.first)
        #expect(quote["speaker"] as? String == "Alice Brown")
        #expect(quote["speakerId"] as? String == "alice-brown")
        // Offsets count from the start of the file, front matter included.
        let file = try String(decoding: Data(contentsOf: site.content.appendingPathComponent("briefings/2024-05-08-follow-up.txt")), as: UTF8.self)
        let scalars = Array(file.unicodeScalars)
        let start = try #require(quote["start"] as? Int)
        let end = try #require(quote["end"] as? Int)
        #expect(String(String.UnicodeScalarView(scalars[start..<end])) == "The work is on schedule,")
        // Actors carry the site's ids and names, and their mentions count from the start of the file too.
        let actors = try #require(documents.first?["actors"] as? [[String: Any]])
        let brown = try #require(actors.first { $0["id"] as? String == "alice-brown" })
        #expect(brown["name"] as? String == "Alice Brown")
        let mention = try #require((brown["mentions"] as? [[Int]])?.first)
        #expect(String(String.UnicodeScalarView(scalars[mention[0]..<mention[1]])) == "Brown")
    }
}

@Suite struct BriefingTitleTests {
    @Test func aLoneArticleWithoutFrontMatterIsTitledByItsHeadline() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        try site.folder.write(
            "Council approves the new dam budget\n\nLOWTOWN — The council approved the budget on Tuesday. “It is done,” Mayor Alice Brown said.\n",
            to: "Content/briefings/2024-05-09-budget.txt")
        try site.folder.write("Some words without a headline, said nobody in particular, on a day.\n", to: "Content/briefings/2024-05-10-plain-note.txt")
        _ = try await site.build()
        #expect(try site.page("briefings/2024-05-09-budget/index.html").contains("<h1>Council approves the new dam budget</h1>"))
        #expect(try site.page("briefings/2024-05-10-plain-note/index.html").contains("<h1>Plain note</h1>"))
    }
}

@Suite struct KeyPointChoiceTests {
    private func keyPoints(in page: String) throws -> [String] {
        let start = try #require(page.range(of: "<ul class=\"key-points\">"))
        let end = try #require(page[start.upperBound...].range(of: "</ul>"))
        return page[start.upperBound..<end.lowerBound].components(separatedBy: "<li>").dropFirst().map {
            $0.replacingOccurrences(of: "</li>", with: "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    @Test func extractedKeyPointsAreWholeSentencesOfTheArticle() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        _ = try await site.build()
        let points = try keyPoints(in: site.page("briefings/2024-05-01-river-dispute/index.html"))
        // The fixture article has five sentences, so all five are chosen, each whole and escaped.
        #expect(points.sorted() == [
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; was printed on a protest sign.",
            "Mayor Alice Brown said on Monday that the dam would be finished by autumn.",
            "The council of Lowtown voted against the plan.",
            "“It is a bad plan,” said Tom Green, a farmer from Lowtown.",
            "“We will not let the river decide for us,” Alice Brown said.",
        ])
    }

    @Test func keyPointsInFrontMatterReplaceTheExtractedOnes() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        let index = "Content/briefings/2024-05-01-river-dispute/index.md"
        let text = try site.folder.read(index).replacingOccurrences(
            of: "fictional: true\n", with: "fictional: true\nkeyPoints:\n  - The dam is late.\n  - \"Lowtown says no <again>.\"\n")
        try site.folder.write(text, to: index)
        _ = try await site.build()
        let points = try keyPoints(in: site.page("briefings/2024-05-01-river-dispute/index.html"))
        #expect(points == ["The dam is late.", "Lowtown says no &lt;again&gt;."])
    }
}
