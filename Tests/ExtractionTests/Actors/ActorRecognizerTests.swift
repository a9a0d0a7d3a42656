import Testing

@testable import Extraction

/// Actors of a short text, through the shipped gazetteers.
func actors(_ input: String) -> [ExtractedActor] {
    let text = ScalarText(input)
    return ActorRecognizer().recognize(text, sentences: SentenceSplitter().split(text))
}

/// The actor called `name`, if any.
func actor(_ name: String, in list: [ExtractedActor]) -> ExtractedActor? {
    list.first { $0.name == name }
}

@Suite("Actor names")
struct ActorNameTests {
    @Test func particlesJoinTheName() {
        let found = actors("The geologist Ben van der Pluijm said the slope was unstable.")
        #expect(actor("Ben van der Pluijm", in: found)?.kind == .person)
    }

    @Test func aNameEndsWhereASentenceEndsAfterADottedWord() {
        // The full stop belongs to "Calif." and "U.S.", so only the sentence boundary separates them from what follows.
        let found = actors("The flood reached Riverton, Calif. The Harbor Authority said the dam held. Ana Brown flew back to the U.S. She said the roads were closed.")
        #expect(actor("Harbor Authority", in: found)?.kind == .organization)
        #expect(actor("California", in: found)?.aliases == ["Calif."])
        #expect(actor("United States", in: found)?.aliases == ["U.S."])
        #expect(!found.contains { $0.name.contains("Calif. The") || $0.name.contains("U.S. She") })
    }

    @Test func aLoneAbbreviationIsNoActorButAnAcronymIs() {
        let found = actors("The dam was ranked No. 1 in the region. She said it was the best. Ana Brown Jr. agreed. It reported the sale to the SEC. The sale closed.")
        #expect(!found.contains { $0.name == "No." || $0.name == "Jr." })
        #expect(actor("Ana Brown Jr.", in: found)?.kind == .person)
        #expect(actor("SEC.", in: found)?.kind == .organization)
    }

    @Test func gluedParticlesAndInitials() {
        let found = actors("Bashar al-Assad met envoy Mary K. Dunn in Damascus on Tuesday.")
        #expect(actor("Bashar al-Assad", in: found)?.kind == .person)
        #expect(actor("Mary K. Dunn", in: found)?.kind == .person)
        #expect(actor("Mary K. Dunn", in: found)?.roles == ["envoy"])
        #expect(actor("Damascus", in: found)?.kind == .place)
        #expect(actor("Tuesday", in: found) == nil)
    }

    @Test func quotationOpeningWithALinkWordIsNoLinkLine() {
        let found = actors("“More and more, the floods come early,” said Tom Brown, a professor at Riverton University.")
        #expect(actor("Tom Brown", in: found)?.kind == .person)
        #expect(actors("READ MORE: Tom Brown on the floods").isEmpty)
    }

    @Test func courtesyTitleChoosesBetweenTwoPeopleWithOneSurname() {
        let found = actors("Hillary Clinton met donors. Her husband, Bill Clinton, spoke first. Then Mrs. Clinton spoke.")
        #expect(actor("Hillary Clinton", in: found)?.aliases.contains("Mrs. Clinton") == true)
        #expect(actor("Bill Clinton", in: found)?.aliases.contains("Mrs. Clinton") == false)
    }

    @Test func roleWordAfterAnInitialIsASurname() {
        let found = actors("“We will comply,” Agency General Counsel Tom R. Baker wrote in a letter.")
        #expect(actor("Tom R. Baker", in: found)?.kind == .person)
    }

    @Test func suffixesStayInTheName() {
        let found = actors("Later, Martin Luther King Jr. spoke to the crowd.")
        #expect(actor("Martin Luther King Jr.", in: found)?.kind == .person)
    }

    @Test func openingWordsSetOffByACommaAreNotNames() {
        let found = actors("“We can win with Norway. Otherwise, the deal fails,” Lena Berg said. Regardless, talks went on in Oslo.")
        #expect(actor("Otherwise", in: found) == nil)
        #expect(actor("Regardless", in: found) == nil)
        #expect(actor("Lena Berg", in: found)?.kind == .person)
        #expect(actor("Oslo", in: found)?.kind == .place)
    }

    @Test func aDatelineInCapitalsStaysAName() {
        let found = actors("HALDEN, Norway — The mill closed on Monday, Per Olsen said.")
        #expect(actor("HALDEN", in: found) != nil)
    }

    @Test func namesJoinedByAHyphenAreNotAnotherActor() {
        let found = actors("President Anna Holt called Prime Minister Ivo Marek. The Holt-Marek call lasted an hour, Holt said.")
        #expect(found.map(\.name).sorted() == ["Anna Holt", "Ivo Marek"])
    }

    @Test func sentenceInitialWordsAreNotNames() {
        let found = actors("Asked about the plan, Keith Kellogg smiled. Notably absent was Rosa Diaz.")
        #expect(found.map(\.name).sorted() == ["Keith Kellogg", "Rosa Diaz"])
    }

    @Test func sentenceInitialNameWithSupportIsKept() {
        let found = actors("Okafor reported from Lagos.")
        #expect(actor("Okafor", in: found)?.kind == .person)
        #expect(actor("Okafor", in: found)?.roles == ["reporter"])
    }

    @Test func monthsAndWeekdaysAreDropped() {
        let found = actors("In March, Maria Lopez visited Madrid on Monday and again in June.")
        #expect(found.map(\.name).sorted() == ["Madrid", "Maria Lopez"])
    }

    @Test func aMonthAfterAGivenNameIsASurname() {
        let found = actors("Prime Minister Theresa May spoke in London.")
        #expect(actor("Theresa May", in: found)?.roles == ["Prime Minister"])
    }

    @Test func idIsTheSlugOfTheName() {
        #expect(actor("Maria Lopez", in: actors("Maria Lopez said no."))?.id == "maria-lopez")
    }
}

@Suite("Actor kinds")
struct ActorKindTests {
    @Test func organisationWordsMakeOrganisations() {
        let found = actors("The Northfield Agency and the Harbour Workers Union signed a deal with Tilde University.")
        #expect(actor("Northfield Agency", in: found)?.kind == .organization)
        #expect(actor("Harbour Workers Union", in: found)?.kind == .organization)
        #expect(actor("Tilde University", in: found)?.kind == .organization)
    }

    @Test func gazetteerSettlesCommonCases() {
        let found = actors("NATO ministers met in Riga, Latvia, while the Kremlin watched.")
        #expect(actor("North Atlantic Treaty Organization", in: found)?.kind == .organization)
        #expect(actor("North Atlantic Treaty Organization", in: found)?.aliases == ["NATO"])
        #expect(actor("Riga", in: found)?.kind == .place)
        #expect(actor("Latvia", in: found)?.kind == .place)
        #expect(actor("Kremlin", in: found)?.kind == .organization)
    }

    @Test func prepositionMarksAPlace() {
        let found = actors("Relief trucks left from Tarnavia at dawn and drove back into Tarnavia by noon.")
        #expect(actor("Tarnavia", in: found)?.kind == .place)
    }

    @Test func cueVerbAndTitleMarkPeople() {
        let found = actors("Reporters waited outside. Okonkwo said nothing, and Dr. Ilse Varga left.")
        #expect(actor("Okonkwo", in: found)?.kind == .person)
        #expect(actor("Ilse Varga", in: found)?.kind == .person)
    }

    @Test func oneKindPerArticle() {
        let found = actors("Jordan Reyes said the team was ready. Jordan said the bus was late.")
        #expect(found.filter { $0.kind == .person }.map(\.name) == ["Jordan Reyes"])
    }

    @Test func missingGazetteersStillWork() {
        let text = ScalarText("Mayor Ana Ruiz said the bridge reopens. Ruiz added that tolls stay.")
        let found = ActorRecognizer().recognize(text, sentences: SentenceSplitter().split(text), gazetteer: Gazetteer())
        // Without the title list "Mayor" cannot be told from a name, but nothing fails and the name is found.
        #expect(found.contains { $0.name.hasSuffix("Ana Ruiz") })
    }
}

@Suite("Actor roles")
struct ActorRoleTests {
    @Test func capitalisedTitleBeforeTheName() {
        let found = actors("Defense Secretary Pete Hegseth flew to Brussels.")
        #expect(actor("Pete Hegseth", in: found)?.roles == ["Defense Secretary"])
    }

    @Test func lowerCaseRoleWithModifiers() {
        let found = actors("Kremlin spokesman Dmitry Peskov spoke after national security adviser Michael Waltz did.")
        #expect(actor("Dmitry Peskov", in: found)?.roles == ["Kremlin spokesman"])
        #expect(actor("Michael Waltz", in: found)?.roles == ["national security adviser"])
    }

    @Test func roleInApposition() {
        let found = actors("Lawrence Freedman, emeritus professor of war studies at King's College London, disagreed.")
        #expect(actor("Lawrence Freedman", in: found)?.roles == ["emeritus professor of war studies at King's College London"])
        #expect(actor("King's College London", in: found)?.kind == .organization)
    }

    @Test func adjectivesBeforeARole() {
        let found = actors("Missing was the hawkish retired general Keith Kellogg.")
        #expect(actor("Keith Kellogg", in: found)?.roles == ["hawkish retired general"])
    }

    @Test func roleAfterTheName() {
        let found = actors("“Talks go on,” said Dmitry Peskov, the Kremlin spokesman.")
        #expect(actor("Dmitry Peskov", in: found)?.roles == ["Kremlin spokesman"])
    }

    @Test func aListOfTitledPeopleGivesEachOnlyHisOwnTitle() {
        let found = actors("She named Finance Minister Ola Dahl, economy adviser Mark Lund and Sara Voss to lead the talks.")
        #expect(actor("Ola Dahl", in: found)?.roles == ["Finance Minister"])
        #expect(actor("Mark Lund", in: found)?.roles == ["economy adviser"])
        #expect(actor("Sara Voss", in: found)?.roles == [])
    }

    @Test func titleWithOfPhrase() {
        let found = actors("Secretary of State Marco Rubio landed in Riyadh.")
        #expect(actor("Marco Rubio", in: found)?.roles == ["Secretary of State"])
    }
}

@Suite("Actor aliases")
struct ActorAliasTests {
    @Test func titleAndSurnameFormsMerge() {
        let found = actors(
            "President Donald Trump spoke on Monday. Trump said talks went well. Later, President Trump left.")
        let trump = actor("Donald Trump", in: found)
        #expect(trump?.id == "donald-trump")
        #expect(trump?.roles == ["President"])
        #expect(trump?.aliases == ["President Donald Trump", "Trump", "President Trump"])
        #expect(trump?.mentions.count == 3)
        #expect(found.first?.name == "Donald Trump")
    }

    @Test func twoPeopleSharingASurnameStayApart() {
        let found = actors(
            "Bill Clinton and Hillary Clinton arrived together. Hillary Clinton spoke first, then Bill Clinton joked.")
        #expect(found.filter { $0.kind == .person }.map(\.name).sorted() == ["Bill Clinton", "Hillary Clinton"])
    }

    @Test func bareSharedSurnameGoesToThePersonJustNamed() {
        let found = actors(
            "Dorie Vance wrote the book. Her husband, Michael Vance, cooked. Later, Dorie Vance smiled and Vance said it was easy.")
        #expect(actor("Dorie Vance", in: found)?.mentions.count == 3)
        #expect(actor("Michael Vance", in: found)?.mentions.count == 1)
    }

    @Test func countryAbbreviationJoinsItsName() {
        let found = actors("The United States warned Moscow. U.S. officials said more sanctions would come.")
        #expect(actor("United States", in: found)?.aliases == ["U.S."])
    }

    @Test func mostMentionedFirst() {
        let found = actors("Ana Ruiz met Tom Brown. Ruiz spoke. Ruiz left.")
        #expect(found.map(\.name) == ["Ana Ruiz", "Tom Brown"])
    }
}

@Suite("Actor acronyms, headlines and descriptors")
struct ActorAcronymTests {
    @Test func bracketedAcronymJoinsItsName() {
        let found = actors("The Harbour Transit Authority (HTA) raised fares. Later, HTA staff apologised.")
        let authority = actor("Harbour Transit Authority", in: found)
        #expect(authority?.kind == .organization)
        #expect(authority?.aliases == ["HTA"])
        #expect(authority?.mentions.count == 3)
    }

    @Test func acronymSpelledOutElsewhere() {
        let found = actors("A letter came from Parks, Forests and Rivers Agency on Monday. PFRA said it would review the case.")
        #expect(actor("Parks, Forests and Rivers Agency", in: found)?.aliases == ["PFRA"])
    }

    @Test func titleCaseLineYieldsOnlyConfirmedNames() {
        let found = actors("Harbour Group Will Run Ads Demanding Action From Ana Ruiz\nMayor Ana Ruiz said the ads were unfair.")
        #expect(found.map(\.name) == ["Ana Ruiz"])
        #expect(actor("Ana Ruiz", in: found)?.mentions.count == 2)
    }

    @Test func commonWordBeforeAFullNameIsADescriptor() {
        let found = actors("“We won,” Billionaire Ana Ruiz said.")
        #expect(actor("Ana Ruiz", in: found)?.roles == ["Billionaire"])
    }

    @Test func titleWordAsSurname() {
        let found = actors("Markets were calm on Friday, Baker said, and Mr. King agreed.")
        #expect(actor("Baker", in: found)?.kind == .person)
        #expect(actor("King", in: found)?.kind == .person)
    }

    @Test func aRoleWordAfterAGivenNameIsTheSurname() {
        let found = actors("“Fine,” said Jim Baker, an aide. Steve King met Chief Strategist Ana Ruiz and Florida Senator Rick Scott.")
        #expect(actor("Jim Baker", in: found)?.kind == .person)
        #expect(actor("Jim Baker", in: found)?.roles == ["aide"])
        #expect(actor("Steve King", in: found)?.kind == .person)
        #expect(actor("Ana Ruiz", in: found)?.roles == ["Chief Strategist"])
        #expect(actor("Florida Senator", in: found) == nil)
        #expect(actor("Rick Scott", in: found)?.kind == .person)
    }

    @Test func aQualifierBeforeATitleStaysInTheRole() {
        let found = actors("Talks resume under a mediator, former Labor Minister Karien van Gennip, and acting Mayor Ann Holt.")
        #expect(actor("Karien van Gennip", in: found)?.roles == ["former Labor Minister"])
        #expect(actor("Ann Holt", in: found)?.roles == ["acting Mayor"])
    }

    @Test func aNameThatBeginsWithItsArticleIsMentionedWithIt() throws {
        let input = "Talks were held in The Hague on Monday, and the envoys left The Hague for Brussels."
        let found = actors(input)
        let hague = try #require(actor("The Hague", in: found))
        let scalars = Array(input.unicodeScalars)
        #expect(hague.mentions.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) } == ["The Hague", "The Hague"])
    }

    @Test func aSurnameWithItsParticleIsMentionedWithIt() throws {
        let input = "Mayor Bill de Blasio spoke first. “We are ready,” said de Blasio, and Blasio fans cheered."
        let blasio = try #require(actor("Bill de Blasio", in: actors(input)))
        let scalars = Array(input.unicodeScalars)
        #expect(blasio.mentions.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }.prefix(2) == ["Bill de Blasio", "de Blasio"])
    }

    @Test func theWordAfterADatelineIsNoName() {
        let found = actors("ROTTERDAM — Dock workers walked off the job on Monday, Tom Bakker said. Dixon reported from Riga.")
        #expect(actor("Dock", in: found) == nil)
        #expect(actor("Tom Bakker", in: found)?.kind == .person)
        #expect(actor("Dixon", in: found) != nil)
    }

    @Test func wordsOpeningAQuotationOrASentenceAreNotNames() {
        let found = actors("“Good,” said Tom Smith. “Inflation is high,” he said. Opposition leader Chico Marx disagreed.")
        #expect(found.map(\.name).sorted() == ["Chico Marx", "Tom Smith"])
    }

    @Test func aPartyAndStateTagNamesNoOne() {
        let found = actors("Sen. Ada Vance (R-Texas) spoke after Rep. Tom Ruiz, D-N.Y., and Sen. Jo Bell, I-Vt.")
        #expect(found.map(\.name).sorted() == ["Ada Vance", "Jo Bell", "Tom Ruiz"])
        // Out of brackets and commas the same shape is a name.
        #expect(actor("D-Day", in: actors("Veterans marked the anniversary of D-Day in Caen.")) != nil)
    }

    @Test func anHonorificBeforeAnOfficeAddressesTheOffice() {
        let found = actors("“Thank you, Mr. President,” said Rep. Lena Ortiz. “Order, Madam Speaker,” Mr. King said. Dr. Sheikh agreed.")
        #expect(actor("President", in: found) == nil)
        #expect(actor("Speaker", in: found) == nil)
        #expect(actor("Lena Ortiz", in: found)?.kind == .person)
        #expect(actor("King", in: found)?.kind == .person)
        // A title word that is no office stays a surname.
        #expect(actor("Sheikh", in: found)?.kind == .person)
    }

    @Test func aLoneLetterWithAFullStopIsNoName() {
        let found = actors("The candidates were ranked.\n\nX.\n\nMara Holt came first.")
        #expect(found.map(\.name) == ["Mara Holt"])
        #expect(actor("X", in: actors("X said it removed the posts that Mara Holt flagged.")) != nil)
    }

    @Test func prepositionsOpeningASentenceAreNotPartOfAName() {
        let found = actors("Unlike Mara Holt, the mayor stayed. Amid the noise, Holt left. Given Holt's record, few were surprised.")
        #expect(found.map(\.name) == ["Mara Holt"])
    }

    @Test func groupNounsOpeningASentenceAreNoNames() {
        let found = actors("Aides said Dana Pratt would run. Men under 35 backed her.")
        #expect(found.map(\.name) == ["Dana Pratt"])
    }

    @Test func companiesWhoseFirstWordIsATitleAreOrganisations() {
        let found = actors("General Electric said it paid the tax, and Verizon said it would not.")
        #expect(actor("General Electric", in: found)?.kind == .organization)
        #expect(actor("Electric", in: found) == nil)
        #expect(actor("Verizon", in: found)?.kind == .organization)
    }

    @Test func aPortIsAnOrganisationUnlessItIsAKnownCity() {
        let found = actors("The Port of Halden said ships were waiting, and the U.S. Treasury said it would act. Rain fell on Port Louis.")
        #expect(actor("Port of Halden", in: found)?.kind == .organization)
        #expect(actor("Port Harcourt", in: actors("Rain fell on Port Harcourt and the delta.")).map { $0.kind != .organization } == true)
        #expect(actor("Treasury Department", in: found)?.kind == .organization)
        #expect(actor("Port Louis", in: found)?.kind == .place)
    }
}

@Suite("Joined names")
struct JoinedNameTests {
    func person(_ name: String, aliases: [String] = []) -> ExtractedActor {
        ExtractedActor(id: name.lowercased(), name: name, kind: .person, aliases: aliases)
    }

    func kept(_ actors: [ExtractedActor]) -> [String] {
        ActorRecognizer.droppingJoinedNames(actors).map(\.name)
    }

    @Test func aHyphenatedPairOfOtherActorsGoes() {
        // "Putin" is a word of an alias only.
        let list = [person("Donald Trump"), person("Vladimir", aliases: ["Vladimir Putin"]), person("Trump-Putin")]
        #expect(kept(list) == ["Donald Trump", "Vladimir"])
    }

    @Test func aHyphenatedNameStaysUnlessEveryPartIsAnotherActorsWord() {
        #expect(kept([person("Donald Trump"), person("Trump-Kim")]) == ["Donald Trump", "Trump-Kim"])
        // A name with a space is not a joined one, and a lone part ("Trump-") is not a pair.
        #expect(kept([person("Melissa Mark-Viverito"), person("Mark Smith"), person("Viverito")]).count == 3)
        #expect(kept([person("Donald Trump"), person("Trump-")]) == ["Donald Trump", "Trump-"])
        // Parts are whole words: "Rump" is not a word of "Donald Trump".
        #expect(kept([person("Donald Trump"), person("Joe Biden"), person("Rump-Biden")]).count == 3)
    }

    @Test func wordsBeyondASCIIAreComparedAsCharacters() {
        // "Łukasz" is found as it is written; "Zoé", with a combining acute in one name and precomposed in the
        // other, is one word.
        let list = [person("Jan Nowak"), person("Łukasz Kowalski"), person("\u{141}ukasz-Nowak"), person("Zo\u{65}\u{301} Bell"), person("Zo\u{e9}-Nowak")]
        #expect(kept(list) == ["Jan Nowak", "Łukasz Kowalski", "Zo\u{65}\u{301} Bell"])
    }
}
