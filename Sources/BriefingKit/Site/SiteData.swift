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
            // Spans count from the start of the file, and actors are the site's (ids, names).
            article.extraction.writeJSON(
                source: article.source.path, title: article.title, offset: article.source.bodyStart,
                speaker: { quote in
                    if let local = quote.speakerId, let id = article.actorMap[local], let actor = site.actors[id] {
                        return (id, actor.name)
                    }
                    return (quote.speakerId, quote.speaker)
                },
                actor: { actor in article.actorMap[actor.id].map { ($0, site.actors[$0]?.name ?? actor.name) } }, to: &json)
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
