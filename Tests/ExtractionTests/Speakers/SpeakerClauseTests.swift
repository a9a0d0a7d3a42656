import Testing

@testable import Extraction

/// Attribution rules for the harder sentences of news text: names governed by prepositions, titles and party tags
/// around the verb, clauses that do not attribute, and quotations signed, claimed or introduced in other ways.
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

    @Test func participleAfterANameAndAnAdverb() {
        #expect(
            speakers("At a rally in Riverton, some supporters pushed a protester, with Tom Brown reportedly yelling: “Get him out!”")
                == [Pair("Tom Brown", "yelling")])
    }

    @Test func cueWhoseSubjectIsItDefersToTheCueReportingIt() {
        #expect(
            speakers("Mayor Tom Brown, opening the Riverside Public Library on Monday, said it would tell a story of “courage and hope.”")
                == [Pair("Tom Brown", "said")])
    }
}
