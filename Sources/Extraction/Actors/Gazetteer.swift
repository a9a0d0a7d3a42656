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
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) else {
                return []
            }
            return Self.lines(of: data)
        }
        for line in lines("countries.txt") {
            let names = Self.fields(line, "|")
            guard let canonical = names.first else { continue }
            countries.insert(canonical)
            for name in names { places[Self.key(name)] = canonical }
        }
        for line in lines("places.txt") {
            let names = Self.fields(line, "|")
            guard let canonical = names.first else { continue }
            for name in names where places[Self.key(name)] == nil { places[Self.key(name)] = canonical }
        }
        for line in lines("organizations.txt") {
            let names = Self.fields(line, "|")
            guard let canonical = names.first else { continue }
            for name in names { organizations[Self.key(name)] = canonical }
        }
        organizationWords = Set(lines("org-words.txt").map { Self.key(String($0)) })
        for line in lines("roles.txt") {
            let parts = Self.fields(line, "|", limit: 2)
            guard let phrase = parts.first.map(Self.key) else { continue }
            let flags = parts.count > 1 ? parts[1].utf8 : "".utf8
            let gender: Gender = flags.contains(UInt8(ascii: "m")) ? .male : flags.contains(UInt8(ascii: "f")) ? .female : .unknown
            roles[phrase] = Role(
                isHonorific: flags.contains(UInt8(ascii: "h")), gender: gender, isSurname: flags.contains(UInt8(ascii: "s")))
            longestRole = max(longestRole, Self.fields(phrase, " ").count)
        }
        placeWords = Set(lines("place-words.txt").map { Self.key(String($0)) })
        eventWords = Set(lines("event-words.txt").map { Self.key(String($0)) })
        demonyms = Set(lines("demonyms.txt").map { Self.key(String($0)) })
        calendar = Set(lines("calendar.txt").map { Self.key(String($0)) })
        commonWords = Set(lines("common-words.txt").map { Self.key(String($0)) })
        let names = lines("first-names.txt")
        firstNames.reserveCapacity(names.count)
        for line in names {
            let parts = Self.fields(line, " ")
            guard let name = parts.first else { continue }
            let flag = parts.count > 1 ? parts[1] : "u"
            firstNames[Self.key(name)] = flag == "m" ? .male : flag == "f" ? .female : .unknown
        }
        lexicon = WordLexicon(buildLexicon())
    }

    /// The rules' lists plus one bit per list of this gazetteer, keyed by one-word key.
    private func buildLexicon() -> [String: WordClass] {
        var table = WordClass.ruleLists
        table.reserveCapacity(
            table.count + firstNames.count + roles.count + places.count + organizations.count + commonWords.count + 1_000)
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
            let tokens = Self.fields(Substring(key), " ", keepingEmpty: true)
            guard let first = tokens.first else { continue }
            for (token, bit) in [(first, WordClass.knownStart)] + (first == "the" && tokens.count > 1 ? [(tokens[1], .knownStartAfterThe)] : []) {
                table[token, default: []].insert(bit)
                if token.hasSuffix("'s") { table[String(token.dropLast(2)), default: []].insert(bit) }
            }
        }
        return table
    }

    /// The lines of a list file that are neither empty nor comments (`#`), split on line-feed and
    /// carriage-return bytes: a list of thousands of names needs no grapheme breaking, and a file that is not
    /// UTF-8 gives no lines.
    static func lines(of data: Data) -> [Substring] {
        guard var text = String(validating: data, as: UTF8.self) else { return [] }
        // Line bounds found in the bytes, then taken as parts of the one string.
        let bounds = text.withUTF8 { bytes -> [Range<Int>] in
            var bounds: [Range<Int>] = []
            var start = 0
            func take(_ end: Int) {
                if start < end, bytes[start] != UInt8(ascii: "#") { bounds.append(start..<end) }
            }
            for index in 0..<bytes.count where bytes[index] == 0x0A || bytes[index] == 0x0D {
                take(index)
                start = index + 1
            }
            take(bytes.count)
            return bounds
        }
        let utf8 = text.utf8
        return bounds.map { text[utf8.index(utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: $0.upperBound)] }
    }

    /// The fields of `line` between `separator` bytes (at most `limit`, the last taking the rest), without
    /// empty ones unless `keepingEmpty`: split on UTF-8, as the lists are read on every start.
    static func fields(_ line: Substring, _ separator: Unicode.Scalar, limit: Int = .max, keepingEmpty: Bool = false) -> [String] {
        var fields: [String] = []
        let utf8 = line.utf8
        let mark = UInt8(ascii: separator)
        var start = utf8.startIndex
        func take(_ end: String.Index) {
            if keepingEmpty || start < end { fields.append(String(line[start..<end])) }
        }
        var index = start
        while index < utf8.endIndex, fields.count < limit - 1 {
            if utf8[index] == mark {
                take(index)
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        take(utf8.endIndex)
        return fields
    }

    static func fields(_ line: String, _ separator: Unicode.Scalar) -> [String] {
        fields(Substring(line), separator)
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
