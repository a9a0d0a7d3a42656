import Foundation
import Testing

@testable import BriefingKit

/// After every kind of change, an incremental build writes exactly the files a cold build writes.
@Suite struct IncrementalBuildTests {
    /// A change to make to the fixture site, and which pages should be reused afterwards.
    struct Change: Sendable, CustomTestStringConvertible {
        enum Reuse: Sendable {
            /// Every page is rendered again.
            case none
            /// Only the files no template shapes are kept: the briefings' `briefing.json`, the search index's
            /// scripts and the feed.
            case dataOnly
            /// More than the `briefing.json` files are kept.
            case pages
        }

        var name: String
        var reuse: Reuse
        var apply: @Sendable (FixtureSite) throws -> Void
        var testDescription: String { name }

        /// `text` added at the end of the site's file at `path`.
        static func appending(_ text: String, to path: String, name: String, reuse: Reuse) -> Change {
            Change(name: name, reuse: reuse) { site in try site.folder.write(try site.folder.read(path) + text, to: path) }
        }
    }

    static let changes: [Change] = [
        Change(name: "article edited", reuse: .pages) { site in
            try site.folder.write(
                "“The work is on schedule, and ahead of it,” Brown told reporters on Thursday.\nTom Green said nothing.\n",
                to: "Content/briefings/2024-05-08-follow-up.txt")
        },
        Change(name: "commentary edited", reuse: .pages) { site in
            let path = "Content/briefings/2024-05-01-river-dispute/index.md"
            try site.folder.write(try site.folder.read(path).replacingOccurrences(of: "two deadlines", with: "three deadlines"), to: path)
        },
        Change(name: "article sentence added, actors unchanged", reuse: .pages) { site in
            let path = "Content/briefings/2024-05-01-river-dispute/report.txt"
            try site.folder.write(try site.folder.read(path) + "The river was high that week.\n", to: path)
        },
        Change(name: "quote edited", reuse: .pages) { site in
            let path = "Content/briefings/2024-05-01-river-dispute/report.txt"
            try site.folder.write(try site.folder.read(path).replacingOccurrences(of: "It is a bad plan", with: "It is a worse plan"), to: path)
        },
        Change(name: "briefing retitled", reuse: .pages) { site in
            let path = "Content/briefings/2024-05-08-follow-up.txt"
            try site.folder.write(try site.folder.read(path).replacingOccurrences(of: "defends the dam", with: "defends the weir"), to: path)
        },
        Change(name: "briefing added", reuse: .pages) { site in
            try site.folder.write(
                "---\ntitle: A third briefing\npublished: 2024-05-20\n---\n“We will open the dam in June,” Alice Brown said.\n",
                to: "Content/briefings/2024-05-20-third.txt")
        },
        Change(name: "briefing removed", reuse: .pages) { site in
            try FileManager.default.removeItem(at: site.content.appendingPathComponent("briefings/2024-05-08-follow-up.txt"))
        },
        Change(name: "actor renamed in actors.yml", reuse: .none) { site in
            try site.folder.write("actors:\n  - name: Mayor Alice Brown\n    aliases: [Alice Brown, Brown]\n", to: "Content/actors.yml")
        },
        Change(name: "site.yml changed", reuse: .none) { site in
            try site.folder.write("title: Renamed Fixture\ndescription: Changed.\nlanguage: en\n", to: "Content/site.yml")
        },
        .appending("<!-- changed -->\n", to: "Templates/partials/footer.mustache", name: "partial every page reads changed", reuse: .dataOnly),
        .appending("\n/* changed */\n", to: "Templates/assets/style.css", name: "asset changed", reuse: .pages),
        .appending("<!-- changed -->\n", to: "Templates/actor.mustache", name: "actor page template changed", reuse: .pages),
        .appending("<!-- changed -->\n", to: "Templates/briefing.mustache", name: "briefing page template changed", reuse: .pages),
    ]

    /// How the builds of a test run.
    enum Process: CaseIterable, Sendable {
        /// Each build reads the cache from disk when it needs it.
        case disk
        /// As the `build` command: one build per process, which reads the cache beside the content scan.
        case oneShot
        /// As `serve`: the cache's contents stay in memory, and the incremental build takes them from there.
        case kept
    }

    @Test(arguments: changes, Process.allCases)
    func incrementalBuildMatchesColdBuild(_ change: Change, process: Process) async throws {
        let kept = process == .kept
        let site = try FixtureSite()
        defer { site.folder.remove() }
        _ = try site.folder.copy(RepoPaths.templates.resolvingSymlinksInPath(), as: "Templates")
        var options = site.options
        options.templates = site.folder.url.appendingPathComponent("Templates")
        if kept { options.memory = BuildMemory() }
        if process == .oneShot { options.keepsMemoryUntilExit = true }
        // Build twice, the second time without the cache's fingerprint, so the output has its twin folder and the
        // cache its page keys, as after any real edit.
        _ = try await SiteBuilder(options: options).build()
        try FileManager.default.removeItem(at: site.folder.url.appendingPathComponent(".briefing-cache"))
        _ = try await SiteBuilder(options: options).build()

        try change.apply(site)
        let incremental = try await SiteBuilder(options: options).build()
        #expect(!incremental.unchanged)
        #expect(incremental.cacheFromMemory == kept)
        switch change.reuse {
        case .none: #expect(incremental.reused == 0)
        case .dataOnly:
            let scripts = try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent("search").path)
                .filter { $0.hasPrefix("index-") }.count
            #expect(scripts > 1)
            #expect(incremental.reused == incremental.briefings + scripts + 1, "only briefing.json, search index scripts and feed kept")
        case .pages: #expect(incremental.reused > incremental.briefings, "pages reused")
        }

        var cold = options
        cold.output = site.folder.url.appendingPathComponent("Cold")
        cold.cache = nil
        _ = try await SiteBuilder(options: cold).build()
        let expected = try site.folder.snapshot("Cold")
        #expect(try site.folder.snapshot("Public") == expected)
        // The folder kept for the next build matches too, ready to be updated in place.
        #expect(try site.folder.snapshot(".Public.previous") == expected)
    }

    @Test func everyKeyedPageNamesTheTemplateItRenders() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        let pages = SitePages(site: try await SiteBuilder(options: site.options).render().site)
        var keyed = 0
        for job in pages.jobs() where pages.path(of: job) != nil {
            keyed += 1
            #expect(pages.spec(job)?.template == pages.template(of: job), "\(job)")
        }
        #expect(keyed > pages.site.briefings.count * 2, "briefings, their data, actors and tags have keys")
    }

    @Test func nothingChangedDoesNothing() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        _ = try await site.build()
        let before = try site.folder.snapshot("Public")
        let report = try await site.build()
        #expect(report.unchanged)
        #expect(try site.folder.snapshot("Public") == before)
    }

    @Test func deletedOutputIsRebuilt() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        _ = try await site.build()
        let before = try site.folder.snapshot("Public")
        try FileManager.default.removeItem(at: site.output)
        let report = try await site.build()
        #expect(!report.unchanged)
        #expect(try site.folder.snapshot("Public") == before)
    }

    @Test func corruptCacheIsIgnored() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        _ = try await site.build()
        _ = try await site.build()
        let before = try site.folder.snapshot("Public")
        let cache = site.folder.url.appendingPathComponent(".briefing-cache/Public")
        try Data("garbage".utf8).write(to: cache.appendingPathComponent("state.bin"))
        try site.folder.write("“It is a worse plan,” said Tom Green.\n", to: "Content/briefings/2024-05-09-green.txt")
        _ = try await site.build()
        try FileManager.default.removeItem(at: site.content.appendingPathComponent("briefings/2024-05-09-green.txt"))
        _ = try await site.build()
        #expect(try site.folder.snapshot("Public") == before)
    }

    /// Contents kept in memory stand for the cache only while it is the one they were written as: after
    /// another build (another process) wrote the cache, the next build reads it from disk.
    @Test func keptContentsGiveWayToACacheWrittenSince() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        var serving = site.options
        serving.memory = BuildMemory()
        _ = try await SiteBuilder(options: serving).build()
        try site.folder.write("“It is a worse plan,” said Tom Green.\n", to: "Content/briefings/2024-05-09-green.txt")
        #expect(try await SiteBuilder(options: serving).build().cacheFromMemory)

        // Another build, with no memory of its own, changes the cache.
        try site.folder.write("“It is the worst plan,” said Tom Green.\n", to: "Content/briefings/2024-05-09-green.txt")
        #expect(try await site.build().cacheFromMemory == false)
        try site.folder.write("“It is a fine plan,” said Tom Green.\n", to: "Content/briefings/2024-05-09-green.txt")
        let report = try await SiteBuilder(options: serving).build()
        #expect(!report.cacheFromMemory)

        var cold = site.options
        cold.output = site.folder.url.appendingPathComponent("Cold")
        cold.cache = nil
        _ = try await SiteBuilder(options: cold).build()
        #expect(try site.folder.snapshot("Public") == site.folder.snapshot("Cold"))
        #expect(try site.page("quotes/index.html").contains("It is a fine plan"))
    }
}

