/// Finds runs of capitalised words ("David L. Stern", "Secretary of State Marco Rubio", "King's College London")
/// and turns each into a name mention: the title split off as a role, sentence-initial and headline words
/// checked against the rest of the article, months, weekdays and nationality words dropped.
struct NameRunFinder {
    let text: ScalarText
    let words: [ActorWord]
    /// Word keys by id.
    let keys: [String]
    let gazetteer: Gazetteer
    /// By word key id: the article also writes the word in lower case ("asked", "civic").
    let lowercaseSeen: [Bool]
    /// By word key id: the article capitalises the word away from a sentence start.
    let midCapitalized: [Bool]
    /// How often each word id occurs in the article, capitalised or not.
    let occurrences: [Int32]
    /// By paragraph: in title case, where only known names count.
    let headlineParagraphs: [Bool]
    /// By paragraph: link lines ("READ MORE: …", "WATCH: …") and bylines ("Jane Doe, The Associated Press"), where
    /// there are no actors.
    let skippedParagraphs: [Bool]

    init(text: ScalarText, words split: ArticleWords, gazetteer: Gazetteer) {
        let words = split.words
        self.text = text
        self.words = words
        self.keys = split.keys
        self.gazetteer = gazetteer
        let ids = split.idCount
        var lower = [Bool](repeating: false, count: ids)
        var mid = [Bool](repeating: false, count: ids)
        var count = [Int32](repeating: 0, count: ids)
        // Per paragraph: capitalised long words, long words (a lower-case content word counts 100), first word.
        let paragraphs = (words.last?.paragraph ?? 0) + 1
        var cap = [Int](repeating: 0, count: paragraphs)
        var long = [Int](repeating: 0, count: paragraphs)
        var first = [Int](repeating: -1, count: paragraphs)
        for (index, word) in words.enumerated() {
            count[Int(word.id)] &+= 1
            if word.isCapitalized {
                if !word.isClauseInitial && !word.isAllCaps { mid[Int(word.id)] = true }
            } else if word.shape.contains(.firstIsLetter) {
                lower[Int(word.id)] = true
            }
            let letters = word.end - word.start
            let p = word.paragraph
            if first[p] < 0 { first[p] = index }
            if word.isCapitalized && letters >= 4 { cap[p] += 1 }
            // A long lower-case word that is not a function word ("spoke", "says") rules out title case.
            if !word.isCapitalized && letters >= 4 && !word.cls.contains(.titleCaseLowerWord) { long[p] += 100 }
            if letters >= 4 { long[p] += 1 }
        }
        lowercaseSeen = lower
        midCapitalized = mid
        occurrences = count
        var headlines = [Bool](repeating: false, count: paragraphs)
        var skipped = [Bool](repeating: false, count: paragraphs)
        for paragraph in 0..<paragraphs where first[paragraph] >= 0 {
            // Title case: nearly every long word capitalised. Link lines: "READ MORE: …", "RELATED: …".
            if cap[paragraph] >= 3 && cap[paragraph] * 10 >= long[paragraph] * 9 { headlines[paragraph] = true }
            let opener = words[first[paragraph]]
            // A paragraph that opens a quotation ("“More and more, …” said …") is no link line.
            let quoted = opener.start > 0 && ActorTokenizer.isQuoteMark(text.scalars[opener.start - 1])
            if !quoted, opener.is(.read) || opener.is(.related) || opener.is(.watch) || opener.is(.photos)
                || opener.is(.video) || opener.is(.listen) || opener.is(.more)
            {
                skipped[paragraph] = true
            }
        }
        for paragraph in Self.bylines(words, keys: split.keys, text: text, gazetteer: gazetteer) { skipped[paragraph] = true }
        headlineParagraphs = headlines
        skippedParagraphs = skipped
    }

    /// Every name mention, in text order.
    func mentions() -> [NameMention] {
        var result: [NameMention] = []
        var headlineRuns: [(Int, Int)] = []
        // Particles seen inside a full name with the word after them ("Marieke de Vries"), by word ids.
        var particleNames = Set<[Int32]>()
        for k in words.indices.dropFirst().dropLast()
        where words[k].cls.contains(.particle) && words[k - 1].isCapitalized && words[k + 1].isCapitalized {
            particleNames.insert([words[k].id, words[k + 1].id])
        }
        var i = 0
        while i < words.count {
            guard words[i].isCapitalized else { i += 1; continue }
            let end = runEnd(from: i)
            if headlineParagraphs[words[i].paragraph], !skippedParagraphs[words[i].paragraph] {
                headlineRuns.append((i, end))
            } else if var mention = analyse(i, end) {
                // "said de Vries" after "Marieke de Vries": the particle is mentioned with the surname.
                if mention.firstWord == i, i > 0, words[i].gap == .space, particleNames.contains([words[i - 1].id, words[i].id]),
                    i < 2 || !words[i - 2].isCapitalized || words[i - 1].gap != .space
                {
                    mention.span = TextSpan(words[i - 1].start, mention.span.end)
                }
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
        return AcronymDefinitions(text: text, words: words, keys: keys).apply(to: result)
    }

    static let suffixes: Set<String> = ["jr.", "sr.", "jr", "sr", "ii", "iii", "iv"]

    /// Function words that headlines leave in lower case.
    static let titleCaseLowerWords: Set<String> = [
        "with", "from", "into", "over", "about", "after", "than", "that", "this", "upon", "onto", "amid", "when",
        "what", "their", "your", "before", "under", "without", "against", "between", "through", "during",
    ]

    // MARK: - Runs

    static let particles: Set<String> = [
        "de", "del", "della", "der", "den", "van", "von", "da", "di", "du", "dos", "das", "le", "la", "bin", "ibn",
        "al", "el", "y", "ter", "ten", "zu", "st.",
    ]
    static let placeHeads: Set<String> = [
        "republic", "gulf", "bay", "city", "province", "state", "isle", "sea", "cape", "strait", "straits", "island",
        "islands", "house", "chamber", "lake", "river", "mount", "port", "district", "county", "county", "kingdom",
        "duchy", "principality", "federation", "order", "church", "museum", "school", "bank", "court", "board",
    ]

    /// Index of the last word of the capitalised run that starts at `first`.
    func runEnd(from first: Int) -> Int {
        var last = first
        while last + 1 < words.count {
            let next = words[last + 1]
            // Nor across a sentence boundary the splitter found after a dotted word ("… San Bernardino, Calif. The
            // Islamic State said"): the full stop is part of the word, so the gap alone does not show it.
            guard next.gap == .space, words[last].paragraph == next.paragraph, words[last].sentence == next.sentence else { break }
            if words[last].isPossessive && !possessiveContinues(after: last) { break }
            if next.isCapitalized {
                last += 1
                continue
            }
            // Joiners: name particles ("Ben van der Pluijm") and "of"/"for" inside institutions and titles.
            var k = last + 1
            if next.cls.contains(.particle) {
                while k < words.count, words[k].cls.contains(.particle), words[k].gap == .space { k += 1 }
            } else if (next.is(.of) || next.is(.for)) && isOfHead(words[last].cls) {
                k += 1
                if k < words.count, words[k].is(.the), words[k].gap == .space { k += 1 }
                // "the Grizzlies for Jonas Valanciunas": a person's name after the joiner is no part of the institution.
                if k + 1 < words.count, words[k].cls.contains(.firstName), words[k + 1].isCapitalized,
                    words[k + 1].gap == .space, !words[k + 1].cls.contains(.organizationWord)
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

    func isOfHead(_ cls: WordClass) -> Bool {
        cls.contains(.organizationWord) || cls.contains(.placeHead) || cls.isNonHonorificRole
    }

    /// "King's College London": a possessive inside a name goes on when an organisation word follows soon.
    func possessiveContinues(after index: Int) -> Bool {
        var k = index + 1
        while k < words.count, k <= index + 3, words[k].isCapitalized, words[k].gap == .space {
            if words[k].cls.contains(.organizationWord) { return true }
            k += 1
        }
        return false
    }

    // MARK: - One run

    func analyse(_ first: Int, _ last: Int) -> NameMention? {
        var lo = first
        var hi = last
        if skippedParagraphs[words[lo].paragraph] { return nil }
        // A photo credit "(Name / Agency)" is not someone the article is about.
        if words[lo].marks.contains(.endsWithSlash) || (hi + 1 < words.count && words[hi + 1].marks.contains(.startsWithSlash)) {
            return nil
        }
        if isInFilesFromCredit(lo) { return nil }
        // "No.", "Sec.", "Inc." alone: an abbreviation that stands before a number or a name, or after one, names
        // no one by itself (a sentence boundary after it ends the run there). "the SEC." is an acronym.
        if lo == hi, !words[lo].isAllCaps, case let key = keys[Int(words[lo].id)], key.hasSuffix("."),
            ActorTokenizer.dottedAbbreviations.contains(String(key.dropLast()))
        {
            return nil
        }
        var hadArticle = false
        if words[lo].cls.contains(.article), lo < hi {
            hadArticle = words[lo].is(.the)
            lo += 1
        }
        while lo <= hi, words[hi].cls.contains(.calendar) || words[hi].shape.contains(.allNumber) {
            // "Theresa May": a month after a given name is a surname.
            if hi > lo, words[hi - 1].cls.contains(.firstName), text.scalars[words[hi].end - 1] != ".",
                !(hi + 1 < words.count && words[hi + 1].gap == .space && words[hi + 1].shape.contains(.firstIsNumber))
            {
                break
            }
            hi -= 1
        }
        while lo <= hi, words[lo].cls.contains(.calendar) { lo += 1 }
        // A party and state after a lawmaker's name ("Sen. Ted Cruz (R-Texas)", "Sanders, I-Vt.") names no one.
        if lo <= hi, isPartyTag(words[lo]) { return nil }
        guard lo <= hi else { return nil }
        if let known = knownName(lo, hi, article: hadArticle) {
            // "The Hague": a name that begins with its article is mentioned with it.
            let start = hadArticle && known.name.hasPrefix("The ") ? lo - 1 : lo
            return mention(start, hi, runFirst: start, canonical: known.name, evidence: known.evidence)
        }
        var evidence = KindEvidence()
        var gender = Gazetteer.Gender.unknown
        var roles: [String] = []
        // A sentence-initial word is a name only with support ("But Mr. Fry" → "Mr. Fry"); titles stay for below.
        if words[lo].isClauseInitial, !words[lo].cls.contains(.role),
            !supportsInitialWord(lo, hi)
        {
            lo += 1
            while lo <= hi, words[lo].cls.contains(.calendar) { lo += 1 }
            guard lo <= hi else { return nil }
        }
        var runFirst = lo
        // Honorifics: "Mr. Hemming", "Dr. Jane Smith".
        while lo < hi, let role = words[lo].cls.role, role.isHonorific {
            evidence.person += 6
            if role.gender != .unknown { gender = role.gender }
            lo += 1
        }
        // "Mr. President", "Madam Speaker": an honorific before the name of an office addresses the office.
        if lo == hi, lo > runFirst, Self.addressedOffices.contains(keys[Int(words[lo].id)]) { return nil }
        // A lone letter with a full stop is an initial or a list marker ("X."), not a whole name ("X said" is).
        if lo == hi, words[lo].end - words[lo].start == 2, text.scalars[words[lo].end - 1] == "." { return nil }
        if let title = titleSplit(lo, hi) {
            // "former Labor Minister Karien van Gennip": a lower-case qualifier just before the title belongs to it.
            var roleStart = words[lo].start
            if lo > 0, words[lo].gap == .space, !words[lo - 1].isCapitalized, words[lo - 1].sentence == words[lo].sentence,
                Self.titleQualifiers.contains(keys[Int(words[lo - 1].id)])
            {
                roleStart = words[lo - 1].start
            }
            roles.append(text.string(roleStart, words[title.roleEnd].end))
            if let g = words[title.roleEnd].cls.role?.gender, g != .unknown { gender = g }
            evidence.person += 6
            lo = title.nameStart
        } else if let of = (lo...hi).first(where: { words[$0].is(.of) || words[$0].is(.for) }), of > lo,
            of < hi, words[of - 1].cls.contains(.role)
        {
            // "CEO of Civic Action", "Minister of Finance": the role is no name; what follows "of" is an institution.
            var start = of + 1
            if words[start].is(.the), start < hi { start += 1 }
            var result = mention(start, hi, runFirst: start, canonical: nil, evidence: KindEvidence(organization: 2))
            if let known = knownName(start, hi, article: false) {
                result.canonical = known.name
                result.evidence = result.evidence + known.evidence
            }
            result.evidence = result.evidence + nameEvidence(result, article: false)
            return result
        }
        // "Billionaire Donald Trump": a common word (one the article also writes in lower case) before a given name
        // and a surname describes the person; "Azfar Ali Khan" keeps its unknown given name.
        if roles.isEmpty, hi - lo >= 2, !words[lo].cls.contains(.firstName), lowercaseSeen[Int(words[lo].id)],
            words[lo + 1].cls.contains(.firstName), !words[lo + 1].isAllCaps, !hasOrganizationWord(lo, hi),
            knownName(lo, hi, article: hadArticle) == nil, knownName(lo, lo + 1, article: false) == nil
        {
            roles.append(words[lo].text(text))
            evidence.person += 2
            lo += 1
        }
        // "the Kentucky Republican": a party or nationality word at the end makes a description, not a name.
        if lo < hi, words[hi].cls.contains(.demonym), !hasOrganizationWord(lo, hi) { return nil }
        // A run that ends in a role word is a description ("Chief Market Strategist"), not a name, unless a
        // given name comes right before it: that role word is a surname ("Jim Baker", "Steve King").
        if lo < hi, endsInRoleWord(lo, hi), !hasOrganizationWord(lo, hi) {
            return nil
        }
        // Nationality words in front of a name: "Canadian Mackenzie Hughes".
        while lo < hi, words[lo].cls.contains(.demonym), !hasOrganizationWord(lo, hi) {
            lo += 1
            if runFirst < lo && roles.isEmpty { runFirst = lo }
        }
        guard lo <= hi, !(lo...hi).allSatisfy({ isNeverName(words[$0]) }) else { return nil }
        if lo == hi, words[lo].cls.contains(.demonym) { return nil }
        // A lone title is a description ("the President said"), unless it is a surname: "Mr. King", "Baker said".
        if lo == hi, words[lo].cls.contains(.role), evidence.person == 0,
            words[lo].isClauseInitial || (lo > 0 && Self.isDeterminerBeforeTitle(words[lo - 1]))
                || !(hi + 1 < words.count && words[hi + 1].gap == .space && words[hi + 1].cls.contains(.speechVerb))
        {
            return nil
        }
        var result = mention(lo, hi, runFirst: runFirst, canonical: nil, evidence: evidence)
        if let known = knownName(lo, hi, article: hadArticle) {
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
        let cls = word.cls
        if cls.contains(.commonWord) || cls.contains(.calendar) {
            // "Will Young, a locomotive mechanic, said": a given name that is also a common word, then a surname
            // and an apposition or a speech verb.
            guard hi > lo, cls.contains(.firstName), hi + 1 < words.count else { return false }
            let after = words[hi + 1]
            return (after.gap == .comma && after.cls.contains(.article))
                || (after.gap == .space && after.cls.contains(.speechVerb))
        }
        if cls.contains(.firstName) || cls.contains(.place) || cls.contains(.organization) {
            return true
        }
        if midCapitalized[Int(word.id)] { return true }
        if lowercaseSeen[Int(word.id)] { return false }
        // A lone opening word set off by a comma and never capitalised elsewhere is a sentence adverb:
        // "Otherwise, it won't work", "Still, …". A dateline in capitals ("CAMBRIDGE, Mass.") stays.
        if hi == lo, !word.isAllCaps, lo + 1 < words.count, words[lo + 1].gap == .comma, words[lo + 1].sentence == word.sentence {
            return false
        }
        let key = keys[Int(word.id)]
        if key.hasSuffix("ly") || key.hasSuffix("ing") || key.hasSuffix("ed") { return false }
        if hi == lo, !word.isAllCaps {
            // A lone word that a quotation closes right after is a word of the quote: “Good,” said Tom Smith.
            if lo + 1 < words.count, words[lo + 1].gap == .quote, words[lo + 1].sentence == word.sentence { return false }
            // Abstract nouns open sentences, not names: "Inflation is high", "Opposition leader Chico Marx".
            for suffix in Self.abstractNounSuffixes where key.hasSuffix(suffix) && key.count > suffix.count + 2 { return false }
            // A word the article uses once, opening the story after a dateline's dash and followed by a lower-case
            // word that is no speech verb, is the sentence's first word: "ROTTERDAM — Dock workers walked off…".
            if occurrences[Int(word.id)] == 1, !word.marks.isDisjoint(with: [.emDash, .enDash, .doubleHyphen]),
                lo + 1 < words.count, words[lo + 1].sentence == word.sentence,
                words[lo + 1].gap == .space, !words[lo + 1].isCapitalized, words[lo + 1].shape.contains(.firstIsLetter),
                !words[lo + 1].cls.contains(.speechVerb)
            {
                return false
            }
        }
        return true
    }

    static let abstractNounSuffixes = ["tion", "sion", "ment", "ness", "ity", "ism"]

    /// Offices addressed with an honorific in place of a name: "Mr. President", "Madam Speaker".
    static let addressedOffices: Set<String> = [
        "president", "speaker", "chairman", "chairwoman", "chair", "secretary", "mayor", "ambassador", "minister",
        "governor", "senator", "commissioner", "chancellor", "premier",
    ]

    /// Lower-case words that qualify the title after them: "former Labor Minister".
    static let titleQualifiers: Set<String> = ["former", "acting", "interim", "outgoing", "incoming", "then", "ex"]

    /// A title or role at the front of a run, and where the name after it starts: "Defense Secretary | Pete
    /// Hegseth", "Secretary of State | Marco Rubio". Nil when no plausible name follows the title.
    func titleSplit(_ lo: Int, _ hi: Int) -> (roleEnd: Int, nameStart: Int)? {
        guard lo < hi else { return nil }
        var h = hi - 1
        while h >= lo {
            if words[h].cls.isNonHonorificRole {
                var nameStart = h + 1
                var roleEnd = h
                if words[nameStart].is(.of) || words[nameStart].is(.for) {
                    var k = nameStart + 1
                    if k <= hi, words[k].is(.the) { k += 1 }
                    while k < hi, hi - k + 1 > 2 || k == nameStart + 1, !words[k].cls.contains(.firstName) { k += 1 }
                    roleEnd = k - 1
                    nameStart = k
                    // "Secretary of State Marco Rubio" but not "CEO of Civic Action".
                    guard nameStart <= hi, words[nameStart].cls.contains(.firstName) else { h -= 1; continue }
                }
                if nameStart <= hi, plausibleName(nameStart, hi) { return (roleEnd, nameStart) }
            }
            h -= 1
        }
        return nil
    }

    func plausibleName(_ lo: Int, _ hi: Int) -> Bool {
        if hasOrganizationWord(lo, hi) { return false }
        if endsInRoleWord(lo, hi) { return false }
        // "Martin Luther King Jr.": a remainder of suffixes alone means the "title" was part of the name.
        if (lo...hi).allSatisfy({ words[$0].cls.contains(.suffix) }) { return false }
        if knownName(lo, hi, article: false) != nil { return false }
        if (lo...hi).allSatisfy({ isNeverName(words[$0]) || words[$0].cls.contains(.demonym) }) { return false }
        return !words[lo].isAllCaps || hi > lo
    }

    /// Whether the run ends in a role word that is not a surname: "Chief Market Strategist", but not "Jim Baker"
    /// (a role word that is also a common surname, right after a given name that is no role or place, is the surname).
    func endsInRoleWord(_ lo: Int, _ hi: Int) -> Bool {
        guard let role = words[hi].cls.role, !role.isHonorific else { return false }
        guard hi > lo, role.isSurname else { return true }
        // "James A. Baker": an initial before it marks a surname too.
        if words[hi - 1].end - words[hi - 1].start == 2, text.scalars[words[hi - 1].end - 1] == ".",
            words[hi - 1].isCapitalized
        {
            return false
        }
        let before = words[hi - 1].cls
        return !(before.contains(.firstName) && before.role == nil && !before.contains(.commonWord) && !before.contains(.place))
    }

    /// "the", "a", "an", "his", "her", "their", "our" before a lone title.
    static func isDeterminerBeforeTitle(_ word: ActorWord) -> Bool {
        word.is(.the) || word.is(.a) || word.is(.an) || word.is(.his) || word.is(.her) || word.is(.their) || word.is(.our)
    }

    func hasOrganizationWord(_ lo: Int, _ hi: Int) -> Bool {
        (lo...hi).contains { words[$0].cls.contains(.organizationWord) }
    }

    /// "(R-Texas)", ", D-N.Y.,", "(I-Vt)": a party's initial, a hyphen and a capital, in brackets or after a comma
    /// (not "D-Day" or "D-Wave").
    func isPartyTag(_ word: ActorWord) -> Bool {
        guard word.end - word.start >= 3, word.gap == .comma || word.marks.contains(.openBracket) else { return false }
        let first = text.scalars[word.start]
        let third = text.scalars[word.start + 2]
        return (first == "D" || first == "R" || first == "I") && text.scalars[word.start + 1] == "-"
            && third.properties.isUppercase
    }

    func isNeverName(_ word: ActorWord) -> Bool {
        word.cls.contains(.commonWord) || word.cls.contains(.calendar) || word.shape.contains(.allNumberOrDash)
    }
}
