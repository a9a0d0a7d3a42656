import Foundation
import Testing

@testable import BriefingKit

@Suite struct TreeSyncTests {
    private func sync(_ folder: TempFolder) -> TreeSync {
        TreeSync(root: folder.url.path, writeFile: { data, path throws(FileError) in try RawFile.write(data, to: path) }, interruption: Interruption())
    }

    private func manifestLines(_ folder: TempFolder) throws -> [String] {
        try String(decoding: RawFile.read(folder.url.appendingPathComponent(TreeSync.manifestName).path), as: UTF8.self)
            .split(separator: "\n").map(String.init)
    }

    @Test func manifestListsPathsInOrderWithHexHashAndDecimalSize() {
        let entries: [(key: String, value: TreeSync.Entry)] = [
            ("b/index.html", .init(size: 1_234, hash: 0xABC)),
            ("a/index.html", .init(size: 0, hash: 0)),
            ("a/b.html", .init(size: 98_765_432_101, hash: .max)),
        ]
        let manifest = TreeSync.manifest(entries)
        #expect(manifest.count == 3)
        #expect(String(decoding: manifest.text, as: UTF8.self) == "ffffffffffffffff 98765432101 a/b.html\n0 0 a/index.html\nabc 1234 b/index.html\n")
    }

    @Test func aPathKeptTwiceIsListedOnce() {
        let entry = TreeSync.Entry(size: 5, hash: 0x10)
        let manifest = TreeSync.manifest([("x.html", entry), ("y.html", entry), ("x.html", entry)])
        #expect(manifest.count == 2)
        #expect(String(decoding: manifest.text, as: UTF8.self) == "10 5 x.html\n10 5 y.html\n")
    }

    @Test func keepingEveryFileRemovesNothingAndDroppingOneRemovesIt() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let first = sync(folder)
        for name in ["a", "b", "c"] { try first.add("\(name)/index.html", Data("page \(name)".utf8)) }
        _ = try first.finish()

        // Everything kept but one file added again with new bytes: nothing stale.
        let second = sync(folder)
        try second.add("a/index.html", Data("page a, edited".utf8))
        try second.keep(["b/index.html", "c/index.html"])
        let kept = try second.finish()
        #expect(kept.removed.isEmpty && kept.written == ["a/index.html"] && kept.total == 3)
        #expect(try RawFile.read(folder.url.appendingPathComponent("a/index.html").path) == Data("page a, edited".utf8))

        // "c" neither added nor kept: removed, and gone from the manifest.
        let third = sync(folder)
        try third.keep(["a/index.html", "b/index.html"])
        let dropped = try third.finish()
        #expect(dropped.removed == ["c/index.html"] && dropped.total == 2)
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("c/index.html").path))
        #expect(try manifestLines(folder).map { $0.split(separator: " ").last.map(String.init) } == ["a/index.html", "b/index.html"])
    }

    @Test func keepingThousandsOfFilesKeepsEachAndNamesTheFirstOneMissing() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let names = (0..<3_000).map { "p\($0)/index.html" }
        let first = sync(folder)
        for name in names { try first.add(name, Data(name.utf8)) }
        _ = try first.finish()
        let before = try manifestLines(folder)

        // Kept in an order other than the manifest's, across several parts of the look-up.
        let second = sync(folder)
        try second.keep(names.reversed())
        let kept = try second.finish()
        #expect(kept.removed.isEmpty && kept.written.isEmpty && kept.total == 3_000)
        #expect(try manifestLines(folder) == before)

        // Paths the folder does not have, in two different parts: the first in the order given is reported.
        let third = sync(folder)
        var asked = names
        asked[2_500] = "missing/late.html"
        asked[1_500] = "missing/early.html"
        do {
            try third.keep(asked)
            Issue.record("keeping a path the folder lacks must fail")
        } catch {
            #expect(error.location?.file == "missing/early.html")
        }
    }

    @Test func aFileBothAddedAndKeptCountsOnceWithWhatWasAdded() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let first = sync(folder)
        try first.add("a.html", Data("old".utf8))
        try first.add("b.html", Data("b".utf8))
        _ = try first.finish()

        let second = sync(folder)
        try second.add("a.html", Data("newer".utf8))
        try second.keep(["a.html", "b.html"])
        let outcome = try second.finish()
        #expect(outcome.removed.isEmpty && outcome.total == 2)
        let lines = try manifestLines(folder)
        #expect(lines.count == 2)
        #expect(lines.first == "\(String(StreamingHash.of(Data("newer".utf8)), radix: 16)) 5 a.html")
    }

    @Test func theSamePathsAgainGiveTheManifestASortWouldWrite() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let names = ["z.html", "a/b.html", "a.html", "m/index.html", "a/a.html"]
        let first = sync(folder)
        for name in names { try first.add(name, Data("page \(name)".utf8)) }
        _ = try first.finish()

        // Two pages added again, one of them with new bytes, the rest kept (one of them twice): the lines are
        // copied from the last manifest, with the new entry in place.
        let second = sync(folder)
        try second.add("m/index.html", Data("page m, longer than it was".utf8))
        try second.add("a.html", Data("page a.html".utf8))
        try second.keep(["z.html", "a/b.html", "a/a.html", "z.html"])
        let outcome = try second.finish()
        #expect(outcome.removed.isEmpty && outcome.written == ["m/index.html"] && outcome.total == 5)
        let contents = Dictionary(uniqueKeysWithValues: names.map { ($0, Data("page \($0)".utf8)) })
            .merging(["m/index.html": Data("page m, longer than it was".utf8)]) { $1 }
        let expected = TreeSync.manifest(contents.map { ($0.key, TreeSync.Entry(size: $0.value.count, hash: StreamingHash.of($0.value))) })
        #expect(try RawFile.read(folder.url.appendingPathComponent(TreeSync.manifestName).path) == Data(expected.text))
        #expect(try manifestLines(folder).map { $0.split(separator: " ").last.map(String.init) } == [
            "a.html", "a/a.html", "a/b.html", "m/index.html", "z.html",
        ])
    }

    @Test func aManifestOutOfOrderOrWithLongNumbersIsWrittenAfreshInOrder() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let manifest = folder.url.appendingPathComponent(TreeSync.manifestName).path
        for (text, canonical) in [
            ("a 1 a.html\nb 2 b.html\n", true),
            ("b 2 b.html\na 1 a.html\n", false),
            ("a 1 a.html\na 1 a.html\n", false),
            ("0a 1 a.html\nb 2 b.html\n", false),
            ("a 01 a.html\nb 2 b.html\n", false),
            ("0 0 a.html\nb 2 b.html\n", true),
        ] {
            try RawFile.write(Data(text.utf8), to: manifest)
            #expect(TreeSync.readManifest(folder.url.path)?.canonical == canonical, "\(text)")
        }

        // Both files there, listed in the wrong order: kept, and listed again in order.
        for name in ["a.html", "b.html"] { try RawFile.write(Data(name.utf8), to: folder.url.appendingPathComponent(name).path) }
        let entry = { (name: String) in "\(String(StreamingHash.of(Data(name.utf8)), radix: 16)) \(name.utf8.count) \(name)" }
        try RawFile.write(Data((entry("b.html") + "\n" + entry("a.html") + "\n").utf8), to: manifest)
        let again = sync(folder)
        try again.keep(["a.html", "b.html"])
        let outcome = try again.finish()
        #expect(outcome.removed.isEmpty && outcome.total == 2)
        #expect(try manifestLines(folder) == [entry("a.html"), entry("b.html")])
    }

    @Test func otherPathsThanLastTimeGiveTheManifestASortWouldWrite() throws {
        let first = ["a.html", "b.html", "c.html"]
        let page = { (name: String) in Data("page \(name)".utf8) }
        // What the second sync adds (with its bytes) and keeps, and the files it should end with.
        let cases: [(added: [(String, Data)], kept: [String], files: [String: Data])] = [
            // A new path beside all the old ones.
            ([("b2.html", page("b2.html"))], first, Dictionary(uniqueKeysWithValues: (first + ["b2.html"]).map { ($0, page($0)) })),
            // One old path dropped.
            ([], ["a.html", "c.html"], ["a.html": page("a.html"), "c.html": page("c.html")]),
            // A path kept and added with new bytes, the rest kept.
            ([("b.html", Data("new".utf8))], first, ["a.html": page("a.html"), "b.html": Data("new".utf8), "c.html": page("c.html")]),
            // A path beyond ASCII, added again as it was.
            ([("é.html", page("é.html"))], first, Dictionary(uniqueKeysWithValues: (first + ["é.html"]).map { ($0, page($0)) })),
        ]
        for (number, item) in cases.enumerated() {
            let folder = try TempFolder()
            defer { folder.remove() }
            let start = sync(folder)
            for name in first + (number == 3 ? ["é.html"] : []) { try start.add(name, page(name)) }
            _ = try start.finish()
            let again = sync(folder)
            for (name, data) in item.added { try again.add(name, data) }
            try again.keep(item.kept)
            let outcome = try again.finish()
            #expect(outcome.total == item.files.count, "case \(number)")
            let expected = TreeSync.manifest(item.files.map { ($0.key, TreeSync.Entry(size: $0.value.count, hash: StreamingHash.of($0.value))) })
            #expect(try RawFile.read(folder.url.appendingPathComponent(TreeSync.manifestName).path) == Data(expected.text), "case \(number)")
            #expect(TreeSync.readManifest(folder.url.path)?.canonical == (number != 3), "case \(number)")
        }
    }

    @Test func aManifestWhoseLastLineIsCutShortIsNotTrusted() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let manifest = folder.url.appendingPathComponent(TreeSync.manifestName).path
        try RawFile.write(Data("a 1 a.html\nb 2 b.html".utf8), to: manifest)
        #expect(TreeSync.readManifest(folder.url.path) == nil)
        try RawFile.write(Data("a 1 a.html\nb 2 b.html\n".utf8), to: manifest)
        #expect(TreeSync.readManifest(folder.url.path)?.entries["b.html"]?.entry == TreeSync.Entry(size: 2, hash: 0xB))
    }
}
