import Foundation

/// The word lists shipped in `Gazetteers/`: places, organisations, titles, given names and words that are never
/// names. Loaded once per process; when the resource folder cannot be found every list is empty and recognition
/// falls back to the rules alone.
struct Gazetteer: Sendable {
    /// Gender a given name or title suggests.
    enum Gender: Sendable { case male, female, unknown }

    /// A role word or phrase from `roles.txt`.
    struct Role: Sendable {
        /// A courtesy title (Mr., Dr.): dropped from the name and not kept as a role.
        var isHonorific: Bool
        /// The gender the title implies, if any.
        var gender: Gender
        /// Also a common surname ("Baker", "King"): after a given name it is part of the name.
        var isSurname = false
    }

    /// Country and place names (lower-cased key, apostrophes folded) → canonical name.
    var places: [String: String] = [:]
    /// Canonical names of countries, so that "in X" and kind votes can favour them.
    var countries: Set<String> = []
    /// Organisation names and acronyms → canonical name.
    var organizations: [String: String] = [:]
    /// Head words that make a capitalised name an organisation (lower-cased).
    var organizationWords: Set<String> = []
    /// Head words that make a capitalised name a place ("County", "River").
    var placeWords: Set<String> = []
    /// Head words of events, awards, laws and works ("Cup", "Bill", "Awards").
    var eventWords: Set<String> = []
    /// Titles and role nouns (lower-cased, multi-word entries joined by one space).
    var roles: [String: Role] = [:]
    /// Longest role phrase, in words.
    var longestRole = 1
    /// Nationality and group adjectives (lower-cased).
    var demonyms: Set<String> = []
    /// Months, weekdays and holidays (lower-cased).
    var calendar: Set<String> = []
    /// Capitalised function words (lower-cased).
    var commonWords: Set<String> = []
    /// Given names (lower-cased) → gender.
    var firstNames: [String: Gender] = [:]
    /// Every one-word key of the lists above and of the rules' own lists → the lists it is on. Built by the
    /// initialisers from the lists as loaded.
    private(set) var lexicon = WordLexicon(WordClass.ruleLists)

    /// The lists of this package, loaded on first use.
    static let shared: Gazetteer = {
        guard let directory = resourceDirectory() else { return Gazetteer() }
        return Gazetteer(directory: directory)
    }()

    /// An empty gazetteer.
    init() {}

    /// The lists `key` (a word's look-up key) is on.
    func wordClass(_ key: String) -> WordClass { lexicon.wordClass(key) }

    /// Reads every list in `directory`; a missing file leaves its list empty.
    init(directory: URL) {
        func lines(_ name: String) -> [Substring] {
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path),
                let text = String(data: data, encoding: .utf8)
            else { return [] }
            return text.split(whereSeparator: \.isNewline).filter { !$0.isEmpty && !$0.hasPrefix("#") }
        }
        for line in lines("countries.txt") {
            let names = line.split(separator: "|").map(String.init)
            guard let canonical = names.first else { continue }
            countries.insert(canonical)
            for name in names { places[Self.key(name)] = canonical }
        }
        for line in lines("places.txt") {
            let names = line.split(separator: "|").map(String.init)
            guard let canonical = names.first else { continue }
            for name in names where places[Self.key(name)] == nil { places[Self.key(name)] = canonical }
        }
        for line in lines("organizations.txt") {
            let names = line.split(separator: "|").map(String.init)
            guard let canonical = names.first else { continue }
            for name in names { organizations[Self.key(name)] = canonical }
        }
        organizationWords = Set(lines("org-words.txt").map { Self.key(String($0)) })
        for line in lines("roles.txt") {
            let parts = line.split(separator: "|", maxSplits: 1)
            guard let phrase = parts.first.map({ Self.key(String($0)) }) else { continue }
            let flags = parts.count > 1 ? parts[1] : ""
            let gender: Gender = flags.contains("m") ? .male : flags.contains("f") ? .female : .unknown
            roles[phrase] = Role(isHonorific: flags.contains("h"), gender: gender, isSurname: flags.contains("s"))
            longestRole = max(longestRole, phrase.split(separator: " ").count)
        }
        placeWords = Set(lines("place-words.txt").map { Self.key(String($0)) })
        eventWords = Set(lines("event-words.txt").map { Self.key(String($0)) })
        demonyms = Set(lines("demonyms.txt").map { Self.key(String($0)) })
        calendar = Set(lines("calendar.txt").map { Self.key(String($0)) })
        commonWords = Set(lines("common-words.txt").map { Self.key(String($0)) })
        for line in lines("first-names.txt") {
            let parts = line.split(separator: " ")
            guard let name = parts.first else { continue }
            let flag = parts.count > 1 ? parts[1] : "u"
            firstNames[Self.key(String(name))] = flag == "m" ? .male : flag == "f" ? .female : .unknown
        }
        lexicon = WordLexicon(buildLexicon())
    }

    /// The rules' lists plus one bit per list of this gazetteer, keyed by one-word key.
    private func buildLexicon() -> [String: WordClass] {
        var table = WordClass.ruleLists
        func add(_ words: some Sequence<String>, _ bit: WordClass) {
            for word in words { table[word, default: []].insert(bit) }
        }
        for (name, gender) in firstNames {
            table[name, default: []].insert(
                gender == .male ? [.firstName, .firstNameMale] : gender == .female ? [.firstName, .firstNameFemale] : .firstName)
        }
        for (phrase, role) in roles {
            var bits: WordClass = .role
            if role.isHonorific { bits.insert(.roleHonorific) }
            if role.gender == .male { bits.insert(.roleMale) } else if role.gender == .female { bits.insert(.roleFemale) }
            if role.isSurname { bits.insert(.roleSurname) }
            table[phrase, default: []].insert(bits)
        }
        add(organizationWords, .organizationWord)
        add(placeWords, .placeWord)
        add(eventWords, .eventWord)
        add(demonyms, .demonym)
        add(calendar, .calendar)
        add(commonWords, .commonWord)
        add(places.keys, .place)
        add(organizations.keys, .organization)
        // First words of known names, so that a run whose first word starts none needs no look-up. A possessive
        // first word ("king's") is keyed without its "'s", as the word's own key is.
        for key in Array(places.keys) + Array(organizations.keys) {
            let tokens = key.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            guard let first = tokens.first else { continue }
            for (token, bit) in [(first, WordClass.knownStart)] + (first == "the" && tokens.count > 1 ? [(tokens[1], .knownStartAfterThe)] : []) {
                table[token, default: []].insert(bit)
                if token.hasSuffix("'s") { table[String(token.dropLast(2)), default: []].insert(bit) }
            }
        }
        return table
    }

    /// The look-up key of a name: lower-cased, with curly apostrophes folded to straight ones.
    static func key(_ name: String) -> String {
        ActorTokenizer.foldKey(name)
    }

    /// The folder holding the lists: inside the package's resource bundle next to the executable (or test
    /// bundle), or, in a development checkout, beside this source file. Never traps, unlike `Bundle.module`.
    private static func resourceDirectory() -> URL? {
        let fileManager = FileManager.default
        var roots: [URL] = [Bundle.main.bundleURL]
        if let resources = Bundle.main.resourceURL { roots.append(resources) }
        if let executable = Bundle.main.executableURL { roots.append(executable.deletingLastPathComponent()) }
        for bundle in Bundle.allBundles {
            roots.append(bundle.bundleURL)
            roots.append(bundle.bundleURL.deletingLastPathComponent())
        }
        let bundleNames = ["briefing_Extraction.resources", "briefing_Extraction.bundle"]
        for root in roots {
            for name in bundleNames {
                let bundle = root.appendingPathComponent(name)
                for folder in ["Gazetteers", "Contents/Resources/Gazetteers"] {
                    let candidate = bundle.appendingPathComponent(folder)
                    if fileManager.fileExists(atPath: candidate.appendingPathComponent("roles.txt").path) {
                        return candidate
                    }
                }
            }
        }
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Gazetteers")
        if fileManager.fileExists(atPath: source.appendingPathComponent("roles.txt").path) { return source }
        return nil
    }
}
