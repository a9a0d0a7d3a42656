import Foundation
import Testing

@testable import BriefingKit

/// After every kind of change, an incremental build writes exactly the files a cold build writes.
@Suite struct IncrementalBuildTests {
    /// A change to make to the fixture site, and whether pages should be reused afterwards.
    struct Change: Sendable, CustomTestStringConvertible {
        var name: String
        var expectsReuse: Bool
        var apply: @Sendable (FixtureSite) throws -> Void
        var testDescription: String { name }
    }

    static let changes: [Change] = [
        Change(name: "article edited", expectsReuse: true) { site in
            try site.folder.write(
                "“The work is on schedule, and ahead of it,” Brown told reporters on Thursday.\nTom Green said nothing.\n",
                to: "Content/briefings/2024-05-08-follow-up.txt")
        },
        Change(name: "commentary edited", expectsReuse: true) { site in
            let path = "Content/briefings/2024-05-01-river-dispute/index.md"
            try site.folder.write(try site.folder.read(path).replacingOccurrences(of: "two deadlines", with: "three deadlines"), to: path)
        },
        Change(name: "briefing added", expectsReuse: true) { site in
            try site.folder.write(
                "---\ntitle: A third briefing\npublished: 2024-05-20\n---\n“We will open the dam in June,” Alice Brown said.\n",
                to: "Content/briefings/2024-05-20-third.txt")
        },
        Change(name: "briefing removed", expectsReuse: true) { site in
            try FileManager.default.removeItem(at: site.content.appendingPathComponent("briefings/2024-05-08-follow-up.txt"))
        },
        Change(name: "actor renamed in actors.yml", expectsReuse: false) { site in
            try site.folder.write("actors:\n  - name: Mayor Alice Brown\n    aliases: [Alice Brown, Brown]\n", to: "Content/actors.yml")
        },
        Change(name: "site.yml changed", expectsReuse: false) { site in
            try site.folder.write("title: Renamed Fixture\ndescription: Changed.\nlanguage: en\n", to: "Content/site.yml")
        },
        Change(name: "template changed", expectsReuse: false) { site in
            let path = "Templates/partials/footer.mustache"
            try site.folder.write(try site.folder.read(path) + "<!-- changed -->\n", to: path)
        },
        Change(name: "asset changed", expectsReuse: true) { site in
            let path = "Templates/assets/style.css"
            try site.folder.write(try site.folder.read(path) + "\n/* changed */\n", to: path)
        },
    ]

    @Test(arguments: changes)
    func incrementalBuildMatchesColdBuild(_ change: Change) async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        _ = try site.folder.copy(RepoPaths.templates.resolvingSymlinksInPath(), as: "Templates")
        var options = site.options
        options.templates = site.folder.url.appendingPathComponent("Templates")
        // Build twice, the second time without the cache's fingerprint, so the output has its twin folder and the
        // cache its page keys, as after any real edit.
        _ = try await SiteBuilder(options: options).build()
        try FileManager.default.removeItem(at: site.folder.url.appendingPathComponent(".briefing-cache"))
        _ = try await SiteBuilder(options: options).build()

        try change.apply(site)
        let incremental = try await SiteBuilder(options: options).build()
        #expect(!incremental.unchanged)
        if change.expectsReuse { #expect(incremental.reused > 0, "pages reused") } else { #expect(incremental.reused == 0) }

        var cold = options
        cold.output = site.folder.url.appendingPathComponent("Cold")
        cold.cache = nil
        _ = try await SiteBuilder(options: cold).build()
        let expected = try site.folder.snapshot("Cold")
        #expect(try site.folder.snapshot("Public") == expected)
        // The folder kept for the next build matches too, ready to be updated in place.
        #expect(try site.folder.snapshot(".Public.previous") == expected)
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
}
