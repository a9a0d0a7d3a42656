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

@Suite("Speaker clause subjects")
struct SpeakerClauseSubjectTests {
    @Test func nameAfterAPrepositionIsNoSubjectEvenPastItsFirstWord() {
        // "for Ana Ruiz" governs the whole name; the subject is the one after the opening phrase.
        #expect(
            speakers("Worried about weak support for Ana Ruiz among voters, Tom Brown is trying a new message: “Vote for me.”")
                .map(\.speaker) == ["Tom Brown"])
    }

    @Test func nameAfterAPrepositionAndADeterminerIsNoSubject() {
        #expect(
            speakers("After linking to a Daily Post article about his diet, Tom Brown quoted a passage about “boasters” to voters.")
                .map(\.speaker) == ["Tom Brown"])
    }

    @Test func asOpensAClauseWhoseSubjectSpeaks() {
        #expect(
            speakers("As Ana Ruiz, a former mayor, put it: “The bridge can wait.”").map(\.speaker) == ["Ana Ruiz"])
    }

    @Test func participleAfterANameIntroducesTheNextParagraph() {
        #expect(
            speakers("From Ana Ruiz writing in the Daily Post:\n“The bridge can wait.”") == [Pair("Ana Ruiz", nil)])
    }

    @Test func verbAfterAPartialQuoteNamesNoSpeakerPastThat() {
        // "suggests" after the quotation is its verb, not an inverted cue whose subject follows "that".
        #expect(
            speakers("Tom Brown said in the letter that the poster “plainly and wrongly” suggests that the city and its officers back the plan.")
                == [Pair("Tom Brown", "said")])
    }

    @Test func organisationWordAtTheHeadOfATitleIsNoDescription() {
        #expect(
            speakers("“The union is strong,” said Regional Council President Tom Brown, opening the session.")
                == [Pair("Tom Brown", "said")])
    }

    @Test func subordinateClauseAfterTheQuoteIsNoCue() {
        #expect(
            speakers("The ad ends with a clip of Tom Brown saying at the hearing, “That makes me smart,” when Ana Ruiz blasted him for it.")
                == [Pair("Tom Brown", "saying")])
    }

    @Test func paragraphSignedAtItsEndIsTheSignersThroughout() {
        #expect(
            speakers("“The bus never came.” \u{2015} Rosa Diaz\n“I walk to work now, rain or shine.” Every day, “because I have to.” \u{2015} Ana Ruiz")
                .map(\.speaker) == ["Rosa Diaz", "Ana Ruiz", "Ana Ruiz"])
    }

    @Test func partyTagBetweenTheNameAndTheVerb() {
        #expect(
            speakers("“We will not fold,” Rep. Ana Ruiz (D-Ore.) said Friday. Sen. Tom Brown (R-Texas) said: “Nor will we.”")
                == [Pair("Ana Ruiz", "said"), Pair("Tom Brown", "said")])
        #expect(
            speakers("“We will not fold,” Rep. Ana Ruiz (D), the ranking member, said.") == [Pair("Ana Ruiz", "said")])
        #expect(speakers("“We will not fold,” Sen. Ana Ruiz, D-Ore., said Tuesday.") == [Pair("Ana Ruiz", "said")])
    }

    @Test func placeThatActsIsTheClauseSubject() {
        #expect(
            speakers("Norway accused the Baltic Shipping Company of “reckless and dangerous” conduct.").map(\.speaker)
                == ["Norway"])
        #expect(
            speakers("In July, Zorvak cynically dismissed the Baltic Shipping Company as “a fantasy.”").map(\.speaker)
                == ["Zorvak"])
        // A copula describes the place; it says nothing.
        #expect(
            speakers("Norway was on the minds of the marchers, with many chanting “We are Norway.”").map(\.speaker)
                == [nil])
    }

    @Test func dashClosingAnAsideIsNoAttributionOfWhatFollows() {
        #expect(
            speakers("Several officials agreed, including the former governor Ana Ruiz \u{2014} “It is time” \u{2014} and Tom Brown, a former judge.")
                .map(\.speaker) == ["Ana Ruiz"])
    }

    @Test func possessiveClaimOwnsTheQuotation() {
        #expect(
            speakers("The Daily Post checked Tom Brown’s claim that the city had “the lowest taxes in the state.”")
                .map(\.speaker) == ["Tom Brown"])
    }

    @Test func accordingToARoleAndAName() {
        #expect(
            speakers("Ana Ruiz leads the union. According to campaign manager Tom Brown, “the count was close.”")
                == [Pair("Tom Brown", "according to")])
    }

    @Test func accordingToAPersonLaterInTheSentence() {
        #expect(
            speakers("The mayor was met with chants of “Fix the roads” at a meeting in Riverton last week, according to union leader Ana Ruiz.")
                == [Pair("Ana Ruiz", "according to")])
    }

    @Test func organisationModifyingARoleAfterTheVerbIsNoSpeaker() {
        #expect(
            speakers("The Northgrid Energy board met on Monday. “The plan is dead,” said one former Northgrid Energy board aide.")
                == [Pair(nil, "said")])
        #expect(
            speakers("The Northgrid Energy board met on Monday. “The plan is dead,” said one former senior agency official.")
                == [Pair(nil, "said")])
    }

    @Test func colonCueBeforeTheQuoteBeatsTheReporterAfterIt() {
        #expect(
            speakers("Asked about the bridge, Tom Brown said: “It will open in May,” the Daily Post reported.")
                == [Pair("Tom Brown", "said")])
    }

    @Test func whomTheSpeakerSpokeToIsNoSubject() {
        #expect(
            speakers("Another source speaking to the Daily Post said, “The agents are still at work.”").map(\.speaker)
                == [nil])
        #expect(
            speakers("A former mayor -- Tom Brown, who lost the 2008 race to Ana Ruiz -- said the plan “offered no changes.”")
                .map(\.speaker) == ["Tom Brown"])
    }

    @Test func coordinatedDescriptionsResolveThroughTheDefiniteOne() {
        #expect(
            speakers("Sen. Ana Ruiz of Oregon spoke first on Monday. “Taxes must fall,” the Oregon senator and presidential candidate said.")
                == [Pair("Ana Ruiz", "said")])
    }

    @Test func nameInAppositionToADescriptionAfterTheVerb() {
        #expect(
            speakers("“Half the vote is in,” said the campaign’s deputy manager, Tom Brown, who ran the count.")
                == [Pair("Tom Brown", "said")])
    }

    @Test func organisationBeforeARankAndANameAfterTheVerb() {
        #expect(
            speakers("“I hoped for a better choice,” said Air Force 1st Lt. Tom Brown.") == [Pair("Tom Brown", "said")])
        #expect(speakers("“I hoped for a better choice,” said Tom Brown of Riverton.") == [Pair("Tom Brown", "said")])
    }

    @Test func policeAreNotTheOrganisationNamedLast() {
        #expect(
            speakers("The city will host the Riverton Rovers Football Club on Sunday. Police say they have “enough officers” for the game.")
                .map(\.speaker) == [nil])
    }

    @Test func asXPutIt() {
        #expect(
            speakers("The plan has been criticised at Riverton University. As the Daily Post put it in a long report, “The numbers do not add up.”")
                == [Pair("Daily Post", "put")])
        #expect(
            speakers("As Ana Ruiz, author of “Bridges,” put it, “The numbers do not add up.”").map(\.speaker)
                == ["Ana Ruiz", "Ana Ruiz"])
    }

    @Test func clauseAfterACommaAndAConjunctionIsNoCue() {
        #expect(
            speakers("The former mayor Ana Ruiz said it was “a mistake” to close the Riverton Library, but she denied breaking any rule.")
                .map(\.speaker) == ["Ana Ruiz"])
    }

    @Test func personsCampaignSpeaksForThem() {
        #expect(
            speakers("Ana Ruiz was asked about it on Twitter. In a statement, Ms. Ruiz's campaign said that “nothing was hidden.”")
                .map(\.speaker) == ["Ana Ruiz"])
    }

    @Test func participleAfterAPossessiveRemarkIsTheAuthors() {
        #expect(
            speakers("Ana Ruiz recalled how rivals used Tom Brown’s remark in 2010 describing the plan as “a fairy tale.”")
                == [Pair("Tom Brown", "describing")])
    }

    @Test func cueWhoseSubjectIsItDefersToTheCueReportingIt() {
        #expect(
            speakers("Mayor Tom Brown, opening the Riverside Public Library on Monday, said it would tell a story of “courage and hope.”")
                == [Pair("Tom Brown", "said")])
    }
}
