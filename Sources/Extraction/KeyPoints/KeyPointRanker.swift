/// Ranks sentences by how well they summarise the article.
public struct KeyPointRanker: Sendable {
    /// Creates a ranker.
    public init() {}

    /// At most `count` key points, best first.
    public func rank(_ text: ScalarText, sentences: [TextSpan], count: Int) -> [KeyPoint] {
        var points: [KeyPoint] = []
        for (index, sentence) in sentences.enumerated() where sentence.length > 40 {
            points.append(KeyPoint(sentence: index, text: text.string(sentence), score: 1.0 / Double(index + 1)))
            if points.count == count { break }
        }
        return points
    }
}
