import Foundation
import Testing

@testable import PreviewServer

@Suite("Watching folders")
struct FolderWatcherTests {
    @Test("Edits, new and removed files and new folders are changes; editor and hidden files and the output are not")
    func changes() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("briefing-watch-\(UUID().uuidString)")
        let content = root.appendingPathComponent("Content")
        try fm.createDirectory(at: content.appendingPathComponent("briefings"), withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: root) }
        let file = content.appendingPathComponent("briefings/a.txt")
        try Data("one".utf8).write(to: file)
        let watcher = FolderWatcher(folders: [content], excluding: [content.appendingPathComponent("Public")])
        let start = watcher.snapshot()

        for name in [".a.txt.swp", "a.txt~", "#a.txt#", ".DS_Store", "4913"] {
            try Data("x".utf8).write(to: content.appendingPathComponent("briefings/\(name)"))
        }
        try fm.createDirectory(at: content.appendingPathComponent("Public/assets"), withIntermediateDirectories: true)
        try Data("built".utf8).write(to: content.appendingPathComponent("Public/index.html"))
        #expect(watcher.changes(from: start, to: watcher.snapshot()).isEmpty)

        try Data("two!".utf8).write(to: file)
        let edited = watcher.snapshot()
        #expect(watcher.changes(from: start, to: edited) == ["Content/briefings/a.txt"])

        try fm.createDirectory(at: content.appendingPathComponent("briefings/new"), withIntermediateDirectories: true)
        try fm.removeItem(at: file)
        #expect(watcher.changes(from: edited, to: watcher.snapshot()) == ["Content/briefings/a.txt", "Content/briefings/new"])
    }

    @Test("A linked root (Templates/ is one) is followed")
    func linkedRoot() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("briefing-watch-\(UUID().uuidString)")
        try fm.createDirectory(at: root.appendingPathComponent("theme"), withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: root) }
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("Templates").path, withDestinationPath: "theme")
        let watcher = FolderWatcher(folders: [root.appendingPathComponent("Templates")])
        let start = watcher.snapshot()
        try Data("{{title}}".utf8).write(to: root.appendingPathComponent("theme/page.mustache"))
        #expect(watcher.changes(from: start, to: watcher.snapshot()) == ["theme/page.mustache"])
    }
}
