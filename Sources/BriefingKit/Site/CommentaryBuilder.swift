import Extraction

/// Splits rendered commentary into free text and annotations anchored to article passages.
///
/// A blockquote whose text matches a passage of one of the articles anchors the blocks after it, up to the
/// next blockquote, heading or thematic break. A blockquote that matches nothing stays in the text as it is
/// and is reported.
struct CommentaryBuilder: Sendable {
    /// Builds the commentary of `source` against the articles' bodies.
    func build(_ rendered: RenderedMarkdown, source: CommentarySource, articles: [PassageMatcher]) -> (Commentary, [BuildWarning]) {
        var html = ""
        var headings: [MarkdownBlock] = []
        var annotations: [Annotation] = []
        var warnings: [BuildWarning] = []
        var current: Annotation?

        // An anchored note stays in the commentary too, so the argument reads whole; it links to its passage,
        // beside which the page shows it again.
        func finish() {
            guard let annotation = current else { return }
            annotations.append(annotation)
            html += "<div class=\"commentary-note\" id=\"commentary-note-\(annotation.number)\">"
                + "<p class=\"note-link\"><a href=\"#passage-\(annotation.number)\">Note \(annotation.number) · see the passage in the article</a></p>"
                + annotation.quoteHTML + annotation.html + "</div>\n"
            current = nil
        }

        for block in rendered.blocks {
            switch block.kind {
            case .blockQuote:
                finish()
                if let (article, span) = locate(block.text, in: articles) {
                    current = Annotation(
                        number: annotations.count + 1, article: article, passage: span, quoteHTML: block.html, html: "", line: block.line)
                } else {
                    warnings.append(
                        BuildWarning(
                            location: SourceLocation(file: source.path, line: block.line),
                            message: "blockquote \u{201C}\(Self.excerpt(block.text))\u{201D} matches no passage of the briefing's articles, "
                                + "so it is shown inline as a plain quote; to anchor a note, copy the words exactly as the article has them"))
                    html += block.html
                }
            case .heading, .thematicBreak:
                finish()
                if block.kind == .heading { headings.append(block) }
                html += block.html
            case .other:
                if current != nil {
                    current?.html += block.html
                } else {
                    html += block.html
                }
            }
        }
        finish()
        return (Commentary(html: html, headings: headings, annotations: annotations), warnings)
    }

    private func locate(_ text: String, in articles: [PassageMatcher]) -> (Int, TextSpan)? {
        for (index, matcher) in articles.enumerated() {
            if let span = matcher.find(text) { return (index, span) }
        }
        return nil
    }

    /// The start of a blockquote's text on one line, for a message: at most eight words.
    static func excerpt(_ text: String) -> String {
        let words = text.split(whereSeparator: \.isWhitespace)
        return words.prefix(8).joined(separator: " ") + (words.count > 8 ? " …" : "")
    }
}
