/// Finds the cue that attributes a quotation and the noun phrase it names, in every order news uses:
/// `"…," X said`, `"…," said X, the …`, `X said: "…"`, `X told reporters that … "…"`, `according to X`,
/// `X, who …, said`, and participles that borrow their clause's subject (`…, adding that he was "grateful"`).
struct CueMatcher {
    let context: SpeakerContext

    private var words: [ActorWord] { context.words }

    static let participles: Set<String> = [
        "saying", "adding", "noting", "arguing", "insisting", "warning", "explaining", "claiming", "telling",
        "asking", "writing", "calling", "recalling", "acknowledging", "describing", "suggesting", "stressing",
        "urging", "vowing", "promising", "declaring", "stating", "joking", "conceding", "predicting",
    ]
    static let pronouns: [String: Gazetteer.Gender] = ["he": .male, "she": .female, "they": .unknown]
    private static let skippable: Set<String> = [
        "on", "in", "at", "a", "an", "the", "this", "last", "late", "early", "earlier", "later", "week", "month",
        "year", "statement", "interview", "email", "news", "conference", "release", "recently", "previously",
        "also", "then", "once", "again", "afterward", "afterwards",
    ]

    /// The cue right after the quotation that ends before word `after` (`"…," Trump said`, `"…," said Peskov`).
    func cueAfter(_ after: Int, paragraph: Int) -> CueMatch? {
        guard after < words.count, !context.isQuoted(after), words[after].paragraph == paragraph else { return nil }
        let first = words[after]
        // "said Peskov", "said White House press secretary Karoline Leavitt", "said he".
        if CueVerbs.all.contains(first.key), !Self.participles.contains(first.key) {
            var k = after + 1
            while k < words.count, k <= after + 8, words[k].gap == .space, !context.isQuoted(k) {
                if let a = context.actor(at: k) {
                    if k + 1 < words.count, words[k].isPossessive { return CueMatch(cue: first.text.lowercased(), reference: nil, verbWord: after) }
                    let m = context.mentions[context.mentionOfWord[k]]
                    _ = m
                    return CueMatch(cue: first.text.lowercased(), reference: .actor(a), verbWord: after)
                }
                if let gender = Self.pronouns[words[k].key] {
                    return CueMatch(cue: first.text.lowercased(), reference: .pronoun(gender, word: k), verbWord: after)
                }
                if isDescriptionHead(k) {
                    return CueMatch(cue: first.text.lowercased(), reference: .description(first: after + 1, last: k), verbWord: after)
                }
                k += 1
            }
        }
        // "Trump said", "he told reporters", "the Kremlin spokesman said", "Peskov, the Kremlin spokesman, said".
        var v = after
        var sawComma = false
        while v < words.count, v <= after + 12, !context.isQuoted(v), words[v].paragraph == paragraph {
            if v > after {
                if words[v].gap == .comma { sawComma = true } else if words[v].gap != .space { return nil }
            }
            if CueVerbs.all.contains(words[v].key), v > after, !Self.participles.contains(words[v].key) {
                guard let reference = subject(from: after, to: v - 1, appositive: sawComma) else { return nil }
                return CueMatch(cue: cueText(v), reference: reference, verbWord: v)
            }
            v += 1
        }
        return nil
    }

    /// The nearest cue before the quotation that starts at word `before + 1`, within its sentence.
    func cueBefore(_ before: Int, sentence: Int) -> CueMatch? {
        var v = before
        while v >= 0, words[v].sentence == sentence {
            if context.isQuoted(v) { v -= 1; continue }
            let key = words[v].key
            if key == "according", v + 1 < words.count, words[v + 1].key == "to" {
                if let reference = object(from: v + 2, limit: before) {
                    return CueMatch(cue: "according to", reference: reference, verbWord: v)
                }
            } else if Self.participles.contains(key) {
                if let main = mainClauseSubject(before: v, sentence: sentence) {
                    return CueMatch(cue: words[v].text.lowercased(), reference: main, verbWord: v)
                }
            } else if CueVerbs.all.contains(key), !isPassive(v) {
                if let reference = subjectBefore(verb: v, sentence: sentence) {
                    return CueMatch(cue: cueText(v), reference: reference, verbWord: v)
                }
                if v + 1 < words.count, let a = context.actor(at: v + 1), !context.isQuoted(v + 1) {
                    return CueMatch(cue: cueText(v), reference: .actor(a), verbWord: v)
                }
            }
            v -= 1
        }
        return nil
    }

    /// "according to X" also follows quotations: `"…," according to X.`
    func accordingAfter(_ after: Int, paragraph: Int) -> CueMatch? {
        guard after + 1 < words.count, words[after].key == "according", words[after + 1].key == "to",
            words[after].paragraph == paragraph, let reference = object(from: after + 2, limit: after + 10)
        else { return nil }
        return CueMatch(cue: "according to", reference: reference, verbWord: after)
    }

    /// The last cue of the sentence before the quotation's, in the same paragraph or in a previous paragraph that
    /// ends with a colon (`Trump then added:` / `"…"`).
    func cueInPreviousSentence(of first: Int, sentence: Int) -> CueMatch? {
        guard first > 0 else { return nil }
        let previous = first - 1
        let sameParagraph = words[previous].paragraph == words[first].paragraph
        let introduces = words[first].gapText.contains(":")
        guard sameParagraph || introduces else { return nil }
        let previousSentence = words[previous].sentence
        guard previousSentence < sentence || !sameParagraph else { return nil }
        var v = previous
        while v >= 0, words[v].sentence == previousSentence {
            if !context.isQuoted(v), CueVerbs.all.contains(words[v].key), !Self.participles.contains(words[v].key),
                !isPassive(v), let reference = subjectBefore(verb: v, sentence: previousSentence)
            {
                return CueMatch(cue: cueText(v), reference: reference, verbWord: v)
            }
            v -= 1
        }
        return nil
    }

    // MARK: - Noun phrases

    private func cueText(_ v: Int) -> String { words[v].text.lowercased() }

    /// "was told", "been asked", "is called": the subject is not the speaker.
    private func isPassive(_ v: Int) -> Bool {
        guard v > 0 else { return words[v].isCapitalized }
        if words[v].isClauseInitial && words[v].isCapitalized { return true }
        return ["was", "were", "been", "being", "is", "are", "be", "get", "got"].contains(words[v - 1].key)
    }

    /// The speaker named by words `lo...hi` in front of a verb.
    private func subject(from lo: Int, to hi: Int, appositive: Bool) -> SpeakerReference? {
        guard lo <= hi else { return nil }
        var h = hi
        while h > lo, CueVerbs.fillers.contains(words[h].key) { h -= 1 }
        if appositive {
            // "Peskov, the Kremlin spokesman, said": the name before the first comma.
            for k in lo...h where context.actor(at: k) != nil {
                if let a = context.actor(at: k), k + 1 <= h, words[k + 1].gap == .comma || k == h { return .actor(a) }
            }
        }
        if let gender = Self.pronouns[words[h].key], h == lo { return .pronoun(gender, word: h) }
        if let a = context.actor(at: h), !words[h].isPossessive { return .actor(a) }
        if isDescriptionHead(h) { return .description(first: lo, last: h) }
        return nil
    }

    /// The subject in front of a verb, through fillers and relative clauses ("Hegseth, who told …").
    private func subjectBefore(verb v: Int, sentence: Int) -> SpeakerReference? {
        var k = v - 1
        while k >= 0, CueVerbs.fillers.contains(words[k].key), words[k].sentence == sentence { k -= 1 }
        guard k >= 0, words[k].sentence == sentence, !context.isQuoted(k) else { return nil }
        let key = words[k].key
        if key == "who" || key == "which" {
            // "X, who told": the name before the comma.
            let before = k - 1
            if before >= 0, words[k].gap == .comma, let a = context.actor(at: before) { return .actor(a) }
            if before >= 0, words[k].gap == .comma, isDescriptionHead(before) { return description(endingAt: before) }
            return nil
        }
        if let gender = Self.pronouns[key] { return .pronoun(gender, word: k) }
        if let a = context.actor(at: k), !words[k].isPossessive || words[k + 1].gap == .comma {
            return words[k].isPossessive ? nil : .actor(a)
        }
        if isDescriptionHead(k) { return description(endingAt: k) }
        if words[k + 1].gap == .comma || words[k + 1].gapText.contains("\u{2014}") {
            // "X, who also spoke with Y later in the day, said": back to ", who" and the name before it.
            var j = k
            while j > 0, words[j].sentence == sentence, v - j < 40 {
                if (words[j].key == "who" || words[j].key == "which") && (words[j].gap == .comma || words[j].gapText.contains("\u{2014}")) {
                    if let a = context.actor(at: j - 1) { return .actor(a) }
                    if isDescriptionHead(j - 1) { return description(endingAt: j - 1) }
                    return nil
                }
                j -= 1
            }
        }
        return nil
    }

    /// After "according to": the first name, pronoun or description.
    private func object(from lo: Int, limit: Int) -> SpeakerReference? {
        var k = lo
        while k < words.count, k <= lo + 7, k <= limit, !context.isQuoted(k) {
            if k > lo, words[k].gap != .space { return nil }
            if let a = context.actor(at: k), !words[context.mentions[context.mentionOfWord[k]].lastWord].isPossessive {
                return .actor(a)
            }
            if isDescriptionHead(k) { return .description(first: lo, last: k) }
            k += 1
        }
        return nil
    }

    /// For a participle ("adding"), the subject of the clause it hangs on: the last finite cue's subject before it.
    private func mainClauseSubject(before p: Int, sentence: Int) -> SpeakerReference? {
        var v = p - 1
        while v >= 0, words[v].sentence == sentence {
            if !context.isQuoted(v), CueVerbs.all.contains(words[v].key), !Self.participles.contains(words[v].key) {
                if let s = subjectBefore(verb: v, sentence: sentence) { return s }
                if v + 1 < words.count, let a = context.actor(at: v + 1) { return .actor(a) }
            }
            v -= 1
        }
        // No finite verb before it: the quotation's cue after it will be found by the caller's other rules.
        return nil
    }

    /// Whether the word at `k` ends a description that can speak: a role noun or an organisation word.
    func isDescriptionHead(_ k: Int) -> Bool {
        guard k >= 0, k < words.count, !words[k].isCapitalized || context.actor(at: k) == nil else { return false }
        let key = words[k].key
        if let role = context.gazetteer.roles[key], !role.isHonorific { return true }
        return context.gazetteer.organizationWords.contains(key)
            || ["ministry", "government", "company", "campaign", "spokesperson", "statement", "report", "police"].contains(key)
    }

    private func description(endingAt k: Int) -> SpeakerReference {
        var lo = k
        while lo > 0, k - lo < 5, words[lo].gap == .space, !RoleFinder.stopWords.contains(words[lo - 1].key) { lo -= 1 }
        return .description(first: lo, last: k)
    }
}
