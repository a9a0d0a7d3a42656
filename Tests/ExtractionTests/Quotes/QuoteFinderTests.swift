import Testing

@testable import Extraction

@Suite("QuoteFinder")
struct QuoteFinderTests {
    private func quotes(_ input: String) -> [String] {
        spans(input).map(\.text)
    }

    private func spans(_ input: String) -> [ExtractedQuote] {
        let text = ScalarText(input)
        let sentences = SentenceSplitter().split(text)
        let found = QuoteFinder().find(text, sentences: sentences)
        for quote in found { #expect(quote.text == text.string(quote.span)) }
        return found
    }

    private func quoteSpans(_ input: String) -> [QuoteSpan] {
        let text = ScalarText(input)
        return QuoteFinder().findSpans(text, sentences: SentenceSplitter().split(text))
    }

    @Test func curlyAndStraightMarks() {
        #expect(
            quotes("“We will rebuild the pier,” Mayor Ana Ruiz said. Her deputy added: \"It starts in May.\"")
                == ["We will rebuild the pier,", "It starts in May."])
    }

    @Test func spanExcludesTheMarksAndCountsScalars() {
        let found = spans("Ève said: “Déjà vu.”")
        #expect(found.map(\.span) == [TextSpan(11, 19)])
        #expect(found.map(\.text) == ["Déjà vu."])
    }

    @Test func doubledApostrophesOpenAndClose() {
        #expect(
            quotes("''The port stays open,'' the minister said. ''We have no choice.''")
                == ["The port stays open,", "We have no choice."])
    }

    @Test func singleMarksInsideDoubleStayInTheQuotation() {
        #expect(
            quotes("“They told us ‘wait a week,’ and we waited,” said Tom Boyd. He wasn’t pleased.")
                == ["They told us ‘wait a week,’ and we waited,"])
    }

    @Test func multiSentenceQuotation() {
        #expect(
            quotes("“The strike is over. The ferries sail at dawn. Nobody lost,” she told reporters.")
                == ["The strike is over. The ferries sail at dawn. Nobody lost,"])
    }

    @Test func splitQuotationAroundTheCue() {
        #expect(
            quotes("“It was a long night,” Boyd said. “But we have a deal.”")
                == ["It was a long night,", "But we have a deal."])
    }

    @Test func multiParagraphQuotationIsOneQuotePerParagraph() {
        let input = """
            Ruiz read from her statement: “The harbour belongs to everyone.

            “We will not let it close again, whatever the cost.

            “That is a promise,” she said.
            """
        #expect(
            quotes(input)
                == [
                    "The harbour belongs to everyone.", "We will not let it close again, whatever the cost.",
                    "That is a promise,",
                ])
        let found = quoteSpans(input)
        #expect(found.map(\.continuesIntoNextParagraph) == [true, true, false])
        #expect(found.map(\.continuesPreviousParagraph) == [false, true, true])
        #expect(found.map(\.startsParagraph) == [false, true, true])
    }

    @Test func paragraphContinuingAQuotationWithoutRepeatingTheMark() {
        #expect(
            quotes("\"Pay is decided by the board\n\nafter a vote of the members,\" the union wrote.")
                == ["Pay is decided by the board", "after a vote of the members,"])
    }

    @Test func partialQuotationInsideParaphrase() {
        #expect(
            quotes("Boyd told the council that the plan was “unrealistic” and “far too costly.”")
                == ["unrealistic", "far too costly."])
        #expect(quoteSpans("He called the offer “an insult.”").map(\.isPartial) == [true])
    }

    @Test func bracketedInsertionStaysInTheSpan() {
        #expect(
            quotes("“I want the strike [to end] this week,” Ruiz said.") == ["I want the strike [to end] this week,"])
    }

    @Test func unbalancedMarkIsRecoveredAtTheParagraph() {
        let input = """
            “We are ready,” Boyd said. “The boats are fuelled.
            The talks resumed on Monday. Ruiz said she was “hopeful.”
            """
        #expect(quotes(input) == ["We are ready,", "The boats are fuelled.", "hopeful."])
    }

    @Test func missingClosingMarkBeforeANewOpeningMark() {
        #expect(
            quotes("“That would be a mistake. “Nobody wants it,” Boyd said.")
                == ["That would be a mistake.", "Nobody wants it,"])
    }

    @Test func missingOpeningMarkRecoversFromTheSentence() {
        #expect(
            quotes("“We won,” Boyd said. We never doubted it.” The crowd cheered.")
                == ["We won,", "We never doubted it."])
    }

    @Test func scareQuotesTitlesNicknamesAndNamesAreNotQuotations() {
        #expect(quotes("The city opened a “warming centre” for the homeless.") == [])
        #expect(quotes("Ruiz told Harbour TV’s “Morning Call” that the strike was over.") == [])
        #expect(quotes("The documentary “Salt and Iron” opens on Friday.") == [])
        #expect(quotes("Boxer Tom “The Hammer” Boyd retired.") == [])
        #expect(quotes("Economists call it the so-called “harbour premium” on prices.") == [])
        #expect(quotes("Dockers said they wore “Open The Port” hats all week.") == [])
    }

    @Test func shortFragmentWithAReportingVerbIsAQuotation() {
        #expect(quotes("Ruiz described the offer as “a joke.”") == ["a joke."])
    }

    @Test func characterisationAfterAnObjectAndAsIsAQuotation() {
        #expect(quotes("The union paints Boyd as a “ferry baron” at every meeting.") == ["ferry baron"])
        #expect(quotes("In May she acted as “outside eye” for the show.") == [])
    }

    @Test func excerptInStraightMarksYieldsItsInnerQuotations() {
        let input = """
            The report reads:

            "The crowd grew quiet, then chanted “Open the port!” again.

            “It is ours,” one docker said.
            """
        #expect(quotes(input) == ["Open the port!", "It is ours,"])
    }

    @Test func singleMarksQuoteInATextWithoutDoubleOnes() {
        let input = """
            ‘We will rebuild the pier,’ Ruiz said. She called the plan ‘unrealistic’.
            The players’ union agreed; it was like the ’90s, Boyd said. 'It won't last,' he added.
            """
        #expect(quotes(input) == ["We will rebuild the pier,", "unrealistic", "It won't last,"])
        #expect(quotes("“We won,” she said of the ‘final’ round.") == ["We won,"])
    }

    @Test func markupAttributesAndMeasurementsAreIgnored() {
        #expect(quotes("<tweet author=\"boyd\">Done.</tweet> He is 6'3\" tall.") == [])
    }

    @Test func transcriptTurnsAreNotQuotations() {
        #expect(quotes("\"RUIZ: We will see.\n\n\"(CROSSTALK.)") == [])
    }
}
