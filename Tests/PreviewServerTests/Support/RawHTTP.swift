import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal HTTP/1.1 client over a loopback socket. Unlike URLSession it sends exactly the bytes given:
/// `..` segments, odd encodings, a foreign Host header and broken requests reach the server unchanged.
enum RawHTTP {
    /// A parsed answer.
    struct Response: Sendable {
        var status: Int
        var headers: [String: String]
        var body: Data

        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    enum Failure: Error {
        case connect(Int32)
        case noResponse(String)
    }

    /// `GET path` (or another method) with `Host: 127.0.0.1:port` unless `host` says otherwise.
    static func request(
        _ path: String, port: Int, method: String = "GET", host: String? = nil, headers: [String] = []
    ) async throws -> Response {
        let hostLine = host.map { $0.isEmpty ? [] : ["Host: \($0)"] } ?? ["Host: 127.0.0.1:\(port)"]
        let lines = ["\(method) \(path) HTTP/1.1"] + hostLine + headers + ["Connection: close", "", ""]
        return try await send(Data(lines.joined(separator: "\r\n").utf8), port: port)
    }

    /// Sends raw bytes and reads the answer until the server closes the connection.
    static func send(_ bytes: Data, port: Int) async throws -> Response {
        let raw = try await exchange(bytes, port: port)
        guard let response = parse(raw) else { throw Failure.noResponse(String(decoding: raw, as: UTF8.self)) }
        return response
    }

    /// The bytes the server sent back before closing. The blocking I/O runs on a thread of its own: on Linux
    /// the Swift concurrency pool is Dispatch's global queue, and a reader blocked there starves the very
    /// server it waits for.
    static func exchange(_ bytes: Data, port: Int) async throws -> Data {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                do {
                    let socket = try connect(port: port)
                    defer { close(socket) }
                    _ = bytes.withUnsafeBytes { write(socket, $0.baseAddress, $0.count) }
                    continuation.resume(returning: readAll(socket))
                } catch {
                    continuation.resume(throwing: error)
                }
            }.start()
        }
    }

    /// A connected loopback socket that gives up reading after `timeout` seconds of silence.
    static func connect(port: Int, timeout: Int = 10) throws -> Int32 {
        #if canImport(Glibc)
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let socket = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var wait = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                #if canImport(Glibc)
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                #else
                Darwin.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                #endif
            }
        }
        guard result == 0 else {
            close(socket)
            throw Failure.connect(errno)
        }
        return socket
    }

    private static func readAll(_ socket: Int32) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(socket, &buffer, buffer.count)
            if count <= 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        return data
    }

    /// Status, headers and body (de-chunked when needed) of a complete answer.
    static func parse(_ raw: Data) -> Response? {
        let bytes = [UInt8](raw)
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0..<max(0, bytes.count - 3)).first(where: { Array(bytes[$0..<($0 + 4)]) == separator }) else { return nil }
        let head = String(decoding: bytes[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
        guard let statusLine = head.first, statusLine.hasPrefix("HTTP/1."),
            let code = statusLine.split(separator: " ").dropFirst().first, let status = Int(code)
        else { return nil }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(bytes[(end + 4)...])
        if headers["transfer-encoding"] == "chunked" { body = dechunk(body) }
        return Response(status: status, headers: headers, body: body)
    }

    private static func dechunk(_ data: Data) -> Data {
        var bytes = [UInt8](data)[...]
        var out = Data()
        while let lineEnd = bytes.firstIndex(of: 13) {
            let size = Int(String(decoding: bytes[bytes.startIndex..<lineEnd], as: UTF8.self), radix: 16) ?? 0
            let start = lineEnd + 2
            guard size > 0, start + size <= bytes.endIndex else { break }
            out.append(contentsOf: bytes[start..<(start + size)])
            bytes = bytes[(start + size + 2)...]
        }
        return out
    }
}
