/// Finds direct quotations and attributes them to speakers.
public struct QuoteFinder: Sendable {
    /// Creates a finder.
    public init() {}

    /// Quotations between paired double quotation marks on one line, with the nearest cue's subject as speaker.
    public func find(_ text: ScalarText, sentences: [TextSpan], actors: [ExtractedActor]) -> [ExtractedQuote] {
        var quotes: [ExtractedQuote] = []
        for line in text.nonBlankLines() {
            var open = -1
            var i = line.start
            while i < line.end {
                let c = text.scalars[i]
                if open < 0, c == "\u{201C}" || c == "\"" {
                    open = i + 1
                } else if open >= 0, c == "\u{201D}" || c == "\"" {
                    let span = TextSpan(open, i)
                    if span.length > 0 {
                        quotes.append(ExtractedQuote(span: span, text: text.string(span)))
                    }
                    open = -1
                }
                i += 1
            }
        }
        let cues = ["said", "told", "wrote", "added", "says", "responded"]
        for index in quotes.indices {
            guard let sentence = sentences.first(where: { quotes[index].span.start >= $0.start && quotes[index].span.start < $0.end })
            else { continue }
            let sentenceText = text.string(sentence)
            guard let cue = cues.first(where: { sentenceText.contains(" \($0)") }) else { continue }
            let speaker = actors.filter { $0.kind == .person }
                .compactMap { actor -> (ExtractedActor, Int)? in
                    guard let mention = actor.mentions.first(where: { $0.isInside(sentence) && !$0.isInside(quotes[index].span) })
                    else { return nil }
                    return (actor, mention.start)
                }
                .min { abs($0.1 - quotes[index].span.end) < abs($1.1 - quotes[index].span.end) }
            quotes[index].cue = cue
            quotes[index].speaker = speaker?.0.name
            quotes[index].speakerId = speaker?.0.id
        }
        return quotes
    }
}
