import Foundation
import Testing

@testable import BriefingKit

@Suite struct SiteScaffoldTests {
    @Test func initMakesASiteThatBuildsAndIgnoresWhatTheBuildWrites() async throws {
        let folder = try TempFolder("init")
        defer { folder.remove() }
        let site = folder.url.appendingPathComponent("my-briefings")
        let written = try SiteScaffold().initSite(at: site, today: "2026-11-27")
        #expect(written == [
            "Content/site.yml", "Content/briefings/2026-11-27-example/index.md", "Content/briefings/2026-11-27-example/article.txt",
            ".gitignore", "Templates/",
        ])
        #expect(try folder.read("my-briefings/Content/site.yml").hasPrefix("title: \"My briefings\"\n"))

        let options = BuildOptions(
            content: site.appendingPathComponent("Content"), templates: site.appendingPathComponent("Templates"),
            output: site.appendingPathComponent("Public"))
        let report = try await SiteBuilder(options: options).build()
        // A second build of a change leaves the previous site beside the output.
        try folder.write(try folder.read("my-briefings/\(written[1])") + "\nOne more line.\n", to: "my-briefings/\(written[1])")
        _ = try await SiteBuilder(options: options).build()
        #expect(report.briefings == 1)
        let page = try folder.read("my-briefings/Public/briefings/2026-11-27-example/index.html")
        #expect(page.contains("We have waited long enough,</span><span class=\"quote-by\"> — <a href=\"../../actors/jane-holm/index.html\">Jane Holm</a>"))

        // Everything the builds left in the site folder, but the sources, is ignored by the .gitignore.
        let ignored = try folder.read("my-briefings/.gitignore").split(separator: "\n").map(String.init)
        #expect(ignored == ["/Public/", "/.Public.previous/", "/.briefing-cache/"])
        let made = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { !["Content", "Templates", ".gitignore"].contains($0) }
        #expect(made.sorted() == [".Public.previous", ".briefing-cache", "Public"])
        #expect(Set(made.map { "/\($0)/" }) == Set(ignored))
    }

    @Test func initRefusesAFolderThatHasContent() throws {
        let folder = try TempFolder("init")
        defer { folder.remove() }
        try folder.write("title: Mine\n", to: "Content/site.yml")
        #expect {
            try SiteScaffold().initSite(at: folder.url, today: "2026-11-27")
        } throws: { error in
            (error as? BuildError)?.message == "Content/ already exists; not overwriting it"
        }
        #expect(try folder.read("Content/site.yml") == "title: Mine\n")
    }

    @Test func newBriefingIsADraftWithTheArticleCopiedIn() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        let article = try site.folder.write(
            "Mayor Alice Brown said on Monday that the bridge will open. “It is ready,” Brown said.\n", to: "bridge.txt")
        let made = try SiteScaffold().newBriefing(title: "Bridge: a “first” look", content: site.content, date: "2024-06-01", article: article)
        #expect(made.lastPathComponent == "2024-06-01-bridge-a-first-look")
        let index = try String(contentsOf: made.appendingPathComponent("index.md"), encoding: .utf8)
        #expect(index.hasPrefix("---\ntitle: \"Bridge: a “first” look\"\ndate: 2024-06-01\nsummary: \"\"\ntags: []\ndraft: true\n---\n"))
        #expect(try Data(contentsOf: made.appendingPathComponent("bridge.txt")) == Data(contentsOf: article))

        let report = try await site.build()
        #expect(report.briefings == 2)
        #expect(report.skippedDrafts == 1)
        #expect(report.briefingsBuilt == "2 briefings (1 draft left out: --drafts builds it)")
        let unchanged = try await site.build()
        #expect(unchanged.unchanged)
        #expect(unchanged.briefingsBuilt == "2 briefings (1 draft left out: --drafts builds it)")

        var options = site.options
        options.drafts = true
        let withDrafts = try await SiteBuilder(options: options).build()
        #expect(withDrafts.briefingsBuilt == "3 briefings")
        #expect(try site.page("briefings/2024-06-01-bridge-a-first-look/index.html").contains("<h1>Bridge: a “first” look</h1>"))

        #expect {
            try SiteScaffold().newBriefing(title: "Bridge: a “first” look", content: site.content, date: "2024-06-01", article: nil)
        } throws: { error in
            (error as? BuildError)?.message == "a briefing folder with this name already exists"
        }
        #expect {
            try SiteScaffold().newBriefing(title: "Leap", content: site.content, date: "2026-02-29", article: nil)
        } throws: { error in
            (error as? BuildError)?.message == "the date must be a calendar date written YYYY-MM-DD, got '2026-02-29'"
        }
        #expect(!FileManager.default.fileExists(atPath: site.content.appendingPathComponent("briefings/2026-02-29-leap").path))
    }
}
