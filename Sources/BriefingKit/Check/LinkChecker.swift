import Foundation

/// A problem `briefing check` reports.
public struct CheckProblem: Hashable, Sendable, CustomStringConvertible {
    /// Where: a content file and line, or a page of the built site.
    public var location: SourceLocation
    /// What is wrong.
    public var message: String

    /// `file:line: message`.
    public var description: String { "\(location): \(message)" }
}

/// Finds internal links and fragment anchors in a rendered site that lead nowhere.
struct LinkChecker: Sendable {
    /// Pages and other files by path; `assets` lists the paths of copied assets.
    let files: [String: Data]
    let assets: Set<String>

    /// A broken link: the page it is on, the link as written there, and what is wrong.
    struct BrokenLink: Sendable {
        var page: String
        var link: String
        var message: String
    }

    /// Every broken link, in page order.
    func check() -> [BrokenLink] {
        var ids: [String: Set<String>] = [:]
        for (path, data) in files where path.hasSuffix(".html") {
            ids[path] = Set(Self.attributeValues("id", in: String(decoding: data, as: UTF8.self)))
        }
        var problems: [BrokenLink] = []
        for path in files.keys.sorted() where path.hasSuffix(".html") && path != "404.html" {
            let html = String(decoding: files[path] ?? Data(), as: UTF8.self)
            var seen = Set<String>()
            for link in Self.attributeValues("href", in: html) + Self.attributeValues("src", in: html)
            where seen.insert(link).inserted {
                if let problem = problem(link, from: path, ids: ids) {
                    problems.append(BrokenLink(page: path, link: link, message: problem))
                }
            }
        }
        return problems
    }

    private func problem(_ link: String, from page: String, ids: [String: Set<String>]) -> String? {
        let lower = link.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") || lower.hasPrefix("//") { return nil }
        if lower.hasPrefix("javascript:") || lower.hasPrefix("data:") { return "unsafe link '\(link)'" }
        if link.isEmpty { return "empty link (Markdown links to javascript:, vbscript:, file: and data: addresses are emptied)" }
        let (pathPart, fragment) = Self.split(link)
        let target: String
        if pathPart.isEmpty {
            target = page
        } else {
            guard let resolved = Self.resolve(pathPart, from: page) else { return "link '\(link)' leaves the site" }
            target = resolved
        }
        guard files[target] != nil || assets.contains(target) else {
            let hint = target.hasSuffix(".md") ? "; link to the built page instead (a briefing's page is <slug>/index.html)" : ""
            return "broken link '\(link)': \(target) does not exist\(hint)"
        }
        if let fragment, !fragment.isEmpty, target.hasSuffix(".html") {
            let id = fragment.removingPercentEncoding ?? fragment
            if ids[target]?.contains(id) != true { return "broken anchor '\(link)': no id '\(id)' in \(target)" }
        }
        return nil
    }

    private static func split(_ link: String) -> (String, String?) {
        var path = link
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = String(path[..<hash])
        }
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        return (path, fragment)
    }

    /// `link` resolved against the folder of `page`; nil when it climbs above the root.
    static func resolve(_ link: String, from page: String) -> String? {
        var parts = link.hasPrefix("/") ? [] : page.split(separator: "/").dropLast().map(String.init)
        for part in link.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part).removingPercentEncoding ?? String(part))
            }
        }
        var path = parts.joined(separator: "/")
        if link.hasSuffix("/") || path.isEmpty { path += path.isEmpty ? "index.html" : "/index.html" }
        return path
    }

    /// Values of `name="…"` attributes in `html`, in order (the templates always double-quote attributes).
    static func attributeValues(_ name: String, in html: String) -> [String] {
        var values: [String] = []
        let needle = Array((" " + name + "=\"").utf8)
        let bytes = Array(html.utf8)
        var i = 0
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0], Array(bytes[i..<(i + needle.count)]) == needle {
                var j = i + needle.count
                let start = j
                while j < bytes.count, bytes[j] != UInt8(ascii: "\"") { j += 1 }
                values.append(Self.unescape(String(decoding: bytes[start..<j], as: UTF8.self)))
                i = j
            }
            i += 1
        }
        return values
    }

    private static func unescape(_ value: String) -> String {
        value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
