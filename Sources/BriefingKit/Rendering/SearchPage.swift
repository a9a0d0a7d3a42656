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

    /// The index: `[type, title, text, url]` rows, `url` relative to the site root.
    func indexScript() -> OutputFile {
        let site = context.site
        var json = JSONWriter()
        json.beginArray()
        func row(_ type: String, _ title: String, _ text: String, _ url: String) {
            json.beginArray()
            json.string(type)
            json.string(title)
            json.string(text)
            json.string(url)
            json.endArray()
        }
        for briefing in site.briefings {
            let text = ([briefing.source.summary ?? ""] + briefing.keyPoints.map(\.text) + briefing.source.tags).joined(separator: " ")
            row("briefing", briefing.source.title, text, PageContext.briefingPath(briefing.slug))
        }
        for actor in site.actors.values.sorted(by: { $0.id < $1.id }) {
            let text = ([PageContext.kindLabel(actor.kind)] + actor.roles + actor.aliases).joined(separator: " · ")
            row("actor", actor.name, text, PageContext.actorPath(actor.id))
        }
        for briefing in site.briefings {
            for (a, article) in briefing.articles.enumerated() {
                for (q, quote) in article.extraction.quotes.enumerated() {
                    let speaker = quote.speakerId.flatMap { article.actorMap[$0] }.flatMap { site.actors[$0]?.name } ?? quote.speaker ?? ""
                    let title = speaker.isEmpty ? briefing.source.title : "\(speaker) · \(briefing.source.title)"
                    row("quote", title, quote.text, PageContext.briefingPath(briefing.slug) + "#" + BriefingPage.quoteID(article: a, index: q))
                }
            }
        }
        json.endArray()
        let script = Array("window.BRIEFING_SEARCH_INDEX = ".utf8) + json.bytes + Array(";\n".utf8)
        return OutputFile(path: "search/search-index.js", data: Data(script))
    }
}
