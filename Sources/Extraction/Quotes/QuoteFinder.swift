/// Finds direct quotations: stretches between quotation marks that report someone's words, leaving out titles,
/// nicknames and scare quotes.
public struct QuoteFinder: Sendable {
    /// Creates a finder.
    public init() {}

    /// Quotations in text order, without speakers; each span excludes its quotation marks.
    public func find(_ text: ScalarText, sentences: [TextSpan]) -> [ExtractedQuote] {
        find(text, sentences: sentences, paragraphs: nil)
    }

    /// The same, with `text.paragraphSpans()` already worked out (the extractor shares them with the splitter).
    func find(_ text: ScalarText, sentences: [TextSpan], paragraphs: [TextSpan]?) -> [ExtractedQuote] {
        findSpans(text, sentences: sentences, paragraphs: paragraphs).map {
            ExtractedQuote(span: $0.span, text: text.utf8String($0.span.start, $0.span.end))
        }
    }

    /// Quotations in text order with their setting (paragraph, marks, multi-paragraph continuation).
    public func findSpans(_ text: ScalarText, sentences: [TextSpan]) -> [QuoteSpan] {
        findSpans(text, sentences: sentences, paragraphs: nil)
    }

    private func findSpans(_ text: ScalarText, sentences: [TextSpan], paragraphs: [TextSpan]?) -> [QuoteSpan] {
        let classifier = QuoteClassifier(text: text, sentences: sentences)
        return QuotePairer(text: text, sentences: sentences, paragraphs: paragraphs).pair()
            .filter(classifier.isQuotation)
    }
}
