import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Server-Sent Events subscriber on a raw socket: a reader thread collects the events as they arrive and
/// tests wait for the one they expect with a deadline.
final class EventStreamClient: Sendable {
    /// One event as received.
    struct Event: Sendable, Equatable {
        var name: String
        var data: String

        /// The data as a JSON object.
        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(data.utf8))) as? [String: Any] ?? [:]
        }
    }

    private struct State {
        var events: [Event] = []
        var head = ""
        var closed = false
    }

    private let socket: Int32
    private let state = Mutex(State())

    /// Opens `/__briefing/events` on the server at `port`.
    init(port: Int) throws {
        socket = try RawHTTP.connect(port: port, timeout: 30)
        let request = "GET /__briefing/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n"
        _ = request.withCString { write(socket, $0, strlen($0)) }
        let thread = Thread { [self] in readLoop() }
        thread.start()
    }

    /// Closes the connection (the server notices on its next write).
    func close() {
        shutdown(socket, Int32(SHUT_RDWR))
    }

    /// The response head, once read.
    var head: String { state.withLock { $0.head } }

    /// Every event received so far.
    var events: [Event] { state.withLock { $0.events } }

    /// The first event after the first `skip` that satisfies `match`, waiting up to `timeout`.
    func next(after skip: Int = 0, timeout: Duration = .seconds(15), where match: (Event) -> Bool) async -> Event? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let event = events.dropFirst(skip).first(where: match) { return event }
            if state.withLock({ $0.closed }) { return nil }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return events.dropFirst(skip).first(where: match)
    }

    private func readLoop() {
        // Bytes, not String: "\r\n" is one Character, which would hide the line ends this parser splits on.
        var pending: [UInt8] = []
        var headDone = false
        var name = "message"
        var data: [String] = []
        var buffer = [UInt8](repeating: 0, count: 8192)
        while true {
            let count = read(socket, &buffer, buffer.count)
            if count <= 0 { break }
            pending += buffer[0..<count]
            if !headDone {
                guard let end = (0..<max(0, pending.count - 3)).first(where: { pending[$0..<($0 + 4)].elementsEqual([13, 10, 13, 10]) }) else {
                    continue
                }
                let head = String(decoding: pending[0..<end], as: UTF8.self)
                state.withLock { $0.head = head }
                pending.removeFirst(end + 4)
                headDone = true
            }
            // Line by line; the chunk-size lines of the chunked body are neither fields nor blank, so they drop out.
            while let newline = pending.firstIndex(of: 10) {
                var line = String(decoding: pending[0..<newline], as: UTF8.self)
                pending.removeFirst(newline + 1)
                if line.hasSuffix("\r") { line.removeLast() }
                if line.hasPrefix("event: ") {
                    name = String(line.dropFirst(7))
                } else if line.hasPrefix("data: ") {
                    data.append(String(line.dropFirst(6)))
                } else if line.isEmpty {
                    if !data.isEmpty {
                        let event = Event(name: name, data: data.joined(separator: "\n"))
                        state.withLock { $0.events.append(event) }
                    }
                    name = "message"
                    data = []
                }
            }
        }
        state.withLock { $0.closed = true }
        #if canImport(Glibc)
        Glibc.close(socket)
        #else
        Darwin.close(socket)
        #endif
    }
}
