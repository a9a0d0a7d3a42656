/// Ranks sentences by how well they summarise the article.
///
/// A sentence's score is its centrality in the article's word-overlap graph (the main signal), plus small
/// priors for naming the article's main actors, sharing words with the headline and coming early (the lead).
/// Headlines, datelines, credits, boilerplate, unfinished lines and quotations without a speaker are never
/// chosen; near-duplicates are removed. Everything is linear in the article's words except the final
/// selection, which compares at most `poolLimit` sentences pairwise.
public struct KeyPointRanker: Sendable {
    /// Weight of actor salience, headline overlap and lead position, each next to centrality (which tops out at 1).
    /// Small on purpose: on the BBC dev set they are worth about as much as they cost, but they steer
    /// ties towards the sentences readers of news expect first.
    static let priorWeight = 0.05
    /// How many of the best-scoring candidates the redundancy pass looks at, so very long texts stay fast.
    static let poolLimit = 150

    /// Creates a ranker.
    public init() {}

    /// At most `count` key points of the sentences of `text`, best first. `quotes` and `actors`, when given
    /// (from `QuoteFinder`/`SpeakerAttributor` and `ActorRecognizer`), sharpen the quotation check and actor salience.
    public func rank(
        _ text: ScalarText, sentences: [TextSpan], count: Int, quotes: [ExtractedQuote] = [],
        actors: [ExtractedActor] = []
    ) -> [KeyPoint] {
        guard count > 0, !sentences.isEmpty else { return [] }
        // Every step indexes the text by these spans; a span from elsewhere that overruns it must not trap.
        let sentences = sentences.map { span in
            let start = min(max(0, span.start), text.count)
            return TextSpan(start, min(max(start, span.end), text.count))
        }
        let folded = FoldedText(text)
        let roles = ProseFilter.roles(text, sentences: sentences, folded: folded)
        var table = TermTable()
        let terms = sentences.map { table.terms(of: $0, in: text, folded: folded) }
        let inGraph = roles.map { $0 == .prose }
        let bareQuotes = QuoteCoverage(text: text, sentences: sentences, quotes: quotes, folded: folded).isBareQuote

        let centrality = Centrality.scores(terms, inGraph: inGraph, termCount: table.termCount)
        let salience = ActorSalience.scores(
            terms, sentences: sentences, inGraph: inGraph, actors: actors, nameCount: table.nameCount)
        let headline = headlineOverlap(terms, roles: roles, termCount: table.termCount)
        var scores = [Double](repeating: 0, count: sentences.count)
        var position = 0
        for index in sentences.indices where inGraph[index] {
            let lead = 1 / Double(position + 1)
            position += 1
            scores[index] = centrality[index] + Self.priorWeight * (salience[index] + headline[index] + lead)
        }

        let candidates = sentences.indices.filter { index in
            inGraph[index] && !bareQuotes[index]
                && ProseFilter.isComplete(text, sentences[index], wordCount: terms[index].wordCount)
        }
        let pool = candidates.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
            .prefix(max(Self.poolLimit, count))
        let chosen = RedundancyFilter().select(Array(pool), scores: scores, terms: terms, count: count)
        return chosen.map { index in
            KeyPoint(sentence: index, text: Self.trimmedString(text, sentences[index]), score: scores[index])
        }
    }

    /// The sentence's text without surrounding white space or an opening dateline ("ROTTERDAM — "), built from
    /// UTF-8 in one go.
    private static func trimmedString(_ text: ScalarText, _ span: TextSpan) -> String {
        var start = max(0, span.start)
        var end = min(text.count, span.end)
        while start < end, text.scalars[start].isSpace { start += 1 }
        if let story = ProseFilter.afterDateline(text, at: start), story < end { start = story }
        while end > start, text.scalars[end - 1].isSpace { end -= 1 }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(end - start)
        for i in start..<end { UTF8.encode(text.scalars[i]) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Shared content words with the headline over √(sentence content words), scaled so the best is 1.
    private func headlineOverlap(_ terms: [SentenceTerms], roles: [ProseFilter.Role], termCount: Int) -> [Double] {
        // Term ids are small and dense: a flag per id instead of a set.
        var title = [Bool](repeating: false, count: termCount)
        var hasTitle = false
        for (index, role) in roles.enumerated() where role == .headline {
            for term in terms[index].distinct {
                title[Int(term)] = true
                hasTitle = true
            }
        }
        guard hasTitle else { return [Double](repeating: 0, count: terms.count) }
        let overlap = terms.indices.map { index -> Double in
            guard roles[index] == .prose, !terms[index].distinct.isEmpty else { return 0 }
            let shared = terms[index].distinct.reduce(0) { $0 + (title[Int($1)] ? 1 : 0) }
            return Double(shared) / Double(terms[index].distinct.count).squareRoot()
        }
        return Centrality.normalised(overlap)
    }
}
