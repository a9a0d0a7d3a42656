#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How central each sentence is to the article: its weighted degree in the graph whose edges join sentences
/// that share content words.
///
/// An edge i—j weighs the number of content words the two sentences share. On such an undirected graph,
/// TextRank's PageRank iteration converges (as damping goes to 1) to each node's weighted degree, and on the
/// BBC dev set the degree ranks as well as or better than damped PageRank. Degree also needs no pairwise pass:
/// the shared-word total of sentence i is the sum, over its words, of how many *other* sentences hold that word,
/// so it costs O(words) instead of O(sentences²).
enum Centrality {
    /// Length normalisation: the degree is divided by (distinct content words)^`lengthExponent`. At 0.5 it is
    /// cosine-like; a little more keeps long sentences from winning on size alone. Chosen by cross-validation
    /// over topics (0.5–0.6 are within noise of each other).
    static let lengthExponent = 0.6

    /// Centrality of every sentence in `terms` for which `inGraph` is true, scaled so the best is 1; others get 0.
    static func scores(_ terms: [SentenceTerms], inGraph: [Bool], termCount: Int) -> [Double] {
        var documentFrequency = [Int32](repeating: 0, count: termCount)
        for (index, sentence) in terms.enumerated() where inGraph[index] {
            for term in sentence.distinct { documentFrequency[Int(term)] += 1 }
        }
        var scores = [Double](repeating: 0, count: terms.count)
        for (index, sentence) in terms.enumerated() where inGraph[index] && !sentence.distinct.isEmpty {
            // Repeats count: a sentence that names the story's subject twice is more about it.
            var shared = 0
            for term in sentence.tokens { shared += Int(documentFrequency[Int(term)]) - 1 }
            scores[index] = Double(shared) / pow(Double(sentence.distinct.count), lengthExponent)
        }
        return normalised(scores)
    }

    /// `values` divided by their maximum, or all zero when nothing is positive.
    static func normalised(_ values: [Double]) -> [Double] {
        let top = values.max() ?? 0
        guard top > 0 else { return values.map { _ in 0 } }
        return values.map { $0 / top }
    }
}
