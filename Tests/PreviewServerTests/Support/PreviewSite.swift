import BriefingKit
import Foundation
import Synchronization

@testable import PreviewServer

/// Paths of the repository, found from this file's location so tests run from any directory.
enum RepoPaths {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let templates = root.appendingPathComponent("Templates")
    static let fixtureSite = root.appendingPathComponent("Tests/BriefingKitTests/Fixtures/Site")
}

/// A copy of the fixture site in a temporary folder, served by a preview server on a free loopback port.
final class PreviewSite: Sendable {
    /// The temporary folder: `Content/`, `Public/` and whatever a test adds beside them.
    let folder: URL
    let server: PreviewServer
    let port: Int
    private let task: Task<Void, Never>
    private let lines: LineLog

    /// The fixture briefing with commentary, and its page.
    static let slug = "2024-05-01-river-dispute"
    static let commentary = "briefings/\(slug)/index.md"
    static let page = "/briefings/\(slug)/"

    var content: URL { folder.appendingPathComponent("Content") }
    var output: URL { folder.appendingPathComponent("Public") }

    /// Lines the server printed.
    var log: [String] { lines.all }

    /// Copies the fixture, builds it and starts serving; returns once the port is bound.
    static func start() async throws -> PreviewSite {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: RepoPaths.fixtureSite, to: folder.appendingPathComponent("Content"))
        var options = PreviewOptions(
            build: BuildOptions(
                content: folder.appendingPathComponent("Content"), templates: RepoPaths.templates,
                output: folder.appendingPathComponent("Public")),
            host: "127.0.0.1", port: 0)
        options.pollInterval = .milliseconds(50)
        options.quietPeriod = .milliseconds(50)
        // The process-wide flag is shared with every other suite's builds; a test stop must not set it.
        options.interruption = nil
        let lines = LineLog()
        let server = PreviewServer(options: options) { line in lines.append(line) }
        let (ready, continuation) = AsyncStream.makeStream(of: Int.self)
        let task = Task {
            do {
                try await server.run { url in continuation.yield(url.port ?? 0) }
            } catch {
                lines.append("run failed: \(error)")
            }
            continuation.finish()
        }
        var port = 0
        for await bound in ready {
            port = bound
            break
        }
        guard port > 0 else {
            task.cancel()
            throw PreviewSiteError.notStarted(lines.all)
        }
        return PreviewSite(folder: folder, server: server, port: port, task: task, lines: lines)
    }

    private init(folder: URL, server: PreviewServer, port: Int, task: Task<Void, Never>, lines: LineLog) {
        self.folder = folder
        self.server = server
        self.port = port
        self.task = task
        self.lines = lines
    }

    /// Stops the server, waits for it and removes the folder.
    func stop() async {
        server.stop()
        await task.value
        try? FileManager.default.removeItem(at: folder)
    }

    /// Waits for `run` to return after `stop()` without removing anything.
    func stopKeepingFiles() async {
        server.stop()
        await task.value
    }

    /// `GET path` (or another method) on the server.
    func get(_ path: String, method: String = "GET", host: String? = nil) async throws -> RawHTTP.Response {
        try await RawHTTP.request(path, port: port, method: method, host: host)
    }

    /// Replaces a content file (a path below `Content/`).
    func writeContent(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: content.appendingPathComponent(path))
    }

    /// A content file's text.
    func readContent(_ path: String) throws -> String {
        try String(decoding: Data(contentsOf: content.appendingPathComponent(path)), as: UTF8.self)
    }

    /// A file of the built site, as it is on disk.
    func readOutput(_ path: String) throws -> String {
        try String(decoding: Data(contentsOf: output.appendingPathComponent(path)), as: UTF8.self)
    }
}

enum PreviewSiteError: Error {
    case notStarted([String])
}

/// Lines a server printed, collected from any thread.
final class LineLog: Sendable {
    private let lines = Mutex<[String]>([])

    func append(_ line: String) { lines.withLock { $0.append(line) } }

    var all: [String] { lines.withLock { $0 } }
}
