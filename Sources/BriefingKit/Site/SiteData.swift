import Extraction
import Foundation

/// Machine-readable files of a site: each briefing's `briefing.json`.
struct SiteData: Sendable {
    let site: Site

    /// The `briefing.json` of a briefing.
    func file(for briefing: Briefing) -> OutputFile {
        OutputFile(path: Self.path(for: briefing), data: briefingJSON(briefing))
    }

    /// Where a briefing's data goes.
    static func path(for briefing: Briefing) -> String { "briefings/\(briefing.slug)/briefing.json" }

    /// The extraction contract for the briefing's articles (offsets into each article file, speakers and actor
    /// ids resolved to site actors), plus the briefing's metadata and commentary.
    func briefingJSON(_ briefing: Briefing) -> Data {
        var json = JSONWriter()
        json.beginObject()
        json.int(1, key: "version")
        json.string(briefing.slug, key: "slug")
        json.string(briefing.source.title, key: "title")
        json.string(briefing.source.date, key: "date")
        json.string(briefing.source.summary, key: "summary")
        json.beginArray("tags")
        for tag in briefing.source.tags { json.string(tag) }
        json.endArray()
        json.beginArray("keyPoints")
        for point in briefing.keyPoints { json.string(point.text) }
        json.endArray()
        json.beginArray("documents")
        for article in briefing.articles {
            var extraction = article.extraction.shifted(by: article.source.bodyStart)
            extraction.quotes = extraction.quotes.map { quote in
                var quote = quote
                if let local = quote.speakerId, let id = article.actorMap[local], let actor = site.actors[id] {
                    quote.speakerId = id
                    quote.speaker = actor.name
                }
                return quote
            }
            extraction.actors = extraction.actors.compactMap { actor in
                guard let id = article.actorMap[actor.id] else { return nil }
                var actor = actor
                actor.id = id
                actor.name = site.actors[id]?.name ?? actor.name
                return actor
            }
            extraction.writeJSON(source: article.source.path, title: article.title, to: &json)
        }
        json.endArray()
        if let commentary = briefing.commentary {
            json.beginObject("commentary")
            json.string(briefing.source.commentary?.path, key: "source")
            json.string(briefing.source.commentary?.markdown, key: "markdown")
            json.string(commentary.html, key: "html")
            json.beginArray("annotations")
            for note in commentary.annotations {
                json.beginObject()
                json.int(note.number, key: "number")
                json.string(briefing.articles[note.article].source.path, key: "article")
                json.int(note.passage.start + briefing.articles[note.article].source.bodyStart, key: "start")
                json.int(note.passage.end + briefing.articles[note.article].source.bodyStart, key: "end")
                json.int(note.line, key: "line")
                json.string(note.html, key: "html")
                json.endObject()
            }
            json.endArray()
            json.endObject()
        } else {
            json.raw("null", key: "commentary")
        }
        json.endObject()
        return Data(json.bytes + [UInt8(ascii: "\n")])
    }
}
