import Foundation
import Testing

@testable import BriefingKit

/// The pages over the whole site are keyed by what they show: an edit they do not show leaves their keys alone,
/// so the next build reuses them; an edit they show changes the key of each page that shows it.
@Suite struct SitePagesKeysTests {
    static let siteWide: [(String, SitePages.Job)] = [
        ("home", .home), ("quotes", .quotes), ("actors", .actorIndex), ("tags", .tagIndex), ("feed", .feed), ("search", .search),
    ]

    /// The key of each page over the whole site, after `edit` was made to the fixture site.
    func keys(after edit: (FixtureSite) throws -> Void) async throws -> [String: UInt64] {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        try edit(site)
        let pages = SitePages(site: try await SiteBuilder(options: site.options).render().site)
        var keys: [String: UInt64] = [:]
        for (name, job) in Self.siteWide { keys[name] = pages.key(of: job, seed: 1, stamps: [:]) }
        // The search index's scripts together.
        var index = StableHash()
        for job in pages.jobs() {
            guard case .searchIndex = job, let key = pages.key(of: job, seed: 1, stamps: [:]) else { continue }
            index.combine(Int(truncatingIfNeeded: key))
        }
        keys["search index"] = index.value
        return keys
    }

    /// The names of the pages whose keys differ between `a` and `b`.
    func changed(_ a: [String: UInt64], _ b: [String: UInt64]) -> Set<String> {
        Set((Self.siteWide.map(\.0) + ["search index"]).filter { a[$0] != b[$0] })
    }

    static let report = "Content/briefings/2024-05-01-river-dispute/report.txt"

    @Test func commentaryEditChangesNoSiteWidePage() async throws {
        let before = try await keys { _ in }
        let after = try await keys { site in
            let path = "Content/briefings/2024-05-01-river-dispute/index.md"
            try site.folder.write(try site.folder.read(path).replacingOccurrences(of: "two deadlines", with: "three deadlines"), to: path)
        }
        #expect(before.count == Self.siteWide.count + 1)
        #expect(changed(before, after).isEmpty)
    }

    @Test func quoteTextEditChangesTheQuoteIndexAndSearchIndexButNotTheActorsOrTags() async throws {
        let before = try await keys { _ in }
        let after = try await keys { site in
            try site.folder.write(
                try site.folder.read(Self.report).replacingOccurrences(of: "It is a bad plan", with: "It is a worse plan"), to: Self.report)
        }
        let changed = changed(before, after)
        #expect(changed.isSuperset(of: ["quotes", "search index"]))
        #expect(changed.isDisjoint(with: ["actors", "tags"]))
    }

    @Test func titleEditChangesEveryPageThatListsBriefings() async throws {
        let path = "Content/briefings/2024-05-08-follow-up.txt"
        let before = try await keys { _ in }
        let after = try await keys { site in
            try site.folder.write(
                try site.folder.read(path).replacingOccurrences(of: "title: Brown defends the dam", with: "title: Brown defends the weir"),
                to: path)
        }
        #expect(changed(before, after) == ["home", "quotes", "search index", "feed"])
    }

    @Test func newSpeakerChangesTheActorIndex() async throws {
        let before = try await keys { _ in }
        let after = try await keys { site in
            try site.folder.write(try site.folder.read(Self.report) + "“Not this year,” said Petra Vogel, an engineer.\n", to: Self.report)
        }
        #expect(changed(before, after).isSuperset(of: ["actors", "quotes", "search index"]))
    }
}
