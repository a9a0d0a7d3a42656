/// Every word list a single word key can belong to, as bits: the gazetteers' lists and the rules' own small
/// lists. A word's class is looked up once, when the article is split into words, so that the rules test a bit
/// where they would otherwise hash the word's key into a dozen sets.
struct WordClass: OptionSet, Sendable, Hashable {
    let rawValue: UInt64

    // Gazetteer lists.
    static let firstName = WordClass(rawValue: 1 << 0)
    static let firstNameMale = WordClass(rawValue: 1 << 1)
    static let firstNameFemale = WordClass(rawValue: 1 << 2)
    static let role = WordClass(rawValue: 1 << 3)
    static let roleHonorific = WordClass(rawValue: 1 << 4)
    static let roleMale = WordClass(rawValue: 1 << 5)
    static let roleFemale = WordClass(rawValue: 1 << 6)
    static let organizationWord = WordClass(rawValue: 1 << 7)
    static let placeWord = WordClass(rawValue: 1 << 8)
    static let eventWord = WordClass(rawValue: 1 << 9)
    static let demonym = WordClass(rawValue: 1 << 10)
    static let calendar = WordClass(rawValue: 1 << 11)
    static let commonWord = WordClass(rawValue: 1 << 12)
    /// A one-word place name or alias.
    static let place = WordClass(rawValue: 1 << 13)
    /// A one-word organisation name or alias.
    static let organization = WordClass(rawValue: 1 << 14)
    /// The first word of some place or organisation key (its possessive `'s` dropped): names that start with any
    /// other word need no look-up.
    static let knownStart = WordClass(rawValue: 1 << 15)
    /// The first word after "the" of some place or organisation key ("the Hague", "the Pentagon").
    static let knownStartAfterThe = WordClass(rawValue: 1 << 16)

    // The rules' own lists.
    static let cueVerb = WordClass(rawValue: 1 << 17)
    static let speechVerb = WordClass(rawValue: 1 << 18)
    static let filler = WordClass(rawValue: 1 << 19)
    static let participle = WordClass(rawValue: 1 << 20)
    static let conjunction = WordClass(rawValue: 1 << 21)
    static let timeWord = WordClass(rawValue: 1 << 22)
    static let stopWord = WordClass(rawValue: 1 << 23)
    static let determiner = WordClass(rawValue: 1 << 24)
    static let prepositionBeforeName = WordClass(rawValue: 1 << 25)
    static let placePreposition = WordClass(rawValue: 1 << 26)
    static let organizationNoun = WordClass(rawValue: 1 << 27)
    static let appointmentVerb = WordClass(rawValue: 1 << 28)
    static let verbStop = WordClass(rawValue: 1 << 29)
    static let genericOrganization = WordClass(rawValue: 1 << 30)
    static let document = WordClass(rawValue: 1 << 31)
    static let auxiliary = WordClass(rawValue: 1 << 32)
    static let opener = WordClass(rawValue: 1 << 33)
    static let particle = WordClass(rawValue: 1 << 34)
    static let placeHead = WordClass(rawValue: 1 << 35)
    static let suffix = WordClass(rawValue: 1 << 36)
    static let titleCaseLowerWord = WordClass(rawValue: 1 << 37)
    static let acronymJoiner = WordClass(rawValue: 1 << 38)
    static let pronoun = WordClass(rawValue: 1 << 39)
    /// "the", "a", "an".
    static let article = WordClass(rawValue: 1 << 40)
    /// An abbreviation whose final full stop belongs to it ("mr", "gen", "jan").
    static let dottedAbbreviation = WordClass(rawValue: 1 << 41)
    /// An abbreviated province or state ("ont", "calif").
    static let dottedPlace = WordClass(rawValue: 1 << 42)
    /// "he", "his", "him".
    static let malePronoun = WordClass(rawValue: 1 << 43)
    /// "she", "her".
    static let femalePronoun = WordClass(rawValue: 1 << 44)
    /// A role word that is also a common surname ("baker", "king").
    static let roleSurname = WordClass(rawValue: 1 << 45)

    /// The gender a given name marks, or nil when the word is no given name.
    @inline(__always) var firstNameGender: Gazetteer.Gender? {
        guard contains(.firstName) else { return nil }
        return contains(.firstNameMale) ? .male : contains(.firstNameFemale) ? .female : .unknown
    }

    /// The role entry of the word, or nil when it is no one-word role.
    @inline(__always) var role: Gazetteer.Role? {
        guard contains(.role) else { return nil }
        let gender: Gazetteer.Gender = contains(.roleMale) ? .male : contains(.roleFemale) ? .female : .unknown
        return Gazetteer.Role(isHonorific: contains(.roleHonorific), gender: gender, isSurname: contains(.roleSurname))
    }

    /// A role word that is not a courtesy title.
    @inline(__always) var isNonHonorificRole: Bool { contains(.role) && !contains(.roleHonorific) }

    /// The rules' own lists, keyed by word; the gazetteer adds its lists to a copy.
    static let ruleLists: [String: WordClass] = {
        var table: [String: WordClass] = [:]
        func add(_ words: some Sequence<String>, _ bit: WordClass) {
            for word in words { table[word, default: []].insert(bit) }
        }
        add(CueVerbs.all, .cueVerb)
        add(CueVerbs.speech, .speechVerb)
        add(CueVerbs.fillers, .filler)
        add(CueMatcher.participles, .participle)
        add(CueMatcher.conjunctions, .conjunction)
        add(CueMatcher.timeWords, .timeWord)
        add(CueMatcher.pronouns.keys, .pronoun)
        add(RoleFinder.stopWords, .stopWord)
        add(RoleFinder.determiners, .determiner)
        add(RoleFinder.prepositionsBeforeNames, .prepositionBeforeName)
        add(RoleFinder.placePrepositions, .placePreposition)
        add(RoleFinder.organizationNouns, .organizationNoun)
        add(RoleFinder.appointmentVerbs, .appointmentVerb)
        add(RoleFinder.verbStops, .verbStop)
        add(ReferenceResolver.genericOrganizations, .genericOrganization)
        add(ReferenceResolver.documents, .document)
        add(ReferenceResolver.auxiliaries, .auxiliary)
        add(ReferenceResolver.openers, .opener)
        add(NameRunFinder.particles, .particle)
        add(NameRunFinder.placeHeads, .placeHead)
        add(NameRunFinder.suffixes, .suffix)
        add(NameRunFinder.titleCaseLowerWords, .titleCaseLowerWord)
        add(AcronymDefinitions.joiners, .acronymJoiner)
        add(["the", "a", "an"], .article)
        add(ActorTokenizer.dottedAbbreviations, .dottedAbbreviation)
        add(ActorTokenizer.dottedPlaces, .dottedPlace)
        add(["he", "his", "him"], .malePronoun)
        add(["she", "her"], .femalePronoun)
        return table
    }()
}
