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
        let named = actors.isEmpty ? terms.map(\.names) : namedActors(actors, sentences: sentences)
        let count = actors.isEmpty ? nameCount : actors.count
        var sentencesNaming = [Int](repeating: 0, count: count)
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

    /// For each sentence, the distinct indices into `actors` of the actors it mentions.
    private static func namedActors(_ actors: [ExtractedActor], sentences: [TextSpan]) -> [[Int32]] {
        var named = [[Int32]](repeating: [], count: sentences.count)
        for (actorIndex, actor) in actors.enumerated() {
            for mention in actor.mentions {
                guard let sentence = sentenceIndex(containing: mention.start, in: sentences) else { continue }
                if named[sentence].last != Int32(actorIndex) { named[sentence].append(Int32(actorIndex)) }
            }
        }
        return named
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
