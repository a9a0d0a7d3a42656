import Foundation
import Testing

@testable import BriefingKit

@Suite struct ContentLoaderTests {
    /// A content folder with a site.yml, in a temporary folder.
    private func content() throws -> TempFolder {
        let folder = try TempFolder("content")
        try folder.write("title: Test\n", to: "Content/site.yml")
        return folder
    }

    private func load(_ folder: TempFolder, maxFileSize: Int = 5_000_000) throws(BuildError) -> ContentSource {
        try ContentLoader(root: folder.url.appendingPathComponent("Content"), maxFileSize: maxFileSize).load()
    }

    @Test func symlinkLeavingTheContentFolderIsRefused() throws {
        let folder = try content()
        defer { folder.remove() }
        try folder.write("secret", to: "outside.txt")
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("Content/briefings"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: folder.url.appendingPathComponent("Content/briefings/leak.txt").path,
            withDestinationPath: folder.url.appendingPathComponent("outside.txt").path)
        #expect {
            try load(folder)
        } throws: { error in
            guard let error = error as? BuildError else { return false }
            return error.location?.file == "briefings/leak.txt" && error.message.contains("points outside the content folder")
        }
    }

    /// Entries are looked up on every core, but of several bad links the first by name is the one reported.
    @Test func theFirstBadLinkByNameIsReported() throws {
        let folder = try content()
        defer { folder.remove() }
        let briefings = folder.url.appendingPathComponent("Content/briefings")
        try FileManager.default.createDirectory(at: briefings, withIntermediateDirectories: true)
        for n in 0..<40 { try folder.write("Title \(n)\n\nBody \(n).\n", to: "Content/briefings/b\(n).txt") }
        // Spread over the names (and so over the chunks looked up on different cores): "a" sorts first.
        for name in ["zz.txt", "a.txt", "m.txt"] {
            try FileManager.default.createSymbolicLink(
                atPath: briefings.appendingPathComponent(name).path, withDestinationPath: briefings.appendingPathComponent("gone-\(name)").path)
        }
        #expect {
            try load(folder)
        } throws: { error in
            (error as? BuildError)?.location?.file == "briefings/a.txt"
        }
    }

    @Test func symlinkLoopIsRefused() throws {
        let folder = try content()
        defer { folder.remove() }
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("Content/briefings"), withIntermediateDirectories: true)
        let loop = folder.url.appendingPathComponent("Content/briefings/loop.txt").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        #expect {
            try load(folder)
        } throws: { error in
            (error as? BuildError)?.location?.file == "briefings/loop.txt"
        }
    }

    @Test func twoFilesForOneOutputPathAreAnErrorNamingBoth() throws {
        let folder = try content()
        defer { folder.remove() }
        try folder.write("One.", to: "Content/briefings/Report.md")
        try folder.write("Two.", to: "Content/briefings/report.md")
        #expect {
            try load(folder)
        } throws: { error in
            guard let message = (error as? BuildError)?.message else { return false }
            return message.contains("briefings/Report.md") && message.contains("briefings/report.md")
                && message.contains("briefings/report/")
        }
    }

    @Test func hiddenAndEditorFilesAreIgnored() throws {
        let folder = try content()
        defer { folder.remove() }
        try folder.write("A real article.", to: "Content/briefings/real.txt")
        for junk in [".DS_Store", "real.txt~", ".#real.txt", "#real.txt#", ".hidden.md", "notes.md.swp"] {
            try folder.write("junk", to: "Content/briefings/\(junk)")
        }
        #expect(try load(folder).briefings.map(\.slug) == ["real"])
    }

    @Test func hostileNamesBecomeSafeSlugs() throws {
        let folder = try content()
        defer { folder.remove() }
        try folder.write("Text.", to: "Content/briefings/..hidden-not/a.txt")  // hidden: ignored
        try folder.write("Text.", to: "Content/briefings/%2e%2e%2fescape.txt")
        try folder.write("Text.", to: "Content/briefings/back\\slash.txt")
        let slugs = try load(folder).briefings.map(\.slug)
        #expect(slugs == ["2e-2e-2fescape", "back-slash"])
        for slug in slugs { #expect(throws: Never.self) { try OutputPath.check("briefings/\(slug)/index.html") } }
    }

    @Test func oversizedFileIsAnErrorNamingFileAndLimit() throws {
        let folder = try content()
        defer { folder.remove() }
        try folder.write(String(repeating: "word ", count: 3_000), to: "Content/briefings/huge.txt")
        #expect {
            try load(folder, maxFileSize: 10_000)
        } throws: { error in
            guard let error = error as? BuildError else { return false }
            return error.location?.file == "briefings/huge.txt" && error.message == "file is 15 KB, over the 10 KB limit"
        }
    }

    @Test func brokenBytesAreReplacedAndReported() throws {
        let folder = try content()
        defer { folder.remove() }
        var bytes = Array("Bad \u{201C}quote\u{201D} here".utf8)
        bytes.insert(0xFF, at: 4)
        bytes.append(0)
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("Content/briefings"), withIntermediateDirectories: true)
        try Data(bytes).write(to: folder.url.appendingPathComponent("Content/briefings/bytes.txt"))
        let loaded = try load(folder)
        let body = try #require(loaded.briefings.first?.articles.first?.body)
        #expect(body == "Bad \u{FFFD}\u{201C}quote\u{201D} here\u{FFFD}")
        let warning = try #require(loaded.warnings.first)
        #expect(warning.location?.file == "briefings/bytes.txt")
        #expect(warning.message.contains("invalid UTF-8") && warning.message.contains("NUL"))
    }

    @Test func bomCRLFAndLoneCRAreHandled() throws {
        let folder = try content()
        defer { folder.remove() }
        try folder.write("\u{FEFF}---\r\ntitle: Windows\r\n---\r\nLine one.\r\nLine two.\r\n", to: "Content/briefings/crlf.txt")
        try folder.write("---\rtitle: Old Mac\r---\rLine one.\rLine two.\r", to: "Content/briefings/cr.txt")
        let briefings = try load(folder).briefings
        #expect(briefings.map(\.title) == ["Old Mac", "Windows"])
        #expect(briefings[0].articles[0].body == "Line one.\nLine two.\n")
        #expect(briefings[1].articles[0].body == "Line one.\r\nLine two.\r\n")
    }

    @Test func emptyFilesAndFrontMatterWithoutBodyLoad() throws {
        let folder = try content()
        defer { folder.remove() }
        try folder.write("", to: "Content/briefings/empty.txt")
        try folder.write("---\ntitle: Only a title\n---\n", to: "Content/briefings/no-body.md")
        let briefings = try load(folder).briefings
        #expect(briefings.map(\.title) == ["Empty", "Only a title"])
        #expect(briefings.map { $0.articles[0].body } == ["", ""])
    }

    @Test func frontMatterURLsMustBeSafe() throws {
        let folder = try content()
        defer { folder.remove() }
        try folder.write("---\ntitle: x\nurl: javascript:alert(1)\n---\nText.", to: "Content/briefings/bad-url.txt")
        #expect {
            try load(folder)
        } throws: { error in
            guard let error = error as? BuildError else { return false }
            return error.location == SourceLocation(file: "briefings/bad-url.txt", line: 3, column: 6) && error.message.contains("http, https, mailto or relative")
        }
        for good in ["https://example.org/a", "http://example.org", "mailto:desk@example.org", "../notes/a.html", "page.html#x"] {
            #expect(URLPolicy.isAllowedLink(good), "\(good)")
        }
        for bad in ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "vbscript:x", "file:///etc/passwd", "//evil.example/x", "java\nscript:x"] {
            #expect(!URLPolicy.isAllowedLink(bad), "\(bad)")
        }
    }

    @Test func actorRegistryURLsMustBeSafe() throws {
        let folder = try content()
        defer { folder.remove() }
        try folder.write("actors:\n  - name: Jane Roe\n    url: data:text/html,hi\n", to: "Content/actors.yml")
        #expect {
            try load(folder)
        } throws: { error in
            (error as? BuildError)?.location == SourceLocation(file: "actors.yml", line: 3, column: 10)
        }
    }

    @Test func datesMustBeOnTheCalendar() throws {
        #expect(ContentLoader.isoDate("2024-02-29") == "2024-02-29")
        #expect(ContentLoader.isoDate("2000-02-29T10:00:00Z") == "2000-02-29")
        #expect(ContentLoader.isoDate(" 2024-12-31 ") == "2024-12-31")
        #expect(ContentLoader.isoDate("0000-01-31") == "0000-01-31")
        for impossible in ["2025-02-29", "1900-02-29", "2025-02-30", "2025-04-31", "2025-13-01", "2025-00-10", "2025-01-00", "2025-0a-10", "2025/01/10", "\t025-01-10", "2025-01-1 ", "２025-01-10"] {
            #expect(ContentLoader.isoDate(impossible) == nil, "\(impossible)")
        }
        let folder = try content()
        defer { folder.remove() }
        try folder.write("---\ntitle: x\ndate: 2025-02-30\n---\nText.", to: "Content/briefings/b/index.md")
        #expect {
            try load(folder)
        } throws: { error in
            guard let error = error as? BuildError else { return false }
            return error.location?.file == "briefings/b/index.md" && error.location?.line == 3
                && error.message == "date must be a calendar date written YYYY-MM-DD, got '2025-02-30'"
        }
    }

    @Test func anArticleOutsideTheBriefingsFolderIsReportedNotLost() throws {
        let folder = try content()
        defer { folder.remove() }
        try folder.write("Stray text.", to: "Content/stray.txt")
        try folder.write("An article.", to: "Content/briefings/kept.txt")
        try folder.write("Nested too deep.", to: "Content/briefings/2026/2026-01-02-nested/article.txt")
        let source = try load(folder)
        #expect(source.briefings.map(\.slug) == ["kept"])
        #expect(source.warnings.map(\.description) == [
            "briefings/2026: warning: not a briefing: the folder has no index.md and no .txt or .md article, so it is skipped "
                + "(folders inside a briefing folder are not read)",
            "stray.txt: warning: not built: articles and briefing folders go under briefings/ (move it to briefings/stray.txt)",
        ])
    }

    @Test func runningInsideTheContentFolderSaysSo() throws {
        let folder = try content()
        defer { folder.remove() }
        let inside = folder.url.appendingPathComponent("Content")
        #expect {
            try ContentLoader(root: inside.appendingPathComponent("Content"), maxFileSize: 1_000).scan()
        } throws: { error in
            (error as? BuildError)?.hint == "this looks like the content folder itself; run from the site folder above it (cd ..) or pass --content ."
        }
    }

    @Test func pathsInMessagesAreShownFromTheWorkingDirectory() throws {
        let folder = try content()
        defer { folder.remove() }
        try folder.write("Text.", to: "Content/briefings/a.txt")
        let paths = ContentPaths(content: folder.url.path + "/Content")
        let error = BuildError(stage: "load", location: SourceLocation(file: "briefings/a.txt", line: 3), message: "first")
        var both = error
        both.others = [BuildError(stage: "load", location: SourceLocation(file: "site.yml", line: 1), message: "second")]
        #expect(both.relocated(paths).all.map { $0.location?.description } == [
            folder.url.path + "/Content/briefings/a.txt:3", folder.url.path + "/Content/site.yml:1",
        ])
        // Absolute paths and paths of no content file (a page of the output) stay as they are.
        #expect(paths(SourceLocation(file: "/etc/hosts")).file == "/etc/hosts")
        #expect(paths(SourceLocation(file: "briefings/a/index.html")).file == "briefings/a/index.html")
    }
}
