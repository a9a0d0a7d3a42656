/// Picks key points in order of relevance while keeping them from repeating each other (maximal marginal
/// relevance, plus a hard cut for near-duplicates).
struct RedundancyFilter {
    /// Weight of relevance against novelty in MMR; the novelty term mostly breaks near-ties in favour of a sentence
    /// that adds something new.
    var relevanceWeight = 0.95
    /// Cosine similarity (over distinct content words) at which a sentence repeats one already chosen and is dropped.
    var duplicateThreshold = 0.7

    /// Up to `count` of `candidates` (indices into `terms`), best first.
    func select(_ candidates: [Int], scores: [Double], terms: [SentenceTerms], count: Int) -> [Int] {
        var pool = candidates
        var maxSimilarity = [Double](repeating: 0, count: pool.count)
        var chosen: [Int] = []
        while chosen.count < count, !pool.isEmpty {
            var best = 0
            var bestValue = -Double.infinity
            for (slot, index) in pool.enumerated() {
                let value = relevanceWeight * scores[index] - (1 - relevanceWeight) * maxSimilarity[slot]
                // Pool order is by score then text order, so the strict comparison keeps ties deterministic.
                if value > bestValue {
                    bestValue = value
                    best = slot
                }
            }
            let pick = pool.remove(at: best)
            let pickSimilarity = maxSimilarity.remove(at: best)
            guard pickSimilarity < duplicateThreshold else { continue }
            chosen.append(pick)
            // After the last pick nothing reads the similarities again.
            guard chosen.count < count else { break }
            for (slot, index) in pool.enumerated() {
                maxSimilarity[slot] = max(maxSimilarity[slot], Self.cosine(terms[index].distinct, terms[pick].distinct))
            }
        }
        return chosen
    }

    /// Cosine of two sorted sets of term ids.
    static func cosine(_ a: [Int32], _ b: [Int32]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var i = 0
        var j = 0
        var shared = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return Double(shared) / (Double(a.count) * Double(b.count)).squareRoot()
    }
}
