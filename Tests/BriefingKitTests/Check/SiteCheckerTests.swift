import Foundation
import Testing

@testable import BriefingKit

@Suite struct SiteCheckerTests {
    @Test func theFixtureSiteHasOnlyItsUnanchoredQuote() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        let problems = await SiteChecker(options: site.options).check()
        #expect(problems.map(\.location) == [SourceLocation(file: "briefings/2024-05-01-river-dispute/index.md", line: 17)])
        #expect(problems.first?.message.hasPrefix("blockquote “This sentence is not in the article at …” matches no passage") == true)
    }

    @Test func brokenLinksInCommentaryAreReportedAtTheLineThatWritesThem() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        let index = site.content.appendingPathComponent("briefings/2024-05-01-river-dispute/index.md")
        var text = try String(contentsOf: index, encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).count
        text += "See [the follow-up](../2024-05-08-follow-up/index.html), [nowhere](../no-such-briefing/index.html) "
            + "and [a missing note](#no-such-note).\n[the actors](../../actors/index.html#no-such-actor), "
            + "[the source](../2024-05-08-follow-up.md) and [js](javascript:alert(1)).\n"
        try Data(text.utf8).write(to: index)
        let problems = await SiteChecker(options: site.options).check().map(\.description)
        let page = "briefings/2024-05-01-river-dispute/index.html"
        let source = "briefings/2024-05-01-river-dispute/index.md"
        #expect(problems.sorted() == [
            "\(source):17: blockquote “This sentence is not in the article at …” matches no passage of the briefing's articles, "
                + "so it is shown inline as a plain quote; to anchor a note, copy the words exactly as the article has them",
            "\(source):\(line): broken anchor '#no-such-note': no id 'no-such-note' in \(page) (on \(page))",
            "\(source):\(line): broken link '../no-such-briefing/index.html': briefings/no-such-briefing/index.html does not exist (on \(page))",
            "\(source):\(line + 1): broken anchor '../../actors/index.html#no-such-actor': no id 'no-such-actor' in actors/index.html (on \(page))",
            "\(source):\(line + 1): broken link '../2024-05-08-follow-up.md': briefings/2024-05-08-follow-up.md does not exist; "
                + "link to the built page instead (a briefing's page is <slug>/index.html) (on \(page))",
            "\(source):\(line + 1): empty link (Markdown links to javascript:, vbscript:, file: and data: addresses are emptied) (on \(page))",
        ].sorted())
    }

    @Test func aTemplateThatFailsIsTheProblemReported() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        let templates = try site.folder.copy(RepoPaths.templates.resolvingSymlinksInPath(), as: "Templates")
        try Data("{{#unclosed}}\n".utf8).write(to: templates.appendingPathComponent("tag.mustache"))
        var options = site.options
        options.templates = templates
        let problems = await SiteChecker(options: options).check()
        #expect(problems.count == 1)
        #expect(problems.first?.location.file.hasSuffix("tag.mustache") == true)
    }

    @Test func aMissingTemplatesFolderIsNamedWithTheWayOut() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        var options = site.options
        options.templates = site.folder.url.appendingPathComponent("Templates")
        await #expect {
            try await SiteBuilder(options: options).build()
        } throws: { error in
            guard let error = error as? BuildError else { return false }
            return error.message == "templates folder not found" && error.location?.file == options.templates.path
                && error.hint?.contains("briefing init") == true
        }
    }
}

@Suite struct EveryBrokenFileTests {
    @Test func everyFileThatFailsToLoadIsReportedAtOnce() async throws {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        try site.folder.write("---\ntitle: Fine\ndate: 2025-02-30\n---\nText.\n", to: "Content/briefings/bad-date/index.md")
        try site.folder.write("---\ntitle: \"unclosed\n---\nText.\n", to: "Content/briefings/bad-quote.md")
        try site.folder.write("---\ntitle: x\nwhen: yesterday\n---\nBody.\n", to: "Content/briefings/unknown-field/index.md")
        let expected = [
            "briefings/bad-date/index.md:3", "briefings/bad-quote.md:2", "briefings/unknown-field/index.md:3",
        ]
        await #expect {
            try await site.build()
        } throws: { error in
            guard let error = error as? BuildError else { return false }
            let lines = error.all.compactMap { $0.location.map { "\($0.file):\($0.line ?? 0)" } }
            return lines == expected && error.description.hasSuffix("\n3 errors")
        }
        let problems = await SiteChecker(options: site.options).check()
        #expect(problems.map { "\($0.location.file):\($0.location.line ?? 0)" } == expected)
    }
}
