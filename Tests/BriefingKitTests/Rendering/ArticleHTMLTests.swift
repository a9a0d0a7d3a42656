import Extraction
import Testing

@testable import BriefingKit

@Suite struct ArticleHTMLTests {
    private func span(_ text: String, _ part: String, from: Int = 0) -> TextSpan {
        let scalars = Array(text.unicodeScalars)
        let wanted = Array(part.unicodeScalars)
        for start in from...(scalars.count - wanted.count) where Array(scalars[start..<(start + wanted.count)]) == wanted {
            return TextSpan(start, start + wanted.count)
        }
        fatalError("'\(part)' is not in the text")
    }

    @Test func paragraphsQuotesActorsAndNotesNestAndSplitAcrossParagraphs() {
        let body = "Ana Ruiz said: \"Rates rise & fall.\"\nThe <board> met.\nIt ended."
        let text = ScalarText(body)
        let paragraphs = ArticleHTML.paragraphs(of: text)
        #expect(paragraphs == [TextSpan(0, 35), TextSpan(36, 52), TextSpan(53, 62)])
        let actor = "<a class=\"actor\" href=\"../ana\">"
        let highlights = [
            // A passage from the quote's middle into the next paragraph: split at the paragraph's end and at the
            // quote's, and reopened.
            Highlight(
                span: span(body, "rise & fall.\"\nThe <board"), kind: .passage, openTag: "<mark id=\"p1\">", reopenTag: "<mark>",
                closeTag: "</mark>", trailer: "<sup>1</sup>"),
            Highlight(
                span: span(body, "\"Rates rise & fall.\""), kind: .quote, openTag: "<q id=\"q1\">", reopenTag: "<q>", closeTag: "</q>",
                trailer: "<i>Ruiz</i>"),
            Highlight(span: span(body, "Ana Ruiz"), kind: .actor, openTag: actor, reopenTag: actor, closeTag: "</a>"),
            // Empty spans are left out.
            Highlight(span: TextSpan(53, 53), kind: .actor, openTag: "<x>", reopenTag: "<x>", closeTag: "</x>"),
        ]
        let html = ArticleHTML.render(text, paragraphs: paragraphs, highlights: highlights, after: [1: "<aside>note</aside>\n"])
        #expect(
            html == "<p><a class=\"actor\" href=\"../ana\">Ana Ruiz</a> said: <q id=\"q1\">&quot;Rates <mark id=\"p1\">rise &amp; "
                + "fall.&quot;</mark></q><i>Ruiz</i></p><p><mark>The &lt;board</mark><sup>1</sup>&gt; met.</p>"
                + "<aside>note</aside>\n<p>It ended.</p>")
    }

    @Test func textOutsideEveryParagraphIsNotShownAndLineBreaksInAParagraphBecomeBreaks() {
        let body = "First line\nstill first.\n\nSecond block\nwraps too.\n\nThird."
        let text = ScalarText(body)
        let paragraphs = ArticleHTML.paragraphs(of: text)
        #expect(paragraphs.count == 3)
        let html = ArticleHTML.render(text, paragraphs: Array(paragraphs.prefix(2)), highlights: [])
        #expect(html == "<p>First line<br>\nstill first.</p><p>Second block<br>\nwraps too.</p>")
    }

    @Test func htmlBytesWriteDigitsEscapesAndTextAcrossMultiByteScalars() {
        var bytes = HTMLBytes(capacity: 4)
        for number in [0, 7, -42, 1_234_567_890, Int.min] {
            bytes.append(number)
            bytes.append(" ")
        }
        bytes.appendEscaped("<a href=\"x\">O'Neil & co</a>")
        let text = ScalarText("é\u{2014}𝄞 <\"q\">\n")
        bytes.appendEscaped(text, 0, text.count)
        #expect(
            bytes.string == "0 7 -42 1234567890 \(Int.min) &lt;a href=&quot;x&quot;&gt;O&#39;Neil &amp; co&lt;/a&gt;"
                + "é\u{2014}𝄞 &lt;&quot;q&quot;&gt;<br>\n")
    }
}
