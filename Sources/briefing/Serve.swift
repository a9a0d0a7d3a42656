import ArgumentParser
import BriefingKit
import Dispatch
import Foundation
import PreviewServer
import Synchronization

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site, serve it locally, rebuild on every change and reload open pages.")

    @Option(help: "The port to listen on.") var port = 8000
    @Option(help: "The address to listen on; 0.0.0.0 makes the preview reachable from other machines.") var host = "127.0.0.1"
    @Option(help: "The content folder.") var content = "Content"
    @Option(help: "The templates folder.") var templates = "Templates"
    @Option(help: "The output folder.") var output = "Public"
    @Flag(help: "Include briefings marked draft.") var drafts = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard !host.isEmpty else { throw ValidationError("--host must not be empty") }
    }

    func run() async throws {
        let build = BuildOptions(
            content: URL(fileURLWithPath: content), templates: URL(fileURLWithPath: templates), output: URL(fileURLWithPath: output),
            drafts: drafts)
        let server = PreviewServer(options: PreviewOptions(build: build, host: host, port: port), log: say)
        let (content, templates, output) = (content, templates, output)
        StopSignals.install { server.stop() }
        try await reporting(paths: ContentPaths(content: content)) { () async throws(BuildError) in
            try await server.run { url in
                say("Serving \(output)/ at \(url) — watching \(content)/ and \(templates)/; Ctrl-C to stop")
            }
        }
        say("Stopped; \(output)/ holds the last good build.")
    }
}

/// Writes a line to standard output at once, even when it is a pipe.
private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// Ctrl-C and SIGTERM stop the server; a build being written finishes or rolls back first. A second Ctrl-C
/// leaves at once unless the writer is in the middle of swapping folders.
private enum StopSignals {
    private static let queue = DispatchQueue(label: "briefing.serve.signals")
    private static let presses = Atomic<Int>(0)

    static func install(_ stop: @escaping @Sendable () -> Void) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                if presses.add(1, ordering: .relaxed).newValue == 1 {
                    note("Stopping…")
                    stop()
                } else if Interruption.shared.request() {
                    exit(130)
                }
            }
            source.resume()
            // The sources live as long as the process.
            _ = Unmanaged.passRetained(source as AnyObject)
        }
    }
}
