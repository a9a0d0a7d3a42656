/// `Content/site.yml`: what the whole site is called and where it lives.
public struct SiteConfig: Hashable, Sendable {
    /// Site title, shown in every page header and the feed.
    public var title: String
    /// One-sentence description for the home page, the feed and search engines.
    public var description: String
    /// Absolute URL the site is published at, ending in "/"; enables `sitemap.xml` and absolute feed links.
    public var baseURL: String?
    /// BCP 47 language tag for `<html lang>`.
    public var language: String
    /// Default author of the commentary.
    public var author: String?

    /// Creates a configuration.
    public init(title: String = "Briefings", description: String = "", baseURL: String? = nil, language: String = "en", author: String? = nil) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.language = language
        self.author = author
    }

    /// Parses the YAML text of `site.yml`; `file` names it in errors.
    static func parse(_ yaml: String, file: String) throws(BuildError) -> SiteConfig {
        let fields = try FrontMatter.parseMapping(yaml, file: file, firstLine: 1)
        var config = SiteConfig()
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            switch key {
            case "title": config.title = try value.string(key) ?? config.title
            case "description": config.description = try value.string(key) ?? ""
            case "language": config.language = try value.string(key) ?? "en"
            case "author": config.author = try value.string(key)
            case "baseURL":
                guard var url = try value.string(key) else { continue }
                guard URLPolicy.isAbsoluteWeb(url) else {
                    throw BuildError(
                        stage: "load", location: value.location,
                        message: "baseURL must be an absolute http or https URL, got '\(url)'",
                        hint: "for example baseURL: https://example.org/briefings/")
                }
                if !url.hasSuffix("/") { url += "/" }
                config.baseURL = url
            default:
                throw BuildError(
                    stage: "load", location: value.location, message: "unknown setting '\(key)'",
                    hint: "site.yml knows title, description, baseURL, language and author")
            }
        }
        return config
    }
}

/// Which URLs content may link to.
enum URLPolicy {
    /// http or https with a host.
    static func isAbsoluteWeb(_ url: String) -> Bool {
        let lower = url.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && !url.contains(where: \.isWhitespace)
            && url.split(separator: "/", omittingEmptySubsequences: true).count >= 2
    }

    /// http, https, mailto or a relative reference; never javascript:, data: or another scheme.
    static func isAllowedLink(_ url: String) -> Bool {
        let trimmed = url.trimmed
        if trimmed.isEmpty { return false }
        let lower = trimmed.lowercased()
        if lower.hasPrefix("mailto:") { return !trimmed.contains(where: \.isWhitespace) }
        if lower.hasPrefix("http:") || lower.hasPrefix("https:") { return isAbsoluteWeb(trimmed) }
        // Relative: no scheme before the first "/", "?" or "#", and no control characters.
        if trimmed.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return false }
        let head = trimmed.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return !head.contains(":") && !trimmed.hasPrefix("//") && !trimmed.hasPrefix("\\")
    }
}

extension String {
    /// The string without leading and trailing white space and line ends.
    var trimmed: String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
        return start == scalars.startIndex && end == scalars.endIndex ? self : String(self[start..<end])
    }
}
