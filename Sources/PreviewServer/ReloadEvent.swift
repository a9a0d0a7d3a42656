import Foundation

/// What the server tells open pages over their event stream.
enum ReloadEvent: Sendable, Equatable {
    /// Sent first on every connection: the current build and, when the last build failed, why. A page that
    /// reconnects after missing a build sees a new number and reloads.
    case hello(build: Int, failure: BuildFailure?)
    /// A build succeeded: reload.
    case reload(build: Int)
    /// A build failed: show the overlay, keep the page.
    case failed(BuildFailure)
    /// Keeps idle connections alive through proxies and lets the server notice closed ones.
    case ping

    /// The event in the `text/event-stream` wire format: one `event:` and one single-line `data:`.
    var wireFormat: String {
        switch self {
        case .hello(let build, let failure):
            return Self.frame("hello", Hello(build: build, failure: failure))
        case .reload(let build):
            return Self.frame("reload", Hello(build: build, failure: nil))
        case .failed(let failure):
            return Self.frame("build-error", failure)
        case .ping:
            return ": ping\n\n"
        }
    }

    private struct Hello: Encodable {
        var build: Int
        var failure: BuildFailure?
    }

    private static func frame(_ name: String, _ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // JSON without pretty printing has no raw line breaks, so it always fits one `data:` line.
        let json = (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return "event: \(name)\ndata: \(json)\n\n"
    }
}
