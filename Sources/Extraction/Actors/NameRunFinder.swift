/// Finds runs of capitalised words ("David L. Stern", "Secretary of State Marco Rubio", "King's College London")
/// and turns each into a name mention: the title split off as a role, sentence-initial and headline words
/// checked against the rest of the article, months, weekdays and nationality words dropped.
struct NameRunFinder {
    let text: ScalarText
    let words: [ActorWord]
    let gazetteer: Gazetteer
    /// Keys of words that the article also writes in lower case ("asked", "civic").
    let lowercaseSeen: Set<String>
    /// Keys of words the article capitalises away from a sentence start.
    let midCapitalized: Set<String>
    /// Paragraphs in title case, where only known names count.
    let headlineParagraphs: Set<Int>
    /// Link lines ("READ MORE: …", "WATCH: …") and bylines ("Jane Doe, The Associated Press"): no actors there.
    let skippedParagraphs: Set<Int>

    init(text: ScalarText, words: [ActorWord], gazetteer: Gazetteer) {
        self.text = text
        self.words = words
        self.gazetteer = gazetteer
        var lower = Set<String>(minimumCapacity: words.count / 2)
        var mid = Set<String>(minimumCapacity: words.count / 8)
        // Per paragraph: capitalised long words, long words (a lower-case content word counts 100), first word.
        var capitals = [(cap: Int, long: Int, first: String)?](repeating: nil, count: (words.last?.paragraph ?? 0) + 1)
        for word in words {
            if word.isCapitalized {
                if !word.isClauseInitial && !word.isAllCaps { mid.insert(word.key) }
            } else if word.text.first?.isLetter == true {
                lower.insert(word.key)
            }
            let letters = word.end - word.start
            var entry = capitals[word.paragraph] ?? (0, 0, word.key)
            if word.isCapitalized && letters >= 4 { entry.cap += 1 }
            // A long lower-case word that is not a function word ("spoke", "says") rules out title case.
            if !word.isCapitalized && letters >= 4 && !Self.titleCaseLowerWords.contains(word.key) { entry.long += 100 }
            if letters >= 4 { entry.long += 1 }
            capitals[word.paragraph] = entry
        }
        lowercaseSeen = lower
        midCapitalized = mid
        var headlines: Set<Int> = []
        var skipped: Set<Int> = []
        for (paragraph, slot) in capitals.enumerated() {
            guard let entry = slot else { continue }
            // Title case: nearly every long word capitalised. Link lines: "READ MORE: …", "RELATED: …".
            if entry.cap >= 3 && entry.cap * 10 >= entry.long * 9 { headlines.insert(paragraph) }
            if ["read", "related", "watch", "photos", "video", "listen", "more"].contains(entry.first) {
                skipped.insert(paragraph)
            }
        }
        skipped.formUnion(Self.bylines(words, gazetteer: gazetteer))
        headlineParagraphs = headlines
        skippedParagraphs = skipped
    }

    /// Every name mention, in text order.
    func mentions() -> [NameMention] {
        var result: [NameMention] = []
        var headlineRuns: [(Int, Int)] = []
        var i = 0
        while i < words.count {
            guard words[i].isCapitalized else { i += 1; continue }
            let end = runEnd(from: i)
            if headlineParagraphs.contains(words[i].paragraph), !skippedParagraphs.contains(words[i].paragraph) {
                headlineRuns.append((i, end))
            } else if let mention = analyse(i, end) {
                // "CIA Director John Ratcliffe", "U.S. President Donald Trump": known names inside a title count too.
                if mention.runFirst < mention.firstWord { result += knownNames(mention.runFirst, mention.firstWord - 1) }
                result.append(mention)
            }
            i = end + 1
        }
        if !headlineRuns.isEmpty {
            // Title-case lines: only names the body or the gazetteers confirm, found inside the run.
            var known = Set(result.map(\.key))
            for mention in result where mention.tokens.count >= 2 && mention.evidence.kind == .person {
                known.insert(mention.lastToken)
            }
            for (lo, hi) in headlineRuns { result += headlineMentions(lo, hi, known: known) }
        }
        return AcronymDefinitions(text: text, words: words).apply(to: result)
    }

    static let suffixes: Set<String> = ["jr.", "sr.", "jr", "sr", "ii", "iii", "iv"]

    /// Function words that headlines leave in lower case.
    private static let titleCaseLowerWords: Set<String> = [
        "with", "from", "into", "over", "about", "after", "than", "that", "this", "upon", "onto", "amid", "when",
        "what", "their", "your", "before", "under", "without", "against", "between", "through", "during",
    ]

    // MARK: - Runs

    private static let particles: Set<String> = [
        "de", "del", "della", "der", "den", "van", "von", "da", "di", "du", "dos", "das", "le", "la", "bin", "ibn",
        "al", "el", "y", "ter", "ten", "zu", "st.",
    ]
    private static let placeHeads: Set<String> = [
        "republic", "gulf", "bay", "city", "province", "state", "isle", "sea", "cape", "strait", "straits", "island",
        "islands", "house", "chamber", "lake", "river", "mount", "port", "district", "county", "county", "kingdom",
        "duchy", "principality", "federation", "order", "church", "museum", "school", "bank", "court", "board",
    ]

    /// Index of the last word of the capitalised run that starts at `first`.
    func runEnd(from first: Int) -> Int {
        var last = first
        while last + 1 < words.count {
            let next = words[last + 1]
            guard next.gap == .space, words[last].paragraph == next.paragraph else { break }
            if words[last].isPossessive && !possessiveContinues(after: last) { break }
            if next.isCapitalized {
                last += 1
                continue
            }
            // Joiners: name particles ("Ben van der Pluijm") and "of"/"for" inside institutions and titles.
            var k = last + 1
            if Self.particles.contains(next.key) {
                while k < words.count, Self.particles.contains(words[k].key), words[k].gap == .space { k += 1 }
            } else if (next.key == "of" || next.key == "for") && isOfHead(words[last].key) {
                k += 1
                if k < words.count, words[k].key == "the", words[k].gap == .space { k += 1 }
                // "the Grizzlies for Jonas Valanciunas": a person's name after the joiner is no part of the institution.
                if k + 1 < words.count, gazetteer.firstNames[words[k].key] != nil, words[k + 1].isCapitalized,
                    words[k + 1].gap == .space, !gazetteer.organizationWords.contains(words[k + 1].key)
                {
                    break
                }
            } else {
                break
            }
            guard k < words.count, words[k].isCapitalized, words[k].gap == .space, k - last <= 3 else { break }
            last = k
        }
        return last
    }

    func isOfHead(_ key: String) -> Bool {
        gazetteer.organizationWords.contains(key) || Self.placeHeads.contains(key)
            || (gazetteer.roles[key].map { !$0.isHonorific } ?? false)
    }

    /// "King's College London": a possessive inside a name goes on when an organisation word follows soon.
    func possessiveContinues(after index: Int) -> Bool {
        var k = index + 1
        while k < words.count, k <= index + 3, words[k].isCapitalized, words[k].gap == .space {
            if gazetteer.organizationWords.contains(words[k].key) { return true }
            k += 1
        }
        return false
    }

    // MARK: - One run

    func analyse(_ first: Int, _ last: Int) -> NameMention? {
        var lo = first
        var hi = last
        if skippedParagraphs.contains(words[lo].paragraph) { return nil }
        // A photo credit "(Name / Agency)" is not someone the article is about.
        if words[lo].gapText.hasSuffix("/") || (hi + 1 < words.count && words[hi + 1].gapText.hasPrefix("/")) {
            return nil
        }
        if isInFilesFromCredit(lo) { return nil }
        var hadArticle = false
        if ["the", "a", "an"].contains(words[lo].key), lo < hi {
            hadArticle = words[lo].key == "the"
            lo += 1
        }
        while lo <= hi, gazetteer.calendar.contains(words[hi].key) || words[hi].text.allSatisfy(\.isNumber) {
            // "Theresa May": a month after a given name is a surname.
            if hi > lo, gazetteer.firstNames[words[hi - 1].key] != nil, !words[hi].text.hasSuffix("."),
                !(hi + 1 < words.count && words[hi + 1].gap == .space && words[hi + 1].text.first?.isNumber == true)
            {
                break
            }
            hi -= 1
        }
        while lo <= hi, gazetteer.calendar.contains(words[lo].key) { lo += 1 }
        guard lo <= hi else { return nil }
        let whole = keyOf(lo, hi)
        if let known = knownName(whole, article: hadArticle) {
            return mention(lo, hi, runFirst: lo, canonical: known.name, evidence: known.evidence)
        }
        var evidence = KindEvidence()
        var gender = Gazetteer.Gender.unknown
        var roles: [String] = []
        // A sentence-initial word is a name only with support ("But Mr. Fry" → "Mr. Fry"); titles stay for below.
        if words[lo].isClauseInitial, gazetteer.roles[words[lo].key] == nil,
            !supportsInitialWord(lo, hi)
        {
            lo += 1
            while lo <= hi, gazetteer.calendar.contains(words[lo].key) { lo += 1 }
            guard lo <= hi else { return nil }
        }
        var runFirst = lo
        // Honorifics: "Mr. Hemming", "Dr. Jane Smith".
        while lo < hi, let role = gazetteer.roles[words[lo].key], role.isHonorific {
            evidence.person += 6
            if role.gender != .unknown { gender = role.gender }
            lo += 1
        }
        if let title = titleSplit(lo, hi) {
            roles.append(text.string(words[lo].start, words[title.roleEnd].end))
            if let g = gazetteer.roles[words[title.roleEnd].key]?.gender, g != .unknown { gender = g }
            evidence.person += 6
            lo = title.nameStart
        } else if let of = (lo...hi).first(where: { words[$0].key == "of" || words[$0].key == "for" }), of > lo,
            of < hi, gazetteer.roles[words[of - 1].key] != nil
        {
            // "CEO of Civic Action", "Minister of Finance": the role is no name; what follows "of" is an institution.
            var start = of + 1
            if words[start].key == "the", start < hi { start += 1 }
            var result = mention(start, hi, runFirst: start, canonical: nil, evidence: KindEvidence(organization: 2))
            if let known = knownName(result.key, article: false) {
                result.canonical = known.name
                result.evidence = result.evidence + known.evidence
            }
            result.evidence = result.evidence + nameEvidence(result, article: false)
            return result
        }
        // "Billionaire Donald Trump": a common word (one the article also writes in lower case) before a given name
        // and a surname describes the person; "Azfar Ali Khan" keeps its unknown given name.
        if roles.isEmpty, hi - lo >= 2, gazetteer.firstNames[words[lo].key] == nil, lowercaseSeen.contains(words[lo].key),
            gazetteer.firstNames[words[lo + 1].key] != nil, !words[lo + 1].isAllCaps, !hasOrganizationWord(lo, hi),
            knownName(keyOf(lo, hi), article: hadArticle) == nil, knownName(keyOf(lo, lo + 1), article: false) == nil
        {
            roles.append(words[lo].text)
            evidence.person += 2
            lo += 1
        }
        // "the Kentucky Republican": a party or nationality word at the end makes a description, not a name.
        if lo < hi, gazetteer.demonyms.contains(words[hi].key), !hasOrganizationWord(lo, hi) { return nil }
        // A run that ends in a role word is a description ("Chief Market Strategist"), not a name.
        if lo < hi, let role = gazetteer.roles[words[hi].key], !role.isHonorific, !hasOrganizationWord(lo, hi) {
            return nil
        }
        // Nationality words in front of a name: "Canadian Mackenzie Hughes".
        while lo < hi, gazetteer.demonyms.contains(words[lo].key), !hasOrganizationWord(lo, hi) {
            lo += 1
            if runFirst < lo && roles.isEmpty { runFirst = lo }
        }
        guard lo <= hi, !(lo...hi).allSatisfy({ isNeverName(words[$0]) }) else { return nil }
        if lo == hi, gazetteer.demonyms.contains(words[lo].key) { return nil }
        // A lone title is a description ("the President said"), unless it is a surname: "Mr. King", "Baker said".
        if lo == hi, gazetteer.roles[words[lo].key] != nil, evidence.person == 0,
            words[lo].isClauseInitial || (lo > 0 && ["the", "a", "an", "his", "her", "their", "our"].contains(words[lo - 1].key))
                || !(hi + 1 < words.count && words[hi + 1].gap == .space && CueVerbs.speech.contains(words[hi + 1].key))
        {
            return nil
        }
        var result = mention(lo, hi, runFirst: runFirst, canonical: nil, evidence: evidence)
        if let known = knownName(result.key, article: hadArticle) {
            result.canonical = known.name
            result.evidence = result.evidence + known.evidence
        }
        result.roles = roles
        result.gender = gender
        result.evidence = result.evidence + nameEvidence(result, article: hadArticle)
        return result
    }

    /// Whether a capitalised word at a sentence start is a name rather than an ordinary word.
    func supportsInitialWord(_ lo: Int, _ hi: Int) -> Bool {
        let word = words[lo]
        let key = word.key
        if gazetteer.commonWords.contains(key) || gazetteer.calendar.contains(key) {
            // "Will Young, a locomotive mechanic, said": a given name that is also a common word, then a surname
            // and an apposition or a speech verb.
            guard hi > lo, gazetteer.firstNames[key] != nil, hi + 1 < words.count else { return false }
            let after = words[hi + 1]
            return (after.gap == .comma && ["a", "an", "the"].contains(after.key))
                || (after.gap == .space && CueVerbs.speech.contains(after.key))
        }
        if gazetteer.firstNames[key] != nil || gazetteer.places[key] != nil || gazetteer.organizations[key] != nil {
            return true
        }
        if midCapitalized.contains(key) { return true }
        if lowercaseSeen.contains(key) { return false }
        if key.hasSuffix("ly") || key.hasSuffix("ing") || key.hasSuffix("ed") { return false }
        return true
    }

    /// A title or role at the front of a run, and where the name after it starts: "Defense Secretary | Pete
    /// Hegseth", "Secretary of State | Marco Rubio". Nil when no plausible name follows the title.
    func titleSplit(_ lo: Int, _ hi: Int) -> (roleEnd: Int, nameStart: Int)? {
        guard lo < hi else { return nil }
        var h = hi - 1
        while h >= lo {
            if let role = gazetteer.roles[words[h].key], !role.isHonorific {
                var nameStart = h + 1
                var roleEnd = h
                if words[nameStart].key == "of" || words[nameStart].key == "for" {
                    var k = nameStart + 1
                    if k <= hi, words[k].key == "the" { k += 1 }
                    while k < hi, hi - k + 1 > 2 || k == nameStart + 1, gazetteer.firstNames[words[k].key] == nil { k += 1 }
                    roleEnd = k - 1
                    nameStart = k
                    // "Secretary of State Marco Rubio" but not "CEO of Civic Action".
                    guard nameStart <= hi, gazetteer.firstNames[words[nameStart].key] != nil else { h -= 1; continue }
                }
                if nameStart <= hi, plausibleName(nameStart, hi) { return (roleEnd, nameStart) }
            }
            h -= 1
        }
        return nil
    }

    func plausibleName(_ lo: Int, _ hi: Int) -> Bool {
        if hasOrganizationWord(lo, hi) { return false }
        if let role = gazetteer.roles[words[hi].key], !role.isHonorific { return false }
        // "Martin Luther King Jr.": a remainder of suffixes alone means the "title" was part of the name.
        if (lo...hi).allSatisfy({ Self.suffixes.contains(words[$0].key) }) { return false }
        if knownName(keyOf(lo, hi), article: false) != nil { return false }
        if (lo...hi).allSatisfy({ isNeverName(words[$0]) || gazetteer.demonyms.contains(words[$0].key) }) { return false }
        return !words[lo].isAllCaps || hi > lo
    }

    func hasOrganizationWord(_ lo: Int, _ hi: Int) -> Bool {
        (lo...hi).contains { gazetteer.organizationWords.contains(words[$0].key) }
    }

    func isNeverName(_ word: ActorWord) -> Bool {
        gazetteer.commonWords.contains(word.key) || gazetteer.calendar.contains(word.key)
            || word.text.allSatisfy { $0.isNumber || $0 == "-" }
    }
}
