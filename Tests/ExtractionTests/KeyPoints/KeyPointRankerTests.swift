import Testing

@testable import Extraction

/// Sentence spans for the invented articles below: one per line, split after ". ", "! " or "? " (and a closing
/// mark) before a capital or an opening mark. Kept here so these tests do not move when the real splitter does.
func keyPointTestSentences(_ text: ScalarText) -> [TextSpan] {
    var spans: [TextSpan] = []
    for line in text.nonBlankLines() {
        var start = line.start
        var i = line.start
        while i < line.end {
            let c = text.scalars[i]
            if c == "." || c == "!" || c == "?" {
                var end = i + 1
                while end < line.end, "\"”’)".unicodeScalars.contains(text.scalars[end]) { end += 1 }
                if end + 1 < line.end, text.scalars[end] == " ",
                    text.scalars[end + 1].isUpper || "\"“".unicodeScalars.contains(text.scalars[end + 1])
                {
                    spans.append(TextSpan(start, end))
                    start = end + 1
                    i = end + 1
                    continue
                }
            }
            i += 1
        }
        spans.append(TextSpan(start, line.end))
    }
    return spans
}

@Suite("KeyPointRanker")
struct KeyPointRankerTests {
    static let article = """
        Harbour city approves flood barrier

        PORTVALE —
        The Portvale council approved a $40 million flood barrier for the harbour on Tuesday, after storm surges flooded the harbour district two winters running.
        The flood barrier will close the harbour mouth during storm surges and protect about 3,000 harbour homes, council engineers said.
        Mayor Lena Ortiz said the council vote on the barrier was the most important decision of her term.
        “We cannot keep pumping sea water out of people’s living rooms,” Ortiz said.
        “Every winter the storm surges cost the harbour district more than the last. The flood barrier pays for itself in ten years.”
        Fishing crews worry that the barrier will slow boats entering the harbour.
        Construction is expected to begin in the spring.
        The council approved a $40 million flood barrier for the harbour on Tuesday, after storm surges flooded the harbour district two winters in a row.
        Story continues below advertisement
        Jane Reed reported from Portvale. Tom Hale contributed to this report.
        COMMENTS
        """

    private func rank(_ input: String, count: Int = 50, quotes: [ExtractedQuote] = []) -> [KeyPoint] {
        let text = ScalarText(input)
        return KeyPointRanker().rank(text, sentences: keyPointTestSentences(text), count: count, quotes: quotes)
    }

    @Test func theCentralLeadSentenceComesFirst() {
        let points = rank(Self.article)
        #expect(points.first?.text.hasPrefix("The Portvale council approved a $40 million flood barrier") == true)
        #expect(points.first?.sentence == 2)
    }

    @Test func headlineDatelineCreditsAndBoilerplateAreNeverChosen() {
        let texts = rank(Self.article).map(\.text)
        for line in [
            "Harbour city approves flood barrier", "PORTVALE —", "Story continues below advertisement",
            "Jane Reed reported from Portvale.", "Tom Hale contributed to this report.", "COMMENTS",
        ] {
            #expect(!texts.contains(line), "\(line) was chosen")
        }
    }

    @Test func quotationsWithoutASpeakerAreNeverChosen() {
        let texts = rank(Self.article).map(\.text)
        #expect(!texts.contains { $0.contains("Every winter") })
        #expect(!texts.contains { $0.contains("pays for itself") })
        // The attributed quotation is a candidate.
        #expect(texts.contains { $0.hasPrefix("“We cannot keep pumping") })
    }

    @Test func nearDuplicatesAreNotBothChosen() {
        let texts = rank(Self.article).map(\.text)
        #expect(texts.filter { $0.hasPrefix("The Portvale council approved") || $0.hasPrefix("The council approved") }.count == 1)
    }

    @Test func shortUnfinishedAndQuestionLinesAreNeverChosen() {
        let points = rank(
            "Talks resumed in Geneva on Monday between both delegations.\nTalks resumed.\nThe delegations said:\n"
                + "Will the talks in Geneva between both delegations last?\n")
        #expect(points.map(\.text) == ["Talks resumed in Geneva on Monday between both delegations."])
    }

    @Test func countIsRespected() {
        #expect(rank(Self.article, count: 2).count == 2)
        #expect(rank(Self.article, count: 0).isEmpty)
        #expect(rank(Self.article, count: 50).count == 6)
    }

    @Test func resultIsDeterministicAndBestFirst() {
        let first = rank(Self.article)
        #expect(first == rank(Self.article))
        #expect(zip(first, first.dropFirst()).allSatisfy { $0.score >= $1.score - 0.05 })
    }

    @Test func keyPointTextIsTheTrimmedSentence() {
        let text = ScalarText(Self.article)
        let sentences = keyPointTestSentences(text)
        for point in rank(Self.article) {
            #expect(point.text == text.string(text.trimmed(sentences[point.sentence])))
        }
    }

    @Test func anOpeningDatelineIsLeftOutOfTheKeyPointText() {
        let input = """
        ROTTERDAM — Dock workers at the port walked off the job on Monday after wage talks broke down.
        WASHINGTON, Dec. 8 (UPI) — The senators agreed on a budget for the port on Tuesday.
        The strike is expected to last at least two days, the union said on Monday.
        """
        let texts = rank(input).map(\.text)
        #expect(texts.contains("Dock workers at the port walked off the job on Monday after wage talks broke down."))
        #expect(texts.contains("The senators agreed on a budget for the port on Tuesday."))
        #expect(!texts.contains { $0.contains("ROTTERDAM") || $0.contains("UPI") })
    }

    @Test func quotationsFoundElsewhereCountAsQuoted() {
        // Two apostrophes both open and close a quotation in some newspapers; mark-matching alone misses it.
        let input = """
            The mayor opened the new bridge across the river on Friday morning.
            ''The new bridge across the river joins two halves of the city at last.''
            The mayor said the bridge across the river cost less than planned.
            """
        let text = ScalarText(input)
        let start = Array(input.unicodeScalars).firstIndex(of: "'").map { $0 + 2 } ?? 0
        let end = start + Array("The new bridge across the river joins two halves of the city at last.".unicodeScalars).count
        let quote = ExtractedQuote(span: TextSpan(start, end), text: text.string(start, end))
        #expect(rank(input).contains { $0.text.hasPrefix("''The new bridge") })
        #expect(!rank(input, quotes: [quote]).contains { $0.text.hasPrefix("''The new bridge") })
    }

    @Test func spansBeyondTheTextAreClampedNotTrapped() {
        let text = ScalarText("The harbour barrier vote passed on Tuesday evening.")
        let points = KeyPointRanker().rank(text, sentences: [TextSpan(0, 51), TextSpan(40, 400), TextSpan(-3, 2)], count: 5)
        #expect(points.map(\.sentence) == [0])
    }

    @Test func emptyInputGivesNoKeyPoints() {
        #expect(rank("").isEmpty)
        #expect(KeyPointRanker().rank(ScalarText("Some text."), sentences: [], count: 5).isEmpty)
    }
}
