/// Finds direct quotations: stretches between quotation marks that report someone's words, leaving out titles,
/// nicknames and scare quotes.
public struct QuoteFinder: Sendable {
    /// Creates a finder.
    public init() {}

    /// Quotations in text order, without speakers; each span excludes its quotation marks.
    public func find(_ text: ScalarText, sentences: [TextSpan]) -> [ExtractedQuote] {
        findSpans(text, sentences: sentences).map {
            ExtractedQuote(span: $0.span, text: text.utf8String($0.span.start, $0.span.end))
        }
    }

    /// Quotations in text order with their setting (paragraph, marks, multi-paragraph continuation).
    public func findSpans(_ text: ScalarText, sentences: [TextSpan]) -> [QuoteSpan] {
        let classifier = QuoteClassifier(text: text, sentences: sentences)
        return QuotePairer(text: text, sentences: sentences).pair().filter(classifier.isQuotation)
    }
}
