/// Decides who said each quotation: from the cue around it, through pronouns and descriptions to the actor's
/// canonical name, and from the previous quotation when a split quote or a quote-only paragraph has no cue.
public struct SpeakerAttributor: Sendable {
    /// Creates an attributor.
    public init() {}

    /// `quotes` with speaker, speaker id and cue filled in where the text says who spoke.
    public func attribute(_ quotes: [ExtractedQuote], in text: ScalarText, sentences: [TextSpan], actors: [ExtractedActor]) -> [ExtractedQuote] {
        attribute(
            quotes, in: text, sentences: sentences, words: ActorTokenizer.split(text, sentences: sentences),
            actors: actors, gazetteer: Gazetteer.shared)
    }

    /// The same over words already split by `ActorTokenizer` (the extractor shares them with the actor rules).
    func attribute(
        _ quotes: [ExtractedQuote], in text: ScalarText, sentences: [TextSpan], words: ArticleWords,
        actors: [ExtractedActor], gazetteer: Gazetteer = .shared
    ) -> [ExtractedQuote] {
        let order = quotes.indices.sorted { quotes[$0].span < quotes[$1].span }
        let sorted = order.map { quotes[$0] }
        let context = SpeakerContext(
            text: text, sentences: sentences, words: words, quotes: sorted, actors: actors, gazetteer: gazetteer)
        let matcher = CueMatcher(context: context)
        let resolver = ReferenceResolver(context: context)
        let words = context.words
        var result = sorted
        var lastSpeaker: Int?
        var lastSpeakerParagraph = -1
        var lastSpeakerSentence = -1
        var speakerOfQuote = [Int?](repeating: nil, count: sorted.count)
        let signed = signedParagraphs(context)
        for q in sorted.indices {
            let (first, end) = context.quoteWords[q]
            guard first < end else { continue }
            let paragraph = words[first].paragraph
            let sentence = words[first].sentence
            // Whoever was quoted within the last few narrative sentences is a likely antecedent of "he" or "she".
            let recent = lastSpeakerSentence >= 0 && context.narrativeDistance(from: lastSpeakerSentence, to: sentence) <= 2
                ? lastSpeaker : nil
            var match = matcher.dashAttribution(end, paragraph: words[end - 1].paragraph)
            // "Trump said: “…” the Times reported": a cue that introduces the quotation with a colon right before it
            // names the speaker; one after it names the source that reported the words.
            if match == nil, first > 0, words[first].marks.contains(.colon), words[first - 1].sentence == sentence,
                let introducing = matcher.cueBefore(first - 1, sentence: sentence), introducing.verbWord >= first - 6
            {
                match = introducing
            }
            if match == nil, allowsCueAfter(sorted[q], text: text, wordAfter: end, words: words) {
                match = matcher.cueAfter(end, paragraph: words[end - 1].paragraph)
            }
            if match == nil { match = matcher.accordingAfter(end, paragraph: words[end - 1].paragraph) }
            if match == nil, first > 0 { match = matcher.cueBefore(first - 1, sentence: sentence) }
            if match == nil { match = matcher.cueLaterInSentence(end, sentence: words[end - 1].sentence) }
            var speaker: Int?
            var cue: String?
            if let match {
                cue = match.cue
                speaker = match.reference.flatMap { resolver.resolve($0, lastSpeaker: recent) }
            } else if let author = signed[words[end - 1].paragraph] {
                // A paragraph of quotation signed at its end ("“…” ― Ana Ruiz") is hers throughout.
                speaker = author
                cue = "\u{2015}"
            } else if let continued = continuation(q, first: first, paragraph: paragraph, context: context, speakers: speakerOfQuote) {
                speaker = continued
            } else if lastSpeakerParagraph >= 0, startsParagraph(first, words: words, context: context),
                previousParagraph(of: first, words: words) == lastSpeakerParagraph
            {
                // A paragraph that opens with a quotation and has no cue continues the previous paragraph's speaker.
                speaker = lastSpeaker
            } else if startsParagraph(first, words: words, context: context),
                let label = matcher.previousParagraphLabel(before: first)
            {
                // A transcript: the previous paragraph opened with "NAME:" and this one goes on.
                speaker = label
            } else if let previous = matcher.cueInPreviousSentence(
                of: first, sentence: sentence, newParagraph: startsParagraph(first, words: words, context: context))
            {
                speaker = previous.reference.flatMap { resolver.resolve($0, lastSpeaker: recent) }
            } else if let owner = matcher.possessiveClaim(before: first) {
                // "PolitiFact checked Trump's claim that there have been “…”": the claim's owner said it.
                speaker = owner
            } else if first > 0, words[first - 1].sentence == sentence,
                let subject = matcher.clauseSubject(sentence: sentence, before: first)
            {
                // A partial quotation inside paraphrase with a verb we don't list: `X called Y a "chicken"`.
                speaker = resolver.resolve(subject, lastSpeaker: recent)
            } else if first > 0, !context.isQuoted(first - 1),
                let subject = matcher.clauseSubject(sentence: words[first - 1].sentence, before: first)
            {
                // A quotation that opens a sentence continues what the previous sentence's subject was saying.
                speaker = resolver.resolve(subject, lastSpeaker: recent)
            }
            if let speaker {
                result[q].speaker = actors[speaker].name
                result[q].speakerId = actors[speaker].id
                lastSpeaker = speaker
                lastSpeakerParagraph = words[end - 1].paragraph
                lastSpeakerSentence = words[end - 1].sentence
            }
            result[q].cue = cue
            speakerOfQuote[q] = speaker
        }
        var output = quotes
        for (position, index) in order.enumerated() { output[index] = result[position] }
        return output
    }

    /// Paragraphs that open with a quotation and end with a dash and a name ("“…” ― Ana Ruiz"), and that name's
    /// actor: a person, or an unclassified name of two words or more. One pass over the words.
    private func signedParagraphs(_ context: SpeakerContext) -> [Int: Int] {
        let words = context.words
        var signed: [Int: Int] = [:]
        var opening = 0
        for k in words.indices {
            if k > 0, words[k].paragraph != words[k - 1].paragraph { opening = k }
            guard k + 1 == words.count || words[k + 1].paragraph != words[k].paragraph else { continue }
            guard context.isQuoted(opening), !context.isQuoted(k), let a = context.actor(at: k) else { continue }
            let mention = context.mentions[context.mentionOfWord[k]]
            let first = mention.firstWord
            guard mention.lastWord == k, first > opening, !context.isQuoted(first),
                !words[first].marks.isDisjoint(with: [.bar, .emDash, .doubleHyphen])
            else { continue }
            let actor = context.actors[a]
            if actor.kind == .person || (actor.kind == .other && first < k) { signed[words[k].paragraph] = a }
        }
        return signed
    }

    /// A cue after the closing mark counts unless the quotation closed its sentence with a full stop
    /// (`… "unrealistic." Trump has suggested` starts a new sentence about something else).
    private func allowsCueAfter(_ quote: ExtractedQuote, text: ScalarText, wordAfter: Int, words: [ActorWord]) -> Bool {
        guard wordAfter < words.count, quote.span.end > quote.span.start else { return false }
        var k = quote.span.end - 1
        while k > quote.span.start, text.scalars[k].isSpace { k -= 1 }
        if text.scalars[k] == "." { return false }
        return !words[wordAfter].marks.contains(.fullStop)
    }

    /// A split quotation: the previous quotation of the same paragraph had a speaker and nothing but its cue
    /// stands between them (`"…," Trump said. "…"`).
    private func continuation(
        _ q: Int, first: Int, paragraph: Int, context: SpeakerContext, speakers: [Int?]
    ) -> Int? {
        guard q > 0, let previous = speakers[q - 1] else { return nil }
        let (prevFirst, prevEnd) = context.quoteWords[q - 1]
        guard prevFirst < prevEnd, context.words[prevEnd - 1].paragraph == paragraph else { return nil }
        var k = prevEnd
        while k < first {
            if let a = context.actor(at: k), a != previous, context.actors[a].kind == .person { return nil }
            k += 1
        }
        return previous
    }

    /// Whether no unquoted word comes before word `first` in its paragraph.
    private func startsParagraph(_ first: Int, words: [ActorWord], context: SpeakerContext) -> Bool {
        first == 0 || words[first - 1].paragraph != words[first].paragraph
    }

    /// The paragraph index of the last word before the paragraph holding `first`.
    private func previousParagraph(of first: Int, words: [ActorWord]) -> Int {
        first > 0 ? words[first - 1].paragraph : -1
    }
}
