import BriefingKit
import Foundation
import Hummingbird
import Synchronization

/// `briefing serve`: builds the site, serves the output folder on a loopback address, rebuilds when the
/// content or templates change and tells open pages to reload (or to show why the build failed).
public final class PreviewServer: Sendable {
    private struct State {
        var stopped = false
        var port: Int?
    }

    /// What is served and how.
    public let options: PreviewOptions
    private let log: @Sendable (String) -> Void
    private let hub = ReloadHub()
    private let state = Mutex(State())

    /// A server for `options`; `log` receives the lines a terminal shows (builds, errors).
    public init(options: PreviewOptions, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.options = options
        self.log = log
    }

    /// The address to open, once the server listens.
    public var url: URL? {
        state.withLock { $0.port }.map { Self.url(host: options.host, port: $0) }
    }

    /// Listens, builds, then serves and watches until `stop()`; `onReady` gets the address once the first
    /// build is done. Throws when the output folder is unsafe to serve or the address cannot be bound; a
    /// failing build does not throw: it is shown and the server waits for a fix.
    public func run(onReady: @escaping @Sendable (URL) -> Void = { _ in }) async throws(BuildError) {
        let build = options.build
        // The same refusal `build` makes: never serve (or replace) a folder this tool did not write.
        try SiteWriter(output: build.output, protected: [build.content, build.templates, URL(fileURLWithPath: FileManager.default.currentDirectoryPath)])
            .checkOutput()
        let rebuilder = Rebuilder(options: options, hub: hub, stopped: { [self] in isStopped }, log: log)
        // The port is bound before the first build, so that a port already in use fails at once and writes nothing.
        let (listening, listened) = AsyncStream.makeStream(of: Int.self)
        let server = makeApplication { port in
            listened.yield(port)
            listened.finish()
        }

        let hub = hub
        let failure: (any Error)? = await withTaskGroup(of: (any Error)?.self) { group in
            group.addTask {
                do {
                    try await server.run()
                    return nil
                } catch {
                    return error
                }
            }
            group.addTask {
                var bound: Int?
                for await port in listening { bound = port }
                guard let bound, !self.isStopped else { return nil }
                let seen = rebuilder.watcher.snapshot()
                let known = await rebuilder.build(changed: [])
                if self.isStopped { return nil }
                onReady(Self.url(host: self.options.host, port: bound))
                await rebuilder.watch(from: seen, known: known)
                return nil
            }
            // Whichever ends first (a stop, or the server failing to listen) ends both. Open event streams
            // are closed first so that no connection holds the server up.
            let first = await group.next() ?? nil
            self.stop()
            listened.finish()
            hub.finish()
            group.cancelAll()
            return first
        }
        if let failure {
            let reason = "\(failure)".contains("Address already in use") ? "the port is already in use" : "\(failure)"
            throw BuildError(
                stage: "serve", location: nil, message: "cannot listen on \(options.host):\(options.port): \(reason)",
                hint: "pass another --port (or --host), or stop what is using this one")
        }
    }

    private func makeApplication(listening: @escaping @Sendable (Int) -> Void) -> some ApplicationProtocol {
        let responder = PreviewResponder(
            site: SitePath(root: options.build.output), hosts: HostPolicy(listenHost: options.host), hub: hub,
            port: { [self] in state.withLock { $0.port } ?? options.port })
        var app = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port), serverName: nil),
            onServerRunning: { [self] channel in
                let port = channel.localAddress?.port ?? options.port
                state.withLock { $0.port = port }
                listening(port)
            })
        // The preview prints its own lines; the server logs cancelling its listener (a normal stop) as an error.
        app.logger.logLevel = .critical
        return app
    }

    /// Stops watching and serving. A build in progress finishes first; when it is writing, the interruption
    /// flag makes it finish its swap or put the previous site back, so the output folder stays whole.
    public func stop() {
        let first = state.withLock { state in
            defer { state.stopped = true }
            return !state.stopped
        }
        if first, let interruption = options.interruption { _ = interruption.request() }
    }

    private var isStopped: Bool { state.withLock { $0.stopped } }

    private static func url(host: String, port: Int) -> URL {
        let shown: String
        switch host {
        // Bound to every interface, the server is still reached on loopback, which the Host check accepts.
        case "0.0.0.0", "": shown = "127.0.0.1"
        case "::": shown = "[::1]"
        default: shown = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        }
        return URL(string: "http://\(shown):\(port)/") ?? URL(fileURLWithPath: "/")
    }
}
