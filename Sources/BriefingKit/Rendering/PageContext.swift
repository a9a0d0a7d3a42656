import Extraction

/// A page to write: where, with which template, and the view model.
public struct PageSpec: Sendable {
    /// Path below the output folder ("briefings/x/index.html").
    public var path: String
    /// Template name ("briefing").
    public var template: String
    /// The view model.
    public var value: TemplateValue
}

/// Fields every page's view model carries, and the relative links between pages.
struct PageContext: Sendable {
    let site: Site
    /// The `site` field every page carries, built once.
    private let siteValue: TemplateValue
    /// Each briefing as a link in a list (title, href, date, dateDisplay), by slug, built once.
    let briefingLinks: [String: TemplateValue]

    init(site: Site) {
        self.site = site
        let values = concurrentMap(site.briefings, each: { briefing -> TemplateValue in
            [
                "title": .string(briefing.source.title),
                "href": .string(Self.briefingPath(briefing.slug)),
                "date": .optional(briefing.source.date),
                "dateDisplay": .optional(Self.displayDate(briefing.source.date)),
            ]
        })
        var links: [String: TemplateValue] = [:]
        links.reserveCapacity(site.briefings.count)
        for (briefing, value) in zip(site.briefings, values) { links[briefing.slug] = value }
        briefingLinks = links
        siteValue = [
            "title": .string(site.config.title),
            "description": .string(site.config.description),
            "language": .string(site.config.language),
            "author": .optional(site.config.author),
        ]
    }

    /// The prefix that leads from a page at `path` back to the site root ("../../" for "briefings/x/index.html").
    static func root(for path: String) -> String {
        // Folders counted by their slashes (paths are relative, with no empty parts).
        String(repeating: "../", count: path.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 })
    }

    /// The view model of a page at `path`: `site`, `root`, `page` and the given fields.
    func page(_ path: String, title: String?, description: String?, fields: TemplateObject) -> TemplateValue {
        // These go first: a look-up searches an object from its first field, and templates read `root` in every
        // link, from inside every list of a page. (Fields of the same names are replaced, as before.)
        var elements: [(String, TemplateValue)] = [
            ("root", .string(Self.root(for: path))),
            ("site", siteValue),
            (
                "page",
                [
                    "title": .optional(title),
                    "description": .string(description ?? site.config.description),
                    "path": .string(path),
                ]
            ),
        ]
        elements.reserveCapacity(fields.fields.count + elements.count)
        for (key, value) in fields.fields where key != "root" && key != "site" && key != "page" { elements.append((key, value)) }
        return .object(TemplateObject(elements))
    }

    // MARK: - Links (relative to the site root; templates prefix `root`)

    static func briefingPath(_ slug: String) -> String { "briefings/\(slug)/index.html" }
    static func actorPath(_ id: String) -> String { "actors/\(id)/index.html" }
    static func tagPath(_ slug: String) -> String { "tags/\(slug)/index.html" }

    /// "2025-02-12" → "12 February 2025".
    static func displayDate(_ iso: String?) -> String? {
        guard let iso else { return nil }
        if let plain = plainDisplayDate(iso) { return plain }
        guard iso.count >= 10 else { return nil }
        let parts = iso.prefix(10).split(separator: "-")
        guard parts.count == 3, let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month) else { return iso }
        return "\(day) \(months[month - 1]) \(parts[0])"
    }

    /// `displayDate` of a date written as digits `YYYY-MM-DD` (then anything ASCII), read from its bytes; nil for
    /// anything else, which the general reading handles.
    private static func plainDisplayDate(_ iso: String) -> String? {
        var iso = iso
        return iso.withUTF8 { utf8 -> String? in
            guard utf8.count >= 10, utf8.count == 10 || utf8[10] < 0x80, utf8[4] == 0x2D, utf8[7] == 0x2D else { return nil }
            func digit(_ index: Int) -> Int? {
                let value = Int(utf8[index]) &- 0x30
                return (0...9).contains(value) ? value : nil
            }
            guard digit(0) != nil, digit(1) != nil, digit(2) != nil, digit(3) != nil, let m1 = digit(5), let m2 = digit(6),
                let d1 = digit(8), let d2 = digit(9), (1...12).contains(m1 * 10 + m2)
            else { return nil }
            let (month, day) = (m1 * 10 + m2, d1 * 10 + d2)
            return "\(day) \(months[month - 1]) \(String(decoding: UnsafeBufferPointer(rebasing: utf8[0..<4]), as: UTF8.self))"
        }
    }

    private static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    /// The tag links of a briefing.
    func tags(of briefing: Briefing) -> TemplateValue {
        .list(briefing.source.tags.map { name in
            ["name": .string(name), "href": .string(Self.tagPath(Slug.make(name)))]
        })
    }

    /// Key points as a list of `{text}`.
    static func keyPoints(_ points: [BriefingKeyPoint]) -> TemplateValue {
        .list(points.map { ["text": .string($0.text)] })
    }

    /// "1 briefing", "3 briefings".
    static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(number) " + (number == 1 ? singular : plural ?? singular + "s")
    }

    /// The first `count` roles joined with "; ", or nil when there are none. Most actors have one role, which
    /// is taken as it is rather than through a join.
    static func roles(_ roles: [String], first count: Int) -> String? {
        switch roles.count {
        case 0: return nil
        case 1: return roles[0]
        default:
            // Appended in turn: `joined` walks the roles through an unspecialised iterator.
            var joined = roles[0]
            for index in 1..<min(count, roles.count) {
                joined += "; "
                joined += roles[index]
            }
            return joined
        }
    }

    /// Human label of a kind.
    static func kindLabel(_ kind: ActorKind, plural: Bool = false) -> String {
        switch kind {
        case .person: return plural ? "People" : "Person"
        case .organization: return plural ? "Organisations" : "Organisation"
        case .place: return plural ? "Places" : "Place"
        case .other: return plural ? "Other" : "Other"
        }
    }
}
