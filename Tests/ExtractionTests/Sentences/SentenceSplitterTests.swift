import Testing

@testable import Extraction

@Suite("SentenceSplitter")
struct SentenceSplitterTests {
    private func sentences(_ input: String) -> [String] {
        let text = ScalarText(input)
        return SentenceSplitter().split(text).map { text.string($0) }
    }

    @Test func splitsAtFullStopsQuestionAndExclamationMarks() {
        #expect(
            sentences("The vote passed. Was it close? Not at all!") == [
                "The vote passed.", "Was it close?", "Not at all!",
            ])
    }

    @Test func spansAreScalarOffsetsTrimmedOfSpace() {
        let text = ScalarText("  “Ça va,” she said. Then she left.  ")
        let spans = SentenceSplitter().split(text)
        #expect(spans == [TextSpan(2, 20), TextSpan(21, 35)])
    }

    @Test func titlesBeforeNamesNeverEndASentence() {
        #expect(
            sentences("Dr. Ana Ruiz met Gen. Tom Boyd and Sen. Lee at St. Mark's. They talked.")
                == ["Dr. Ana Ruiz met Gen. Tom Boyd and Sen. Lee at St. Mark's.", "They talked."])
    }

    @Test func initialsStayInsideTheName() {
        #expect(
            sentences("The league was led by David L. Stern for decades. He retired in 2014.")
                == ["The league was led by David L. Stern for decades.", "He retired in 2014."])
    }

    @Test func initialismsEndASentenceOnlyBeforeATypicalOpener() {
        #expect(
            sentences("She moved to the U.S. Army base. Then she left the U.S. It was March.")
                == ["She moved to the U.S. Army base.", "Then she left the U.S.", "It was March."])
    }

    @Test func monthsBeforeADayAndNumbersBeforeAFullStop() {
        #expect(
            sentences("The talks began Jan. 20 in Riga. Turnout was 61.5. Results came on Feb. 2.")
                == ["The talks began Jan. 20 in Riga.", "Turnout was 61.5.", "Results came on Feb. 2."])
    }

    @Test func companyAbbreviationsEndASentenceBeforeAPronoun() {
        #expect(
            sentences("He sold it to Acme Co. at a loss. He then joined Birch Co. It failed.")
                == ["He sold it to Acme Co. at a loss.", "He then joined Birch Co.", "It failed."])
    }

    @Test func closingQuotesAndBracketsStayWithTheirSentence() {
        #expect(
            sentences("“We will win.” She smiled. (The polls disagreed.) “Will we?” he asked.")
                == ["“We will win.”", "She smiled.", "(The polls disagreed.)", "“Will we?” he asked."])
    }

    @Test func aClosingMarkAfterAnInitialEndsTheSentence() {
        #expect(
            sentences("He wrote: \"Thanks to Mr P.\" \"See you soon.\"") == [
                "He wrote: \"Thanks to Mr P.\"", "\"See you soon.\"",
            ])
    }

    @Test func ellipses() {
        #expect(
            sentences("He paused... Then he spoke. It was . . . odd, he said . . . . Nobody laughed.")
                == ["He paused...", "Then he spoke.", "It was . . . odd, he said . . . .", "Nobody laughed."])
        #expect(sentences("The plan [...] failed.") == ["The plan [...] failed."])
    }

    @Test func aLineBreakEndsAHeadlineOrDateline() {
        #expect(
            sentences("Ferry deal signed\nKESSLING, Norland — The strike ended on Monday.\n\nPhoto: Ana Ruiz")
                == ["Ferry deal signed", "KESSLING, Norland — The strike ended on Monday.", "Photo: Ana Ruiz"])
    }

    @Test func listItemsAreSentences() {
        #expect(sentences("1. Raise wages 2. Cut hours") == ["1. Raise wages", "2. Cut hours"])
        #expect(sentences("a) ports b) ferries") == ["a) ports", "b) ferries"])
        #expect(sentences("• 3. First point • 4. Second point") == ["• 3. First point", "• 4. Second point"])
    }

    @Test func urlsEmailsAndDecimalsDoNotSplit() {
        #expect(
            sentences("Write to ana.ruiz@example.org or see www.example.org today. Prices rose 2.5 percent.")
                == ["Write to ana.ruiz@example.org or see www.example.org today.", "Prices rose 2.5 percent."])
    }
}
