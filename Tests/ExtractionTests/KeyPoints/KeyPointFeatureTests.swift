import Testing

@testable import Extraction

@Suite("KeyPoint features")
struct KeyPointFeatureTests {
    private func roles(_ input: String) -> [ProseFilter.Role] {
        let text = ScalarText(input)
        return ProseFilter.roles(text, sentences: keyPointTestSentences(text), folded: FoldedText(text))
    }

    @Test func headlineIsTheFirstUnpunctuatedLineBeforeABlankLine() {
        #expect(roles("Rates held steady\n\nThe bank kept rates at 4 percent on Thursday.") == [.headline, .prose])
        // Without the blank line it is not a headline, and without lower-case words it is not prose either.
        #expect(roles("Rates Held Steady\nThe bank kept rates at 4 percent on Thursday.") == [.furniture, .prose])
        #expect(roles("The bank kept rates at 4 percent on Thursday.\n\nIt said so.") == [.prose, .prose])
        // A title-case first line is a headline even with a full stop.
        #expect(roles("Bank Holds Rates Steady Again.\n\nThe bank kept rates at 4 percent.") == [.headline, .prose])
    }

    @Test func aShortSentenceCaseLineIsAHeadlineWhenADatelineOpensTheStory() {
        let text = "Mill workers vote to end strike in Halden.\n\nHALDEN, Norway (NTB) — Workers at the paper mill voted on Monday."
        #expect(roles(text).first == .headline)
        #expect(Extractor().extract(text).title == "Mill workers vote to end strike in Halden")
        for story in ["OSLO — Workers voted on Monday.", "LOS ANGELES, May 2 — Workers voted.", "WASHINGTON (AP) — Workers voted."] {
            #expect(roles("Mill workers vote to end strike.\n\n" + story).first == .headline, "\(story)")
        }
        // A lead paragraph of one sentence stays prose when no dateline follows, or when it is long.
        #expect(roles("For the second time in a decade, Ola Berg was back in court.\n\nThe judge listened.").first == .prose)
        let long = "Workers at the paper mill in the small town of Halden voted on Monday to end a strike that had lasted nine weeks."
        #expect(roles(long + "\n\nOSLO — The union said so.").first == .prose)
    }

    @Test func theFullStopSomeSourcesAddIsDroppedFromTheTitleInsideQuotesToo() {
        #expect(Extractor().extract("Mayor Calls Plan ‘A Disaster.’\n\nThe mayor spoke on Monday.").title == "Mayor Calls Plan ‘A Disaster’")
        #expect(Extractor().extract("Mayor Rejects the Plan.\n\nThe mayor spoke on Monday.").title == "Mayor Rejects the Plan")
    }

    @Test func creditsBylinesDatelinesAndBoilerplateAreFurniture() {
        for line in [
            "Dixon reported from Riga, Latvia.", "Anna Berg and Tom Hale reported from Kyiv.",
            "Ellen Park in Washington contributed to this report.", "Excerpts: The Daily Ledger", "COMMENTS",
            "Story continues below advertisement", "KYIV, Ukraine —", "By Jane Doe", "Feb. 12, 2025 at 9:01 p.m. EST",
            "Reporting by Ann Lee; Editing by Bo Chan",
        ] {
            #expect(ProseFilter.isFurniture(line), "\(line)")
        }
        for line in [
            "The agency reported from its own sources that talks had stalled.", "Prices rose 3 percent in May.",
            "He said the report was wrong.",
        ] {
            #expect(!ProseFilter.isFurniture(line), "\(line)")
        }
    }

    @Test func quotationCoverageFindsBareQuotesAndFragments() {
        let input = """
            "We will build it," the mayor said.
            "It will take years. Nobody doubts that."
            She added: "We start now.
            "And we finish on time."
            Critics called the plan "reckless" on Monday.
            """
        let text = ScalarText(input)
        let sentences = keyPointTestSentences(text)
        let bare = QuoteCoverage(text: text, sentences: sentences, quotes: [], folded: FoldedText(text)).isBareQuote
        #expect(sentences.count == 6)
        // Attributed; opens a quotation that runs on (no speaker); continues it; attributed, though its quotation
        // runs into the next paragraph; bare; scare quotes only.
        #expect(bare == [false, true, true, false, true, false])
    }

    /// The scalars inside quotation marks, marked in runs, are exactly those a mark-by-mark reading marks: not
    /// the marks, not line ends, nothing after a line end until a mark opens again, and an unclosed quotation
    /// to the end of the text.
    @Test func quotedScalarsAreThoseBetweenMarks() {
        func marked(_ input: String) -> String {
            let text = ScalarText(input)
            let (quoted, any) = QuoteCoverage.markQuoted(text)
            #expect(any == quoted.contains(true))
            return String(String.UnicodeScalarView(text.scalars.indices.map { quoted[$0] ? text.scalars[$0] : "_" }))
        }
        #expect(marked("a \u{201C}bc d\u{201D} e") == "___bc d___")
        #expect(marked("x \"yes\" and \"no,\" he said") == "___yes_______no,_________")
        #expect(marked("\u{201C}runs on\nnext \u{201C}again") == "_runs on_______again")
        #expect(marked("\u{201C}\u{201D}\u{201C}") == "___")
        #expect(marked("") == "")
        #expect(marked("plain text") == "__________")
        #expect(marked("tab\u{201C}a\tb\u{201D}") == "____a\tb_")
    }

    @Test func stemmingFoldsPluralsOnly() {
        #expect(TermTable.stem("profits") == "profit")
        #expect(TermTable.stem("companies") == "company")
        #expect(TermTable.stem("crisis") == "crisis")
        #expect(TermTable.stem("business") == "business")
        #expect(TermTable.stem("census") == "census")
        #expect(TermTable.stem("gas") == "gas")
    }

    @Test func centralityFavoursTheSentenceSharingMostWords() {
        let input = "Flood barrier vote passed in the harbour city.\nThe harbour flood barrier will cost millions.\nBirds sang loudly."
        let text = ScalarText(input)
        var table = TermTable()
        let terms = keyPointTestSentences(text).map { table.terms(of: $0, in: text, folded: FoldedText(text)) }
        let scores = Centrality.scores(terms, inGraph: [true, true, true], termCount: table.termCount)
        #expect(scores[2] == 0)
        #expect(scores.max() == 1)
        #expect(scores[0] > 0 && scores[1] > 0)
    }

    @Test func actorSalienceUsesRecognisedMentions() {
        let input = "Ortiz backed the barrier plan.\nCrews doubted the plan.\nOrtiz and the council met crews."
        let text = ScalarText(input)
        let sentences = keyPointTestSentences(text)
        var table = TermTable()
        let terms = sentences.map { table.terms(of: $0, in: text, folded: FoldedText(text)) }
        let ortiz = ExtractedActor(
            id: "lena-ortiz", name: "Lena Ortiz", kind: .person, mentions: [TextSpan(0, 5), TextSpan(55, 60)])
        let scores = ActorSalience.scores(
            terms, sentences: sentences, inGraph: [true, true, true], actors: [ortiz], nameCount: table.nameCount)
        #expect(scores[1] == 0)
        #expect(scores[0] > 0 && scores[2] > 0)
    }

    @Test func redundancyFilterDropsNearDuplicates() {
        let terms = [
            SentenceTerms(tokens: [1, 2, 3, 4], distinct: [1, 2, 3, 4]),
            SentenceTerms(tokens: [1, 2, 3, 4, 5], distinct: [1, 2, 3, 4, 5]),
            SentenceTerms(tokens: [6, 7, 8], distinct: [6, 7, 8]),
        ]
        let chosen = RedundancyFilter().select([0, 1, 2], scores: [1, 0.9, 0.5], terms: terms, count: 3)
        #expect(chosen == [0, 2])
    }
}
