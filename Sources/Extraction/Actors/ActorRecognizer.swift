/// Finds people, organisations and places named in news text.
public struct ActorRecognizer: Sendable {
    /// Creates a recognizer.
    public init() {}

    /// Actors with their mentions; aliases that are a surname of a fuller name are merged into it.
    public func recognize(_ text: ScalarText, sentences: [TextSpan]) -> [ExtractedActor] {
        var spans: [TextSpan] = []
        for sentence in sentences {
            var i = sentence.start
            var runStart = -1
            var words = 0
            func close(_ end: Int) {
                if runStart >= 0, words >= 1 {
                    let span = text.trimmed(TextSpan(runStart, end))
                    if span.length > 1 { spans.append(span) }
                }
                runStart = -1
                words = 0
            }
            while i < sentence.end {
                let c = text.scalars[i]
                if c.isLetter, i == sentence.start || !text.scalars[i - 1].isLetter {
                    var j = i
                    while j < sentence.end, text.scalars[j].isLetter || text.scalars[j] == "." || text.scalars[j] == "-" {
                        j += 1
                    }
                    let word = text.string(i, j)
                    if c.isUpper, i != sentence.start, !Self.stopWords.contains(word) {
                        if runStart < 0 { runStart = i }
                        words += 1
                    } else {
                        close(i)
                    }
                    i = j
                    continue
                }
                if !(c == " " && runStart >= 0) { close(i) }
                i += 1
            }
            close(sentence.end)
        }
        var byName: [String: [TextSpan]] = [:]
        for span in spans {
            var name = text.string(span)
            while name.hasSuffix(".") { name.removeLast() }
            byName[name, default: []].append(span)
        }
        let fullNames = byName.keys.filter { $0.contains(" ") }
        var merged: [String: (aliases: Set<String>, mentions: [TextSpan])] = [:]
        for (name, mentions) in byName {
            let owners = fullNames.filter { $0 != name && $0.hasSuffix(" " + name) }
            let canonical = owners.count == 1 ? owners[0] : name
            merged[canonical, default: ([], [])].mentions += mentions
            if canonical != name { merged[canonical]!.aliases.insert(name) }
        }
        return merged.map { name, value in
            ExtractedActor(
                id: Slug.make(name), name: name, kind: name.contains(" ") ? .person : .other,
                roles: [], aliases: value.aliases.sorted(), mentions: value.mentions.sorted())
        }
        .sorted { ($0.mentions.count, $1.name) > ($1.mentions.count, $0.name) }
    }

    static let stopWords: Set<String> = ["I", "The", "A", "An", "But", "And", "He", "She", "It", "They", "We"]
}
