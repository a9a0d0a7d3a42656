import Testing

@testable import Extraction

/// Every stretch between curly double marks of `input`, attributed; the quotation finder is left out so that these
/// tests pin the attribution rules alone.
func attributed(_ input: String) -> [ExtractedQuote] {
    let text = ScalarText(input)
    var quotes: [ExtractedQuote] = []
    var open = -1
    for (i, scalar) in text.scalars.enumerated() {
        if scalar == "\u{201C}" { open = i + 1 }
        if scalar == "\u{201D}", open >= 0 {
            quotes.append(ExtractedQuote(span: TextSpan(open, i), text: text.string(open, i)))
            open = -1
        }
    }
    let sentences = SentenceSplitter().split(text)
    let actors = ActorRecognizer().recognize(text, sentences: sentences)
    return SpeakerAttributor().attribute(quotes, in: text, sentences: sentences, actors: actors)
}

/// (speaker, cue) of each quotation.
func speakers(_ input: String) -> [Pair] {
    attributed(input).map { Pair($0.speaker, $0.cue) }
}

/// A speaker and a cue, comparable in `#expect`.
struct Pair: Equatable, CustomStringConvertible {
    var speaker: String?
    var cue: String?
    init(_ speaker: String?, _ cue: String?) {
        self.speaker = speaker
        self.cue = cue
    }
    var description: String { "(\(speaker ?? "nil"), \(cue ?? "nil"))" }
}

@Suite("Speaker cue patterns")
struct SpeakerCueTests {
    @Test func nameThenVerbAfterTheQuote() {
        #expect(speakers("“We will win,” Jane Okafor said.") == [Pair("Jane Okafor", "said")])
    }

    @Test func verbInsideANameIsNoCue() {
        // "States" in "the United States" is not the verb "states".
        #expect(
            speakers("Jane Okafor thanked Germany, the United States and Britain for “speaking out against these detentions.”")
                .map(\.speaker) == ["Jane Okafor"])
    }

    @Test func verbThenNameAndApposition() {
        #expect(speakers("“We will win,” said Jane Okafor, the party leader.") == [Pair("Jane Okafor", "said")])
    }

    @Test func nameAndAppositionThenVerb() {
        #expect(speakers("“We will win,” Jane Okafor, the party leader, said.") == [Pair("Jane Okafor", "said")])
    }

    @Test func cueBeforeWithColon() {
        #expect(speakers("Jane Okafor said: “We will win.”") == [Pair("Jane Okafor", "said")])
    }

    @Test func toldReportersWithPartialQuote() {
        #expect(speakers("Jane Okafor told reporters the vote was “a turning point.”") == [Pair("Jane Okafor", "told")])
    }

    @Test func wroteInAStatement() {
        #expect(speakers("Jane Okafor wrote in a statement: “We will win.”") == [Pair("Jane Okafor", "wrote")])
    }

    @Test func accordingTo() {
        #expect(speakers("According to Jane Okafor, “the count was close.”") == [Pair("Jane Okafor", "according to")])
    }

    @Test func added() {
        #expect(speakers("Jane Okafor spoke first. “The count was close,” Okafor added.") == [Pair("Jane Okafor", "added")])
    }

    @Test func presentTenseSays() {
        #expect(speakers("“It is cold,” says Mayor Tom Brown.") == [Pair("Tom Brown", "says")])
    }

    @Test func longAppositionBeforeTheVerb() {
        #expect(
            speakers(
                "“Talks will stall,” Harry Kazianis, director of defence studies at the U.S.-based Centre for the National "
                    + "Interest in Washington, said in a statement.") == [Pair("Harry Kazianis", "said")])
    }

    @Test func relativeClauseBeforeTheVerb() {
        #expect(
            speakers("Jane Okafor, who leads the party, said the result was “a turning point.”")
                == [Pair("Jane Okafor", "said")])
    }

    @Test func participleBorrowsTheSubject() {
        #expect(
            speakers("“We won,” Jane Okafor wrote, adding that she was “grateful” to voters.")
                == [Pair("Jane Okafor", "wrote"), Pair("Jane Okafor", "adding")])
    }

    @Test func dashAttribution() {
        #expect(speakers("“The bus never came.” \u{2015} Rosa Diaz") == [Pair("Rosa Diaz", "\u{2015}")])
    }
}

@Suite("Speaker resolution")
struct SpeakerResolutionTests {
    @Test func pronounResolvesToTheSubject() {
        #expect(
            speakers("Mayor Tom Brown opened the meeting with Anna Novak. “We need more buses,” he said.")
                == [Pair("Tom Brown", "said")])
    }

    @Test func pronounIsNotTheNameItIsContrastedWith() {
        #expect(
            speakers(
                "“We found jobs in a month,” said Sven Lund.\n\nIn Bergen, Ragnar Holm, 49, is eager to work.\n\nThey came to Norway in 2016, when Holm was with his sister.\n\n"
                    + "Unlike Sven Lund, he has been unable to find work. He is still learning Norwegian.\n\n“My family comes first,” he said.")
                == [Pair("Sven Lund", "said"), Pair("Ragnar Holm", "said")])
    }

    @Test func contrastedNameStaysAnAntecedentForTheOtherGender() {
        #expect(
            speakers("“We must wait,” said Ann Lee.\n\nUnlike Ann Lee, Bob Marsh voted no. “It is too late,” she said.")
                == [Pair("Ann Lee", "said"), Pair("Ann Lee", "said")])
        #expect(
            speakers("“We must wait,” said Ann Lee.\n\nUnlike Ann Lee, he voted no, Bob Marsh wrote. “It is too late,” she said.")
                .last == Pair("Ann Lee", "said"))
    }

    @Test func surnameFirstNameSaysNothingOfGender() {
        // "Lu" and "Kim" open these names as surnames; as given names they would mark a woman.
        #expect(
            speakers("Former envoy Maria Santos spoke first. Foreign Ministry spokesperson Lu Kang gave no details. "
                + "But he said talks would resume “in due course.”").map(\.speaker) == ["Lu Kang"])
        #expect(NameGender(of: "Kim Jong-un") == nil)
        #expect(NameGender(of: "Hillary Clinton") == .female)
    }

    @Test func pronounFitsTheGender() {
        #expect(
            speakers("Tom Brown met Anna Novak on Friday. “The budget is final,” she said.")
                == [Pair("Anna Novak", "said")])
    }

    @Test func splitQuoteKeepsTheSpeaker() {
        #expect(
            speakers("“We will win,” Jane Okafor said. “Nobody will stop us.”")
                == [Pair("Jane Okafor", "said"), Pair("Jane Okafor", nil)])
    }

    @Test func quoteOnlyParagraphContinues() {
        #expect(
            speakers("“We will win,” Jane Okafor said.\n“Nobody will stop us.”\nThe count starts Monday.")
                == [Pair("Jane Okafor", "said"), Pair("Jane Okafor", nil)])
    }

    @Test func colonCueIntroducesTheNextParagraph() {
        #expect(speakers("Then Jane Okafor added:\n“Nobody will stop us.”") == [Pair("Jane Okafor", nil)])
    }

    @Test func descriptionResolvesThroughRoles() {
        #expect(
            speakers("Kremlin spokesman Dmitry Peskov spoke on Monday. “Talks continue,” the Kremlin spokesman said.")
                == [Pair("Dmitry Peskov", "said")])
    }

    @Test func nationalityAndRoleNameThePerson() {
        #expect(
            speakers(
                "President Ana Ruiz called Russian President Vladimir Putin. “Peace is near,” the Russian president said.")
                == [Pair("Vladimir Putin", "said")])
    }

    @Test func organisationSpeaks() {
        #expect(speakers("“The call went well,” the White House said.") == [Pair("White House", "said")])
    }

    @Test func ministrySaysInAStatement() {
        #expect(
            speakers("The Ministry of Energy published figures. “Prices will fall,” the ministry said in a statement.")
                == [Pair("Ministry of Energy", "said")])
    }

    @Test func speakerIdIsTheActorId() {
        let quote = attributed("“We will win,” Jane Okafor said.").first
        #expect(quote?.speakerId == "jane-okafor")
    }

    @Test func noCueNoSpeaker() {
        #expect(speakers("The sign read “closed” all week.") == [Pair(nil, nil)])
    }
}

@Suite("Speaker organisations and fallbacks")
struct SpeakerFallbackTests {
    @Test func itResolvesToTheOrganisation() {
        #expect(
            speakers("“Power is back,” Northgrid Energy said. Crews worked all night. “More crews are coming,” it said.")
                == [Pair("Northgrid Energy", "said"), Pair("Northgrid Energy", "said")])
    }

    @Test func partialQuoteTakesTheClauseSubject() {
        #expect(
            speakers("Councillor Rosa Diaz last week labelled the budget a “disgrace” on the radio.")
                == [Pair("Rosa Diaz", nil)])
    }

    @Test func participleAfterAName() {
        #expect(
            speakers("The video shows Tom Brown saying, “The budget is final.”") == [Pair("Tom Brown", "saying")])
    }

    @Test func previousParagraphSubjectIntroducesAQuote() {
        #expect(
            speakers("Ana Ruiz, a nurse at the clinic, described the night.\n“We ran out of beds by ten.”")
                == [Pair("Ana Ruiz", nil)])
    }

    @Test func titleWordThatSpeaksIsASurname() {
        #expect(speakers("“Markets are calm,” Baker said.") == [Pair("Baker", "said")])
    }

    /// A cue whose subject would be a conjunction that opens the text has no clause before it to search (a fuzzer
    /// finding: the search used to read the word before the first).
    @Test func cueOpeningTheTextWithAConjunction() {
        #expect(speakers("And said:\n“Not yet.”") == [Pair(nil, nil)])
        #expect(speakers("Or said on Monday that:\n“The bridge would open.”") == [Pair(nil, nil)])
    }
}
