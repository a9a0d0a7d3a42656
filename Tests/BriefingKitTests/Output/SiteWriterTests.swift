import Foundation
import Testing

@testable import BriefingKit

@Suite struct SiteWriterTests {
    private func files(_ count: Int, tag: String) -> [OutputFile] {
        (0..<count).map { OutputFile(path: "pages/p\($0)/index.html", text: "\(tag) \($0)") }
    }

    private func leftovers(_ folder: TempFolder) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix(".Public") }
    }

    @Test func aRewrittenFileHoldsExactlyItsNewBytes() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("page.html").path
        for text in ["a longer first version of the page", "short", "", "grown again, longer than before"] {
            try RawFile.write(Data(text.utf8), to: path)
            #expect(try RawFile.read(path) == Data(text.utf8))
        }
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o644)
    }

    @Test func fullDiskMidWriteKeepsThePreviousSite() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let writer = SiteWriter(output: folder.url.appendingPathComponent("Public"), protected: [])
        try writer.write(files(20, tag: "old"), assets: nil)
        let before = try folder.snapshot("Public")

        var failing = writer
        let written = Counter()
        failing.writeFile = { data, path throws(FileError) in
            if written.next() >= 7 { throw FileError(call: "write", path: path, code: ENOSPC) }
            try RawFile.write(data, to: path)
        }
        #expect {
            try failing.write(files(20, tag: "new"), assets: nil)
        } throws: { error in
            (error as? BuildError)?.message.contains("No space left on device") == true
        }
        #expect(try folder.snapshot("Public") == before)
        #expect(try leftovers(folder).isEmpty)
    }

    @Test func interruptionMidWriteKeepsThePreviousSite() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        var writer = SiteWriter(output: folder.url.appendingPathComponent("Public"), protected: [])
        writer.interruption = Interruption()
        try writer.write(files(20, tag: "old"), assets: nil)
        let before = try folder.snapshot("Public")

        let flag = Interruption()
        var interrupted = writer
        interrupted.interruption = flag
        let written = Counter()
        interrupted.writeFile = { data, path throws(FileError) in
            if written.next() == 5 { #expect(flag.request() == false, "a write in progress must not exit at once") }
            try RawFile.write(data, to: path)
        }
        #expect(throws: BuildError.self) { try interrupted.write(files(20, tag: "new"), assets: nil) }
        #expect(try folder.snapshot("Public") == before)
        #expect(try leftovers(folder).isEmpty)
    }

    @Test func unwritableOutputIsAnError() throws {
        // The output's parent is a file: no folder can be made there, whoever runs the test (root included).
        let folder = try TempFolder()
        defer { folder.remove() }
        let blocker = try folder.write("not a folder", to: "blocker")
        let writer = SiteWriter(output: blocker.appendingPathComponent("Public"), protected: [])
        #expect {
            try writer.write(files(3, tag: "x"), assets: nil)
        } throws: { error in
            (error as? BuildError)?.stage == "write"
        }
        #expect(try folder.read("blocker") == "not a folder")
    }

    @Test func pathsThatLeaveTheOutputAreRefused() {
        for path in [
            "../escape.html", "/etc/passwd", "a/../../b.html", "a\\b.html", "a/%2e%2e/b.html", "a\u{0}b.html", "", "a//b.html",
            "./a.html", "a/.", "a/..", "a/", "a\nb.html", "a\u{1F}b.html",
            // A combining mark after a slash makes one Character of them, which must not hide the slash.
            "/\u{301}etc/passwd", "../\u{301}x.html", "a\\\u{301}b.html",
        ] {
            #expect(throws: BuildError.self, "\(path)") { try OutputPath.check(path) }
        }
        for path in ["briefings/x/index.html", "a.b/c..d.html", "actors/josé-núñez/index.html", "...a/b"] {
            #expect(throws: Never.self, "\(path)") { try OutputPath.check(path) }
        }
    }
}

/// A thread-safe counter for fault injection.
final class Counter: Sendable {
    private let value = Mutex(0)

    /// The count before this call.
    func next() -> Int {
        value.withLock { count in
            defer { count += 1 }
            return count
        }
    }
}

import Synchronization

@Suite struct SiteWriterReuseTests {
    private func inodes(_ folder: URL) throws -> [String: UInt64] {
        var result: [String: UInt64] = [:]
        let base = folder.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return result }
        for case let path as String in enumerator {
            let attributes = try FileManager.default.attributesOfItem(atPath: base + "/" + path)
            guard attributes[.type] as? FileAttributeType == .typeRegular else { continue }
            result[path] = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value
        }
        return result
    }

    @Test func unchangedFilesAreNotRewrittenAndStaleOnesGo() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("Public")
        let writer = SiteWriter(output: output, protected: [])
        let site = (0..<10).map { OutputFile(path: "p\($0)/index.html", text: "page \($0)") }
        try writer.write(site, assets: nil)
        let first = try inodes(output)
        try writer.write(site, assets: nil)
        // The previous site is kept beside the output, ready to be updated in place next time.
        #expect(try folder.read(".Public.previous/p3/index.html") == "page 3")
        // Third build, one page changed and one gone: the tree of the first build comes back, only the changed
        // page rewritten.
        var changed = site
        changed[2] = OutputFile(path: "p2/index.html", text: "page 2, edited")
        changed.removeLast()
        try writer.write(changed, assets: nil)
        let third = try inodes(output)
        #expect(third["p0/index.html"] == first["p0/index.html"])
        #expect(third["p5/index.html"] == first["p5/index.html"])
        #expect(try folder.read("Public/p2/index.html") == "page 2, edited")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("p9").path))
        #expect(try folder.snapshot("Public").keys.sorted() == (changed.map(\.path) + [SiteWriter.marker, TreeSync.manifestName]).sorted())
    }

    @Test func spareNotWrittenByBriefingIsNeverTouched() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try folder.write("mine", to: ".Public.previous/notes.txt")
        let writer = SiteWriter(output: folder.url.appendingPathComponent("Public"), protected: [])
        #expect(throws: BuildError.self) { try writer.write([OutputFile(path: "index.html", text: "x")], assets: nil) }
        #expect(try folder.read(".Public.previous/notes.txt") == "mine")
    }
}
