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
        let paragraphs = ArticleHTML.paragraphs(of: body)
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
        let html = ArticleHTML.render(body, paragraphs: paragraphs, highlights: highlights, after: [1: "<aside>note</aside>\n"])
        #expect(
            html == "<p><a class=\"actor\" href=\"../ana\">Ana Ruiz</a> said: <q id=\"q1\">&quot;Rates <mark id=\"p1\">rise &amp; "
                + "fall.&quot;</mark></q><i>Ruiz</i></p><p><mark>The &lt;board</mark><sup>1</sup>&gt; met.</p>"
                + "<aside>note</aside>\n<p>It ended.</p>")
    }

    @Test func textOutsideEveryParagraphIsNotShownAndLineBreaksInAParagraphBecomeBreaks() {
        let body = "First line\nstill first.\n\nSecond block\nwraps too.\n\nThird."
        let paragraphs = ArticleHTML.paragraphs(of: body)
        #expect(paragraphs.count == 3)
        let html = ArticleHTML.render(body, paragraphs: Array(paragraphs.prefix(2)), highlights: [])
        #expect(html == "<p>First line<br>\nstill first.</p><p>Second block<br>\nwraps too.</p>")
    }

    @Test func htmlBytesWriteDigitsEscapesAndTextAcrossMultiByteScalars() {
        var bytes = HTMLBytes(capacity: 4)
        for number in [0, 7, -42, 1_234_567_890, Int.min] {
            bytes.append(number)
            bytes.append(" ")
        }
        bytes.appendEscaped("<a href=\"x\">O'Neil & co</a>")
        var text = "é\u{2014}𝄞 <\"q\">\r\n' plain text long enough for the eight-byte steps & one more\t<"
        text.withUTF8 { bytes.appendEscaped($0) }
        #expect(
            bytes.string == "0 7 -42 1234567890 \(Int.min) &lt;a href=&quot;x&quot;&gt;O&#39;Neil &amp; co&lt;/a&gt;"
                + "é\u{2014}𝄞 &lt;&quot;q&quot;&gt;<br>\n' plain text long enough for the eight-byte steps &amp; one more\t&lt;")
    }

    @Test func paragraphsAreCountedInScalarsFromTheUTF8AsScalarTextCountsThem() {
        let bodies = [
            "  “Curly” quotes — and dashes\u{2028}\n\n\u{A0}Second 𝄞 line\u{3000}\r\nThird\n",
            "First block\r\nwraps here.\n\nSecond block\nwraps too.\n\n \t\nThird block\nalso wraps.",
            "One\n\n\nTwo\nThree",
            String(repeating: "Longer line with “curly” marks, 𝄞 and — dashes\u{A0}\u{2028}\n", count: 5) + "\r\r\u{3000}last\u{3000}",
            "",
            " \n\t\n",
        ]
        for body in bodies {
            // What the scalar reading gives: its non-blank lines, or its blocks when most of them wrap.
            let text = ScalarText(body)
            let lines = text.nonBlankLines()
            var blocks: [TextSpan] = []
            var multiLine = 0
            var i = 0
            while i < lines.count {
                var block = lines[i]
                var j = i + 1
                while j < lines.count, text.scalars[block.end..<lines[j].start].filter({ $0 == "\n" }).count == 1 {
                    block.end = lines[j].end
                    j += 1
                }
                if j > i + 1 { multiLine += 1 }
                blocks.append(block)
                i = j
            }
            let expected = blocks.count > 1 && multiLine * 2 > blocks.count ? blocks : lines
            #expect(ArticleHTML.paragraphs(of: body) == expected, "\(body.debugDescription)")
        }
    }

    @Test func spansAfterManyNonASCIIScalarsMarkTheRightText() {
        let body = String(repeating: "é—", count: 30) + " Ana Ruiz said “yes” " + String(repeating: "x", count: 20) + " Ana"
        let paragraphs = ArticleHTML.paragraphs(of: body)
        let tag = "<b>"
        let highlights = [
            Highlight(span: span(body, "Ana Ruiz"), kind: .actor, openTag: tag, reopenTag: tag, closeTag: "</b>"),
            Highlight(span: span(body, "“yes”"), kind: .quote, openTag: "<q>", reopenTag: "<q>", closeTag: "</q>"),
            Highlight(span: span(body, "Ana", from: 80), kind: .actor, openTag: tag, reopenTag: tag, closeTag: "</b>"),
        ]
        let html = ArticleHTML.render(body, paragraphs: paragraphs, highlights: highlights)
        #expect(html == "<p>" + String(repeating: "é—", count: 30) + " <b>Ana Ruiz</b> said <q>“yes”</q> " + String(repeating: "x", count: 20) + " <b>Ana</b></p>")
    }

    @Test func elementsOutsideEveryParagraphAreLeftOutEvenPastTheText() {
        let body = "Shown here.\nCredits: Ana Ruiz"
        let paragraphs = [ArticleHTML.paragraphs(of: body)[0]]
        let highlights = [
            Highlight(span: span(body, "Ana Ruiz"), kind: .actor, openTag: "<b>", reopenTag: "<b>", closeTag: "</b>"),
            Highlight(span: TextSpan(20, 400), kind: .actor, openTag: "<i>", reopenTag: "<i>", closeTag: "</i>"),
        ]
        #expect(ArticleHTML.render(body, paragraphs: paragraphs, highlights: highlights) == "<p>Shown here.</p>")
    }
}
