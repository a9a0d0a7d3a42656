import Extraction
import Foundation

/// `search/index.html` and the index it loads: `search/index-1.js`, `search/index-2.js`, … Each is a classic
/// script adding its rows to one global, so search works from `file://` where `fetch()` of local files does
/// not; split, so that an edit renders (and a browser downloads again) only the part that shows it.
struct SearchPage: Sendable {
    let context: PageContext
    /// Actor ids in order.
    let actorIDs: [String]

    func spec() -> PageSpec {
        let path = "search/index.html"
        let scripts: [TemplateValue] = Self.layout(context.site, actors: actorIDs.count).indices.map { ["src": .string(Self.scriptName($0))] }
        return PageSpec(
            path: path, template: "search",
            value: context.page(
                path, title: "Search", description: "Search briefings, actors and quotes.", fields: ["indexScripts": .list(scripts)]))
    }

    /// Which rows a script of the index holds: briefings, actors or the quotes of briefings, by position.
    enum Part: Hashable, Sendable {
        case briefings(Range<Int>), actors(Range<Int>), quotes(Range<Int>)

        /// The positions it holds.
        var range: Range<Int> {
            switch self {
            case .briefings(let range), .actors(let range), .quotes(let range): return range
            }
        }
    }

    /// The index's scripts in order: briefing rows, then actor rows, then quote rows, each cut into a few
    /// parts of about equal size, so that the rows, joined, are in that order.
    static func layout(_ site: Site, actors: Int) -> [Part] {
        let briefings = slices(site.briefings.count, parts: 8)
        return briefings.map(Part.briefings) + slices(actors, parts: 4).map(Part.actors) + briefings.map(Part.quotes)
    }

    /// "index-1.js": the name of script `number` (from 0) of the index, in `search/`.
    static func scriptName(_ number: Int) -> String { "index-\(number + 1).js" }

    /// Script `number` of the index: `[type, title, text, url]` rows, `url` relative to the site root.
    func indexScript(_ number: Int) -> OutputFile {
        let site = context.site
        var json = JSONWriter()
        func row(_ type: String, _ title: String, _ text: String, _ url: String) {
            json.beginArray()
            json.string(type)
            json.string(title)
            json.string(text)
            json.string(url)
            json.endArray()
        }
        let parts = Self.layout(site, actors: actorIDs.count)
        switch parts.indices.contains(number) ? parts[number] : .actors(0..<0) {
        case .briefings(let range):
            for b in range {
                let (source, points) = (site.briefings[b].source, site.briefings[b].keyPoints)
                let text = ([source.summary ?? ""] + points.map(\.text) + source.tags).joined(separator: " ")
                row("briefing", source.title, text, PageContext.briefingPath(site.briefings[b].slug))
            }
        case .actors(let range):
            for id in actorIDs[range] {
                guard let actor = site.actors[id] else { continue }
                let text = ([PageContext.kindLabel(actor.kind)] + actor.roles + actor.aliases).joined(separator: " · ")
                row("actor", actor.name, text, PageContext.actorPath(actor.id))
            }
        case .quotes(let range):
            // By index: iterating would copy every briefing, article and quote, each string and list retained.
            for b in range {
                let (title, path) = (site.briefings[b].source.title, PageContext.briefingPath(site.briefings[b].slug))
                for a in site.briefings[b].articles.indices {
                    let map = site.briefings[b].articles[a].actorMap
                    let quotes = site.briefings[b].articles[a].extraction.quotes
                    for q in quotes.indices {
                        let speaker = quotes[q].speakerId.flatMap { map[$0] }.flatMap { site.actors[$0]?.name } ?? quotes[q].speaker ?? ""
                        row("quote", speaker.isEmpty ? title : "\(speaker) · \(title)", quotes[q].text, path + "#" + BriefingPage.quoteID(article: a, index: q))
                    }
                }
            }
        }
        var script = Array("window.BRIEFING_SEARCH_INDEX = (window.BRIEFING_SEARCH_INDEX || []).concat([".utf8)
        script.reserveCapacity(json.bytes.count + 64)
        script += json.bytes
        script += "]);\n".utf8
        return OutputFile(path: "search/" + Self.scriptName(number), data: Data(script))
    }

    /// `count` positions cut into at most `parts` ranges of about equal size (one empty range for none).
    static func slices(_ count: Int, parts: Int) -> [Range<Int>] {
        let parts = max(1, min(parts, count))
        return (0..<parts).map { (count * $0 / parts)..<(count * ($0 + 1) / parts) }
    }
}
