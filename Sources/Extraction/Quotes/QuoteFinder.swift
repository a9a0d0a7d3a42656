/// Finds direct quotations: the stretches of text between quotation marks.
public struct QuoteFinder: Sendable {
    /// Creates a finder.
    public init() {}

    /// Quotations between paired double quotation marks on one line, without speakers.
    public func find(_ text: ScalarText, sentences: [TextSpan]) -> [ExtractedQuote] {
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
        return quotes
    }
}
