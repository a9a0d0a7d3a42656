extension ArticleExtraction {
    /// Writes this extraction as one document of the extraction JSON contract.
    public func writeJSON(source: String, title: String, to json: inout JSONWriter) {
        writeJSON(source: source, title: title, offset: 0, speaker: { ($0.speakerId, $0.speaker) }, actor: { ($0.id, $0.name) }, to: &json)
    }

    /// The same, with every span moved by `offset` and each quote's speaker id and name, and each actor's id
    /// and name, as `speaker` and `actor` give them (an actor for which `actor` gives nil is left out): a site
    /// writes its actors' ids and names without copying the extraction to change them.
    public func writeJSON(
        source: String, title: String, offset: Int, speaker: (ExtractedQuote) -> (id: String?, name: String?),
        actor named: (ExtractedActor) -> (id: String, name: String)?, to json: inout JSONWriter
    ) {
        json.beginObject()
        json.string(source, key: "source")
        json.string(title, key: "title")
        json.beginArray("sentences")
        for sentence in sentences { json.intPair(sentence.start + offset, sentence.end + offset) }
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
            let by = speaker(quote)
            json.int(quote.span.start + offset, key: "start")
            json.int(quote.span.end + offset, key: "end")
            json.string(quote.text, key: "text")
            json.string(by.name, key: "speaker")
            json.string(by.id, key: "speakerId")
            json.string(quote.cue, key: "cue")
            json.endObject()
        }
        json.endArray()
        json.beginArray("actors")
        // Read by index where they lie: iterating would copy each actor, every string and list retained.
        for index in actors.indices {
            guard let (id, name) = named(actors[index]) else { continue }
            json.beginObject()
            json.string(id, key: "id")
            json.string(name, key: "name")
            json.string(actors[index].kind.rawValue, key: "kind")
            json.beginArray("roles")
            for role in actors[index].roles { json.string(role) }
            json.endArray()
            json.beginArray("aliases")
            for alias in actors[index].aliases { json.string(alias) }
            json.endArray()
            json.beginArray("mentions")
            for mention in actors[index].mentions { json.intPair(mention.start + offset, mention.end + offset) }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }
}
