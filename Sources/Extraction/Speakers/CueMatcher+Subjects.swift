/// The noun phrases cues point at: subjects before verbs, names after them, appositions, relative clauses.
extension CueMatcher {
    // MARK: - Noun phrases

    func cueText(_ v: Int) -> String { words[v].text(context.text).lowercased() }

    /// The actor named at word `k` when it is one that can speak: a person or an organisation (a place only when
    /// it stands alone as a subject, "Russia said").
    func speakingActor(at k: Int) -> Int? {
        guard let a = context.actor(at: k) else { return nil }
        switch context.actors[a].kind {
        case .person, .organization: return a
        case .place, .other: return nil
        }
    }

    func isLabelStart(_ k: Int) -> Bool {
        k == 0 || words[k].gap == .paragraph || (k > 0 && words[k - 1].paragraph != words[k].paragraph)
    }

    /// Whether word `k` is a lawmaker's party-and-state tag right after a name, in brackets or between commas:
    /// "(D-Wis.)", "(R)", ", R-Ky.,".
    func isPartyTag(_ k: Int) -> Bool {
        guard k > 0, k + 1 < words.count, context.actor(at: k - 1) != nil else { return false }
        let bracketed = words[k].marks.contains(.endsWithOpenBracket)
        guard bracketed || words[k].gap == .comma else { return false }
        let s = context.text.scalars
        let start = words[k].start
        let length = words[k].end - start
        guard s[start] == "D" || s[start] == "R" || s[start] == "I",
            (length == 1 && bracketed) || (length >= 3 && s[start + 1] == "-" && s[start + 2].properties.isUppercase)
        else { return false }
        let close: Unicode.Scalar = bracketed ? ")" : ","
        var i = words[k].end
        while i < words[k + 1].start {
            if s[i] == close { return true }
            i += 1
        }
        return false
    }

    /// "was told", "been asked", "is called": the subject is not the speaker.
    func isPassive(_ v: Int) -> Bool {
        guard v > 0 else { return words[v].isCapitalized }
        if words[v].isClauseInitial && words[v].isCapitalized { return true }
        let w = words[v - 1]
        return w.is(.was) || w.is(.were) || w.is(.been) || w.is(.being) || w.is(.is) || w.is(.are) || w.is(.be)
            || w.is(.get) || w.is(.got)
    }

    /// The speaker named by words `lo...hi` in front of a verb, after a quotation.
    func subject(from lo: Int, to hi: Int, appositive: Bool) -> SpeakerReference? {
        guard lo <= hi else { return nil }
        var h = hi
        while h > lo, words[h].cls.contains(.filler) { h -= 1 }
        if appositive {
            // "Peskov, the Kremlin spokesman, said": the name before the first comma.
            for k in lo...h {
                if let a = speakingActor(at: k) {
                    let end = context.mentions[context.mentionOfWord[k]].lastWord
                    if end + 1 <= hi + 1, end + 1 < words.count,
                        words[end + 1].gap == .comma || end == h || isPartyTag(end + 1)
                    {
                        return .actor(a)
                    }
                }
            }
        }
        if let gender = Self.pronounGender(words[h]), h == lo || words[h].gap == .comma {
            return .pronoun(gender, word: h)
        }
        if let a = context.actor(at: h), !words[h].isPossessive {
            return context.actors[a].kind == .other ? nil : .actor(a)
        }
        if isDescriptionHead(h) {
            let found = description(endingAt: h, floor: lo)
            // "the Florida senator and Republican presidential candidate said": the first description is definite.
            if case .description(let first, _) = found, first >= lo + 2, !words[first].is(.the), words[first - 1].is(.and),
                words[first].gap == .space, isDescriptionHead(first - 2)
            {
                return description(endingAt: first - 2, floor: lo)
            }
            return found
        }
        return nil
    }

    /// The subject in front of a verb, through fillers, appositions and relative clauses ("Hegseth, who told …",
    /// "Stabenow, D-Mich., a member of the leadership team, said").
    func subjectBefore(verb v: Int, sentence: Int) -> SpeakerReference? {
        var k = v - 1
        while k >= 0, isFillerOrTime(k), words[k].sentence == sentence, words[k + 1].gap == .space { k -= 1 }
        // "Gwen Moore (D-Wis.) said": the name before the tag.
        if k > 0, isPartyTag(k) { k -= 1 }
        guard k >= 0, words[k].sentence == sentence, !context.isQuoted(k) else { return nil }
        if words[k + 1].gap == .comma || words[k + 1].marks.contains(.emDash) {
            return appositiveSubject(endingAt: k, sentence: sentence)
        }
        if words[k].is(.who) || words[k].is(.which) {
            return appositiveSubject(endingAt: k, sentence: sentence)
        }
        if let gender = Self.pronounGender(words[k]) { return .pronoun(gender, word: k) }
        if let a = context.actor(at: k) {
            if words[k].isPossessive { return nil }
            // "a source speaking to Fox News said": whom someone spoke to or with did not speak.
            let first = context.mentions[context.mentionOfWord[k]].firstWord
            var p = first - 1
            if p >= 0, words[p].cls.contains(.determiner), words[first].gap == .space { p -= 1 }
            if p >= 0, p < first, words[p + 1].gap == .space, words[p].is(.to) || words[p].is(.with) { return nil }
            return context.actors[a].kind == .other ? nil : .actor(a)
        }
        if isDescriptionHead(k) { return description(endingAt: k, floor: 0) }
        // "Civic Action also has … and suggests": a second verb shares the sentence's subject.
        if words[k].cls.contains(.conjunction) { return clauseSubject(sentence: sentence, before: k) }
        return nil
    }

    /// Back through an apposition or relative clause to the name it describes: the nearest person or organisation
    /// followed by a comma (or a "who").
    func appositiveSubject(endingAt k: Int, sentence: Int) -> SpeakerReference? {
        var j = k
        var organization: Int?
        while j >= 0, words[j].sentence == sentence, k - j < 40 {
            if !context.isQuoted(j), let a = speakingActor(at: j) {
                let m = context.mentions[context.mentionOfWord[j]]
                if m.lastWord == j, closesApposition(after: j) {
                    // People first: "Shelby of Alabama, the chairman of the Appropriations Committee, said".
                    if context.actors[a].kind == .person { return .actor(a) }
                    if organization == nil { organization = a }
                }
            }
            if let gender = Self.pronounGender(words[j]), gender != .unknown, j + 1 < words.count, words[j + 1].gap == .comma {
                return .pronoun(gender, word: j)
            }
            j -= 1
        }
        return organization.map { .actor($0) }
    }

    /// Whether a name ending at word `j` is followed by an apposition or relative clause: a comma, a dash, a
    /// bracket, "who", or "of <Place>," ("Shelby of Alabama, …").
    func closesApposition(after j: Int) -> Bool {
        let next = j + 1
        guard next < words.count else { return false }
        let w = words[next]
        if w.gap == .comma || w.is(.who) || w.marks.contains(.emDash) || w.marks.contains(.openBracket) { return true }
        if w.is(.of), w.gap == .space {
            var k = next + 1
            while k < words.count, k <= next + 4, words[k].isCapitalized, words[k].gap == .space { k += 1 }
            return k < words.count && k > next + 1 && (words[k].gap == .comma || words[k].marks.contains(.openBracket))
        }
        return false
    }

    static let timeWords: Set<String> = [
        "this", "last", "next", "week", "month", "year", "morning", "afternoon", "evening", "night", "weekend",
        "today", "yesterday", "tonight", "on", "earlier", "ago", "days", "weeks", "months", "years",
    ]

    /// Adverbs, auxiliaries and time phrases between a subject and its verb ("Rempel earlier this week called").
    func isFillerOrTime(_ k: Int) -> Bool {
        let cls = words[k].cls
        return cls.contains(.filler) || cls.contains(.timeWord) || cls.contains(.calendar)
    }

    /// After "according to": the first name, pronoun or description.
    func object(from lo: Int, limit: Int) -> SpeakerReference? {
        var k = lo
        while k < words.count, k <= lo + 7, k <= limit, !context.isQuoted(k) {
            if k > lo, words[k].gap != .space { return nil }
            if let a = speakingActor(at: k), !words[context.mentions[context.mentionOfWord[k]].lastWord].isPossessive {
                return .actor(a)
            }
            // "according to campaign manager Jeff Weaver": a role or organisation word in a title that goes on to a
            // name is not the phrase's head.
            if isDescriptionHead(k), !titleGoesOnToName(after: k) { return .description(first: lo, last: k) }
            k += 1
        }
        return nil
    }

    /// Whether role or organisation words after word `k` lead, within three words, to a name.
    private func titleGoesOnToName(after k: Int) -> Bool {
        var j = k + 1
        while j < words.count, j <= k + 3, words[j].gap == .space {
            if context.actor(at: j) != nil { return true }
            let cls = words[j].cls
            guard cls.isNonHonorificRole || cls.contains(.organizationWord) || cls.contains(.genericOrganization) else {
                return false
            }
            j += 1
        }
        return false
    }

    /// For a participle ("adding", "calling"), the subject of the clause it hangs on: the first finite cue's
    /// subject in the sentence, else the sentence's subject.
    func mainClauseSubject(before p: Int, sentence: Int) -> SpeakerReference? {
        var start = p
        while start > 0, words[start - 1].sentence == sentence { start -= 1 }
        for v in start..<p where !context.isQuoted(v) {
            if isCueVerb(v), !words[v].cls.contains(.participle), !isPassive(v) {
                if let s = subjectBefore(verb: v, sentence: sentence) { return s }
            }
        }
        return clauseSubject(sentence: sentence, before: p)
    }

    /// Whether the word at `k` ends a description that can speak: a role noun or an organisation word.
    func isDescriptionHead(_ k: Int) -> Bool {
        guard k >= 0, k < words.count, !words[k].isCapitalized || context.actor(at: k) == nil else { return false }
        // "Sen. Richard Blumenthal": a title in front of a name belongs to the name.
        if words[k].isCapitalized, k + 1 < words.count, words[k + 1].gap == .space, context.actor(at: k + 1) != nil {
            return false
        }
        // "European Council President Donald Tusk": so does an organisation word at the head of a longer title.
        if words[k].isCapitalized {
            var j = k + 1
            while j < words.count, j <= k + 3, words[j].gap == .space, words[j].isCapitalized {
                if context.actor(at: j) != nil { return false }
                j += 1
            }
        }
        let cls = words[k].cls
        if cls.isNonHonorificRole { return true }
        return cls.contains(.organizationWord) || cls.contains(.genericOrganization)
    }

    func description(endingAt k: Int, floor: Int) -> SpeakerReference {
        var lo = k
        while lo > floor, k - lo < 5, words[lo].gap == .space, !words[lo - 1].cls.contains(.stopWord) { lo -= 1 }
        if lo > floor || (lo > 0 && words[lo].gap == .space), lo > 0, words[lo - 1].cls.contains(.article) {
            lo -= 1
        }
        return .description(first: lo, last: k)
    }

    /// Whether a person's name starts within three words from `k`, through spaces and no function word ("1st Lt.
    /// Tyler Livingston", "ally James Carville").
    func leadsToPerson(_ k: Int) -> Bool {
        var j = k
        while j < words.count, j <= k + 2, words[j].gap == .space, !context.isQuoted(j) {
            if let a = context.actor(at: j) { return context.actors[a].kind == .person }
            // "Jason Gilbert of Cheyenne": a preposition ends the name's phrase.
            if words[j].cls.contains(.stopWord) || words[j].cls.contains(.prepositionBeforeName) { return false }
            j += 1
        }
        return false
    }

    /// Whether lower-case words from `k` on reach a role word within two words ("leadership aide").
    func leadsToRole(_ k: Int) -> Bool {
        var j = k
        while j < words.count, j <= k + 1, words[j].gap == .space, !words[j].isCapitalized, !context.isQuoted(j) {
            if words[j].cls.isNonHonorificRole { return true }
            guard !words[j].cls.contains(.stopWord), !words[j].cls.contains(.cueVerb) else { return false }
            j += 1
        }
        return false
    }
}
