import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a request path into a file of the output folder, or says why not. Every answer is checked against
/// the real (symlink-resolved) output folder, so nothing outside it is ever read.
struct SitePath: Sendable {
    /// What a request path leads to.
    enum Resolution: Equatable, Sendable {
        /// A regular file inside the output folder, by its real path.
        case file(String)
        /// A folder asked for without its trailing slash: send the browser to this path so relative links work.
        case redirect(String)
        /// Nothing there.
        case notFound
        /// The path tries to leave the output folder or names something that is never served.
        case forbidden
        /// The path cannot be decoded.
        case malformed
    }

    /// The output folder as configured (it is swapped on every build, so it is resolved per request).
    let root: URL

    /// Resolves the raw (still percent-encoded) path of a request.
    func resolve(_ rawPath: String) -> Resolution {
        guard rawPath.hasPrefix("/") else { return .malformed }
        var segments: [String] = []
        let rawSegments = rawPath.split(separator: "/", omittingEmptySubsequences: true)
        for raw in rawSegments {
            switch Self.decode(segment: raw) {
            case .success(let segment): segments.append(segment)
            case .failure(let refusal): return refusal.resolution
            }
        }
        guard let rootPath = Self.realPath(root.path) else { return .notFound }
        let candidate = ([rootPath] + segments).joined(separator: "/")
        guard let real = Self.realPath(candidate) else { return .notFound }
        guard Self.contains(rootPath, real) else { return .forbidden }
        switch Self.kind(of: real) {
        case .directory:
            // `/dir` and `/dir/` must not both serve the page: its relative links resolve differently.
            // Rebuilt from the segments: the raw path could start with `//`, which a browser reads as another host.
            guard rawPath.hasSuffix("/") else { return .redirect("/" + rawSegments.joined(separator: "/") + "/") }
            guard let index = Self.realPath(real + "/index.html") else { return .notFound }
            guard Self.contains(rootPath, index) else { return .forbidden }
            return Self.kind(of: index) == .file ? .file(index) : .notFound
        case .file:
            return rawPath.hasSuffix("/") ? .notFound : .file(real)
        case .other:
            return .forbidden
        }
    }

    /// The site's own 404 page, when it has one inside the output folder.
    func notFoundPage() -> String? {
        guard let rootPath = Self.realPath(root.path), let page = Self.realPath(rootPath + "/404.html"),
            Self.contains(rootPath, page), Self.kind(of: page) == .file
        else { return nil }
        return page
    }

    private enum Refusal: Error {
        case forbidden
        case malformed

        var resolution: Resolution { self == .forbidden ? .forbidden : .malformed }
    }

    /// Decodes one segment exactly once. What is left after decoding must be a plain file name: no
    /// separators (`%2F`, `\`), no NUL or control characters, not `.` or `..`, no hidden files, and no
    /// second layer of encoding (`%252e` decodes to `%2e`, which a later step might decode again).
    private static func decode(segment raw: Substring) -> Result<String, Refusal> {
        var bytes: [UInt8] = []
        var utf8 = Array(raw.utf8)[...]
        while let byte = utf8.popFirst() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard utf8.count >= 2, let high = hexValue(utf8[utf8.startIndex]), let low = hexValue(utf8[utf8.startIndex + 1]) else {
                return .failure(.malformed)
            }
            bytes.append(high << 4 | low)
            utf8 = utf8.dropFirst(2)
        }
        guard let segment = String(validating: bytes, as: UTF8.self) else { return .failure(.malformed) }
        if segment == "." || segment == ".." { return .failure(.forbidden) }
        for byte in bytes where byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "\\") {
            return .failure(.forbidden)
        }
        if segment.hasPrefix(".") { return .failure(.forbidden) }
        if containsEncoding(bytes) { return .failure(.forbidden) }
        return .success(segment)
    }

    private static func containsEncoding(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 3 else { return false }
        for i in 0..<(bytes.count - 2) where bytes[i] == UInt8(ascii: "%") {
            if hexValue(bytes[i + 1]) != nil && hexValue(bytes[i + 2]) != nil { return true }
        }
        return false
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Whether `path` is `root` or below it; the separator matters (`/site/Public-secrets` is not in `/site/Public`).
    private static func contains(_ root: String, _ path: String) -> Bool {
        path == root || path.hasPrefix(root == "/" ? "/" : root + "/")
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private enum Kind { case file, directory, other }

    private static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }
}
