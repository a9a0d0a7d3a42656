/// How much each sentence is about the article's main actors: a sentence naming people and organisations the
/// article keeps coming back to carries the story.
enum ActorSalience {
    /// Salience of every sentence for which `inGraph` is true, scaled so the best is 1.
    ///
    /// An actor weighs the number of *other* sentences that mention it (a name seen once adds nothing), and a
    /// sentence sums the weights of the actors it names, divided by √(content words) like a cosine. With
    /// `actors`, mentions come from the recogniser; without, capitalised words after a sentence's first word
    /// stand in for names.
    static func scores(
        _ terms: [SentenceTerms], sentences: [TextSpan], inGraph: [Bool], actors: [ExtractedActor], nameCount: Int
    ) -> [Double] {
        if !actors.isEmpty { return scores(terms, pairs: namedActors(actors, sentences: sentences), inGraph: inGraph, count: actors.count) }
        let named = terms.map(\.names)
        var sentencesNaming = [Int](repeating: 0, count: nameCount)
        for (index, ids) in named.enumerated() where inGraph[index] {
            for id in ids { sentencesNaming[Int(id)] += 1 }
        }
        var scores = [Double](repeating: 0, count: terms.count)
        for (index, ids) in named.enumerated() where inGraph[index] && !ids.isEmpty {
            let weight = ids.reduce(0) { $0 + sentencesNaming[Int($1)] - 1 }
            scores[index] = Double(weight) / Double(max(1, terms[index].distinct.count)).squareRoot()
        }
        return Centrality.normalised(scores)
    }

    /// The same weights from (sentence, actor) pairs, each pair once: one flat array instead of one per sentence.
    private static func scores(_ terms: [SentenceTerms], pairs: [(sentence: Int32, actor: Int32)], inGraph: [Bool], count: Int)
        -> [Double]
    {
        var sentencesNaming = [Int](repeating: 0, count: count)
        for pair in pairs where inGraph[Int(pair.sentence)] { sentencesNaming[Int(pair.actor)] += 1 }
        var weights = [Int](repeating: 0, count: terms.count)
        var names = [Bool](repeating: false, count: terms.count)
        for pair in pairs where inGraph[Int(pair.sentence)] {
            weights[Int(pair.sentence)] += sentencesNaming[Int(pair.actor)] - 1
            names[Int(pair.sentence)] = true
        }
        var scores = [Double](repeating: 0, count: terms.count)
        for index in terms.indices where names[index] {
            scores[index] = Double(weights[index]) / Double(max(1, terms[index].distinct.count)).squareRoot()
        }
        return Centrality.normalised(scores)
    }

    /// Each sentence with each actor it mentions, once per pair.
    private static func namedActors(_ actors: [ExtractedActor], sentences: [TextSpan]) -> [(sentence: Int32, actor: Int32)] {
        var pairs: [(sentence: Int32, actor: Int32)] = []
        var lastNamer = [Int32](repeating: -1, count: sentences.count)
        for actorIndex in actors.indices {
            for mention in actors[actorIndex].mentions {
                guard let sentence = sentenceIndex(containing: mention.start, in: sentences) else { continue }
                if lastNamer[sentence] != Int32(actorIndex) {
                    lastNamer[sentence] = Int32(actorIndex)
                    pairs.append((Int32(sentence), Int32(actorIndex)))
                }
            }
        }
        return pairs
    }

    /// The sentence whose span holds `offset` (sentences are in text order), by binary search.
    private static func sentenceIndex(containing offset: Int, in sentences: [TextSpan]) -> Int? {
        var low = 0
        var high = sentences.count
        while low < high {
            let mid = (low + high) / 2
            if sentences[mid].end <= offset { low = mid + 1 } else { high = mid }
        }
        return low < sentences.count && sentences[low].start <= offset ? low : nil
    }
}
