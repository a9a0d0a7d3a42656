/// Splits news text into sentences.
public struct SentenceSplitter: Sendable {
    /// Creates a splitter.
    public init() {}

    /// Sentence spans in text order, trimmed of white space; a line break always ends a sentence.
    public func split(_ text: ScalarText) -> [TextSpan] {
        var sentences: [TextSpan] = []
        for line in text.nonBlankLines() {
            var start = line.start
            var i = line.start
            while i < line.end {
                let c = text.scalars[i]
                if c == "." || c == "!" || c == "?" {
                    var end = i + 1
                    while end < line.end, Self.closers.contains(text.scalars[end]) { end += 1 }
                    if end < line.end, text.scalars[end].isSpace, startsSentence(text, after: end, limit: line.end),
                        c != "." || !isAbbreviation(text, dotAt: i, lineStart: line.start)
                    {
                        sentences.append(text.trimmed(TextSpan(start, end)))
                        start = end
                        i = end
                        continue
                    }
                }
                i += 1
            }
            let last = text.trimmed(TextSpan(start, line.end))
            if last.length > 0 { sentences.append(last) }
        }
        return sentences
    }

    static let closers: Set<Unicode.Scalar> = ["\"", "'", "\u{201D}", "\u{2019}", ")", "]"]

    private func startsSentence(_ text: ScalarText, after index: Int, limit: Int) -> Bool {
        var j = index
        while j < limit, text.scalars[j].isSpace { j += 1 }
        guard j < limit else { return false }
        let c = text.scalars[j]
        return c.isUpper || c.isDigit || c == "\"" || c == "\u{201C}" || c == "'" || c == "\u{2018}" || c == "("
    }

    private func isAbbreviation(_ text: ScalarText, dotAt index: Int, lineStart: Int) -> Bool {
        var j = index
        while j > lineStart, text.scalars[j - 1].isLetter || text.scalars[j - 1] == "." { j -= 1 }
        let word = text.string(j, index)
        if word.count == 1, word.first?.isUppercase == true { return true }
        return Self.abbreviations.contains(word.lowercased())
    }

    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "st", "jr", "sr",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "u.s", "u.k", "u.n", "e.g", "i.e", "vs", "inc", "co", "corp", "ltd", "no", "prof",
    ]
}
