import Extraction

/// `feed.xml` (Atom), `sitemap.xml` (when `baseURL` is set) and `404.html`.
struct Feeds: Sendable {
    let context: PageContext

    private var site: Site { context.site }

    /// The feed: the 50 newest briefings. Dates come from the content, never the clock, so builds repeat.
    func atom() -> OutputFile {
        let base = site.config.baseURL
        func url(_ path: String) -> String { (base ?? "") + path }
        let feedID = base.map { $0 + "feed.xml" } ?? "urn:briefing:\(Slug.make(site.config.title))"
        let entries = site.briefings.prefix(50)
        let updated = entries.compactMap(\.source.date).max().map(Self.timestamp) ?? "1970-01-01T00:00:00Z"
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""
        xml += site.config.baseURL.map { " xml:base=\"\(XML.escape($0))\"" } ?? ""
        xml += " xml:lang=\"\(XML.escape(site.config.language))\">\n"
        xml += "  <title>\(XML.escape(site.config.title))</title>\n"
        if !site.config.description.isEmpty { xml += "  <subtitle>\(XML.escape(site.config.description))</subtitle>\n" }
        xml += "  <id>\(XML.escape(feedID))</id>\n"
        xml += "  <updated>\(updated)</updated>\n"
        xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(XML.escape(url("index.html")))\"/>\n"
        if let base { xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(XML.escape(base + "feed.xml"))\"/>\n" }
        xml += "  <author><name>\(XML.escape(site.config.author ?? site.config.title))</name></author>\n"
        xml += "  <generator>briefing</generator>\n"
        for briefing in entries {
            let path = PageContext.briefingPath(briefing.slug)
            let id = base.map { $0 + path } ?? "urn:briefing:\(Slug.make(site.config.title)):\(briefing.slug)"
            xml += "  <entry>\n"
            xml += "    <title>\(XML.escape(briefing.source.title))</title>\n"
            xml += "    <id>\(XML.escape(id))</id>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(XML.escape(url(path)))\"/>\n"
            xml += "    <updated>\(briefing.source.date.map(Self.timestamp) ?? updated)</updated>\n"
            for tag in briefing.source.tags { xml += "    <category term=\"\(XML.escape(tag))\"/>\n" }
            var summary = briefing.source.summary.map { "<p>\(HTML.escape($0))</p>" } ?? ""
            if !briefing.keyPoints.isEmpty {
                summary += "<ul>" + briefing.keyPoints.map { "<li>\(HTML.escape($0.text))</li>" }.joined() + "</ul>"
            }
            if !summary.isEmpty { xml += "    <summary type=\"html\">\(XML.escape(summary))</summary>\n" }
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return OutputFile(path: "feed.xml", text: xml)
    }

    /// The sitemap, only when the site knows its absolute address.
    func sitemap(pages: [String]) -> OutputFile? {
        guard let base = site.config.baseURL else { return nil }
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in pages.sorted() where path.hasSuffix(".html") && path != "404.html" {
            xml += "  <url><loc>\(XML.escape(base + path))</loc></url>\n"
        }
        xml += "</urlset>\n"
        return OutputFile(path: "sitemap.xml", text: xml)
    }

    /// The page web hosts show for a missing path. Its links are absolute when `baseURL` is set, since the
    /// page is served at any depth; otherwise relative to the site root.
    func notFound() -> PageSpec {
        var value = context.page("404.html", title: "Page not found", description: nil, fields: [:])
        if case .object(var fields) = value, let base = site.config.baseURL {
            fields["root"] = .string(base)
            value = .object(fields)
        }
        return PageSpec(path: "404.html", template: "404", value: value)
    }

    /// "2025-02-12" → "2025-02-12T00:00:00Z".
    static func timestamp(_ date: String) -> String { date + "T00:00:00Z" }
}

/// Escaping for XML text and attributes.
enum XML {
    /// `text` with `& < > " '` escaped and characters XML 1.0 forbids dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
