import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Which `Host` headers the server answers. A web page on another site can make a browser send requests
/// to a loopback port by pointing its own DNS name at 127.0.0.1 (DNS rebinding); such requests carry that
/// foreign name as their Host, so answering only the names below keeps the preview private.
struct HostPolicy: Sendable {
    /// The address the server was told to listen on (`127.0.0.1`, `::1`, `0.0.0.0`, a host name).
    let listenHost: String

    /// Whether a request with this Host header, to a server bound to `port`, may be answered.
    func allows(_ authority: String?, port: Int) -> Bool {
        guard let authority, let (host, given) = Self.split(authority) else { return false }
        // Browsers leave out the port only when it is the scheme's default.
        guard (given ?? 80) == port else { return false }
        let name = host.lowercased()
        if ["localhost", "127.0.0.1", "::1"].contains(name) { return true }
        let listen = listenHost.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if name == listen { return true }
        // Bound to every interface, the server is reached by this machine's addresses; an address literal
        // cannot be rebound, only a name can.
        if listen == "0.0.0.0" || listen == "::" { return Self.isAddressLiteral(name) }
        return false
    }

    /// `host` and optional port of an authority; IPv6 addresses come in brackets. Nil when malformed.
    static func split(_ authority: String) -> (String, Int?)? {
        var host: Substring
        var rest: Substring
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = authority[authority.index(after: authority.startIndex)..<close]
            rest = authority[authority.index(after: close)...]
        } else if let colon = authority.firstIndex(of: ":") {
            host = authority[..<colon]
            rest = authority[colon...]
        } else {
            host = authority[...]
            rest = ""
        }
        guard !host.isEmpty, !host.contains(where: { $0 == "/" || $0 == "@" || $0 == " " || $0 == "\\" }) else { return nil }
        if rest.isEmpty { return (String(host), nil) }
        guard rest.first == ":", let port = Int(rest.dropFirst()), (1...65535).contains(port) else { return nil }
        return (String(host), port)
    }

    private static func isAddressLiteral(_ host: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }
}
