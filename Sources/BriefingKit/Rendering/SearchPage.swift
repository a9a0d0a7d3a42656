import Extraction
import Foundation

/// `search/index.html` and `search/search-index.js`: the index ships as a classic script assigning one global,
/// so search works from `file://` where `fetch()` of local files does not.
struct SearchPage: Sendable {
    let context: PageContext

    func spec() -> PageSpec {
        let path = "search/index.html"
        return PageSpec(
            path: path, template: "search",
            value: context.page(path, title: "Search", description: "Search briefings, actors and quotes.", fields: [:]))
    }

    /// The index: `[type, title, text, url]` rows, `url` relative to the site root: briefings, then actors,
    /// then quotes. The rows are written in slices on every core and joined in order.
    func indexScript() -> OutputFile {
        let site = context.site
        let actors = site.actors.values.sorted { $0.id < $1.id }
        let slices = Self.slices(site.briefings.count, parts: 8)
        enum Part: Sendable {
            case briefings(Range<Int>), actors(Range<Int>), quotes(Range<Int>)
        }
        let parts = slices.map(Part.briefings) + Self.slices(actors.count, parts: 8).map(Part.actors) + slices.map(Part.quotes)
        let fragments = concurrentMap(parts, each: { part -> [UInt8] in
            var json = JSONWriter()
            func row(_ type: String, _ title: String, _ text: String, _ url: String) {
                json.beginArray()
                json.string(type)
                json.string(title)
                json.string(text)
                json.string(url)
                json.endArray()
            }
            switch part {
            case .briefings(let range):
                for briefing in site.briefings[range] {
                    let text = ([briefing.source.summary ?? ""] + briefing.keyPoints.map(\.text) + briefing.source.tags).joined(separator: " ")
                    row("briefing", briefing.source.title, text, PageContext.briefingPath(briefing.slug))
                }
            case .actors(let range):
                for actor in actors[range] {
                    let text = ([PageContext.kindLabel(actor.kind)] + actor.roles + actor.aliases).joined(separator: " · ")
                    row("actor", actor.name, text, PageContext.actorPath(actor.id))
                }
            case .quotes(let range):
                for briefing in site.briefings[range] {
                    for (a, article) in briefing.articles.enumerated() {
                        for (q, quote) in article.extraction.quotes.enumerated() {
                            let speaker = quote.speakerId.flatMap { article.actorMap[$0] }.flatMap { site.actors[$0]?.name } ?? quote.speaker ?? ""
                            let title = speaker.isEmpty ? briefing.source.title : "\(speaker) · \(briefing.source.title)"
                            row("quote", title, quote.text, PageContext.briefingPath(briefing.slug) + "#" + BriefingPage.quoteID(article: a, index: q))
                        }
                    }
                }
            }
            return json.bytes
        })
        var script = Array("window.BRIEFING_SEARCH_INDEX = [".utf8)
        script.reserveCapacity(fragments.reduce(64) { $0 + $1.count + 1 })
        var first = true
        for fragment in fragments where !fragment.isEmpty {
            if !first { script.append(UInt8(ascii: ",")) }
            script += fragment
            first = false
        }
        script += "];\n".utf8
        return OutputFile(path: "search/search-index.js", data: Data(script))
    }

    /// `count` positions cut into at most `parts` ranges of about equal size.
    private static func slices(_ count: Int, parts: Int) -> [Range<Int>] {
        let parts = max(1, min(parts, count))
        return (0..<parts).map { (count * $0 / parts)..<(count * ($0 + 1) / parts) }
    }
}
