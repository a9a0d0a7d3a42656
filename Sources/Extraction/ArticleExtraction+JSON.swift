extension ArticleExtraction {
    /// Writes this extraction as one document of the extraction JSON contract.
    public func writeJSON(source: String, title: String, to json: inout JSONWriter) {
        json.beginObject()
        json.string(source, key: "source")
        json.string(title, key: "title")
        json.beginArray("sentences")
        for sentence in sentences {
            json.beginArray()
            json.int(sentence.start)
            json.int(sentence.end)
            json.endArray()
        }
        json.endArray()
        json.beginArray("keyPoints")
        for point in keyPoints {
            json.beginObject()
            json.int(point.sentence, key: "sentence")
            json.string(point.text, key: "text")
            json.number(point.score, key: "score")
            json.endObject()
        }
        json.endArray()
        json.beginArray("quotes")
        for quote in quotes {
            json.beginObject()
            json.int(quote.span.start, key: "start")
            json.int(quote.span.end, key: "end")
            json.string(quote.text, key: "text")
            json.string(quote.speaker, key: "speaker")
            json.string(quote.speakerId, key: "speakerId")
            json.string(quote.cue, key: "cue")
            json.endObject()
        }
        json.endArray()
        json.beginArray("actors")
        for actor in actors {
            json.beginObject()
            json.string(actor.id, key: "id")
            json.string(actor.name, key: "name")
            json.string(actor.kind.rawValue, key: "kind")
            json.beginArray("roles")
            for role in actor.roles { json.string(role) }
            json.endArray()
            json.beginArray("aliases")
            for alias in actor.aliases { json.string(alias) }
            json.endArray()
            json.beginArray("mentions")
            for mention in actor.mentions {
                json.beginArray()
                json.int(mention.start)
                json.int(mention.end)
                json.endArray()
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }
}
