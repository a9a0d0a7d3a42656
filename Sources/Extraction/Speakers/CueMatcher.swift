/// Finds the cue that attributes a quotation and the noun phrase it names, in every order news uses:
/// `"…," X said`, `"…," said X, the …`, `X said: "…"`, `X told reporters that … "…"`, `according to X`,
/// `X, who …, said`, `"…" ― X`, `X: "…"`, and participles that borrow their clause's subject
/// (`…, adding that he was "grateful"`).
struct CueMatcher {
    let context: SpeakerContext
    /// The article's id for the word "put", if it has one: "as X put it" attributes like a speech verb.
    let putId: Int32?

    init(context: SpeakerContext) {
        self.context = context
        putId = context.keys.id(ofKey: "put")
    }

    var words: [ActorWord] { context.words }

    static let participles: Set<String> = [
        "saying", "adding", "noting", "arguing", "insisting", "warning", "explaining", "claiming", "telling",
        "asking", "writing", "calling", "recalling", "acknowledging", "describing", "suggesting", "stressing",
        "urging", "vowing", "promising", "declaring", "stating", "joking", "conceding", "predicting", "citing",
        "encouraging", "chanting", "tweeting", "posting", "blaming", "accusing", "praising", "describing",
        "yelling", "shouting", "screaming",
    ]
    static let pronouns: [String: Gazetteer.Gender] = ["he": .male, "she": .female, "they": .unknown, "it": .unknown]
    static let conjunctions: Set<String> = ["and", "but", "or", "then", "yet", "so"]
    /// Conjunctions that join clauses after a comma (with "and").
    static let clauseConjunctions: Set<String> = ["but", "yet", "so"]
    /// Words that open a subordinate clause ("as" is left out: "“…,” as Trump said" attributes).
    static let subordinators: Set<String> = [
        "when", "because", "after", "before", "while", "if", "since", "until", "although", "though", "unless", "whereas",
        "once", "whenever",
    ]

    /// The gender of a subject pronoun ("he", "she", "they", "it"), or nil for any other word.
    @inline(__always) static func pronounGender(_ word: ActorWord) -> Gazetteer.Gender? {
        if word.is(.he) { return .male }
        if word.is(.she) { return .female }
        if word.is(.they) || word.is(.it) { return .unknown }
        return nil
    }

    /// Whether word `v` is a speech verb: a cue word that does not continue a name ("the United States").
    @inline(__always) func isCueVerb(_ v: Int) -> Bool {
        (words[v].cls.contains(.cueVerb) && !continuesName(v))
            || (putId == words[v].id && v + 1 < words.count && words[v + 1].is(.it) && words[v + 1].gap == .space)
    }

    /// Whether word `v` is a capitalized word inside a name, after its first word ("States" in "United States").
    @inline(__always) func continuesName(_ v: Int) -> Bool {
        let m = context.mentionOfWord[v]
        return m >= 0 && words[v].isCapitalized && context.mentions[m].firstWord != v
    }

    // MARK: - Cues

    /// The cue right after the quotation that ends before word `after` (`"…," Trump said`, `"…," said Peskov`).
    func cueAfter(_ after: Int, paragraph: Int) -> CueMatch? {
        guard after < words.count, !context.isQuoted(after), words[after].paragraph == paragraph else { return nil }
        let first = words[after]
        // "said Peskov", "said White House press secretary Karoline Leavitt", "said he".
        if isCueVerb(after), !first.cls.contains(.participle), first.id != putId {
            var k = after + 1
            while k < words.count, k <= after + 8, words[k].gap == .space, !context.isQuoted(k) {
                // "“…” suggests that Phoenix and its officers": the speaker follows the verb before any clause opens.
                if words[k].is(.that) || words[k].cls.contains(.conjunction) { break }
                if let a = context.actor(at: k) {
                    let end = context.mentions[context.mentionOfWord[k]].lastWord
                    // "said the IFSD's Azfar Ali Khan": a possessive is not the speaker; read on.
                    if words[end].isPossessive { k = end + 1; continue }
                    // "said Rockets general manager Bruce Hamilton", "said European Council President Donald Tusk".
                    // "said one former GOP leadership aide": so does a name before lower-case nouns ending in a role.
                    let modifies = end + 1 < words.count && words[end + 1].gap == .space
                        && (words[end + 1].isCapitalized || isDescriptionHead(end + 1) || leadsToRole(end + 1)
                            || leadsToPerson(end + 1))
                    if !modifies, let speaking = speakingActor(at: k), speaking == a {
                        return CueMatch(cue: cueText(after), reference: .actor(a), verbWord: after)
                    }
                    k = end + 1
                    continue
                }
                if let gender = Self.pronounGender(words[k]) {
                    return CueMatch(cue: cueText(after), reference: .pronoun(gender, word: k), verbWord: after)
                }
                if isDescriptionHead(k) {
                    // "said one former senior agency official": the phrase ends at its last role or organisation word.
                    var last = k
                    while last + 1 < words.count, last + 1 <= k + 2, words[last + 1].gap == .space,
                        !context.isQuoted(last + 1), isDescriptionHead(last + 1)
                    {
                        last += 1
                    }
                    // "said Rubio's deputy campaign manager, Rich Beeson": the name in apposition.
                    if last + 1 < words.count, words[last + 1].gap == .comma, let a = context.actor(at: last + 1),
                        context.actors[a].kind == .person
                    {
                        return CueMatch(cue: cueText(after), reference: .actor(a), verbWord: after)
                    }
                    return CueMatch(cue: cueText(after), reference: .description(first: after + 1, last: last), verbWord: after)
                }
                k += 1
            }
        }
        // "Trump said", "he told reporters", "the Kremlin spokesman said", "Peskov, the Kremlin spokesman, said".
        var v = after
        var sawComma = false
        // A name right after the quotation with an apposition can put the verb far off ("Harry Kazianis, director
        // of defence studies at the U.S.-based Centre for the National Interest, said").
        var reach = 14
        if let a = context.actor(at: after), context.actors[a].kind == .person {
            let end = context.mentions[context.mentionOfWord[after]].lastWord
            if end + 1 < words.count, words[end + 1].gap == .comma { reach = 30 }
        }
        var tag = -1
        while v < words.count, v <= after + reach, !context.isQuoted(v), words[v].paragraph == paragraph {
            // "“…” Rep. Gwen Moore (D-Wis.) said": a party tag after the name is passed over, brackets and all.
            if v > after, tag < 0, isPartyTag(v) {
                tag = v
                v += 1
                continue
            }
            if v > after, tag >= 0, v == tag + 1 {
                // "(D-Wis.), the ranking member, said": a comma after the bracket opens an apposition.
                var i = words[tag].end
                while i < words[v].start, context.text.scalars[i] != "," { i += 1 }
                if i < words[v].start { sawComma = true }
            } else if v > after {
                let gap = words[v].gap
                // "“…” to use private email while at the State Department, but she denied": a new clause with its own
                // subject (not a list in an apposition: "refugees, and migration").
                if gap == .comma, words[v].is(.and) || Self.clauseConjunctions.contains(context.key(v)),
                    v + 1 < words.count, words[v + 1].gap == .space,
                    Self.pronounGender(words[v + 1]) != nil || context.actor(at: v + 1) != nil
                {
                    return nil
                }
                if gap == .comma {
                    sawComma = true
                } else if gap != .space {
                    let stops: GapMarks = [.fullStop, .semicolon, .colon, .question, .exclamation, .emDash, .enDash, .openBracket]
                    guard gap == .other, words[v].marks.isDisjoint(with: stops) else { return nil }
                }
            }
            if v > after, isCueVerb(v), !words[v].cls.contains(.participle) {
                if !sawComma && v - after > 7 { return nil }
                // "“…” when Clinton blasted him": a clause that a subordinator opens is not the quotation's cue.
                if !sawComma, Self.subordinators.contains(context.key(after)) { return nil }
                guard let reference = subject(from: after, to: v - 1 == tag ? tag - 1 : v - 1, appositive: sawComma) else { return nil }
                return CueMatch(cue: cueText(v), reference: reference, verbWord: v)
            }
            v += 1
        }
        return nil
    }

    /// "“…” ― Jane Doe": a dash and a name right after the closing mark.
    func dashAttribution(_ after: Int, paragraph: Int) -> CueMatch? {
        guard after < words.count, words[after].paragraph == paragraph, !context.isQuoted(after) else { return nil }
        guard !words[after].marks.isDisjoint(with: [.bar, .emDash, .doubleHyphen]) else { return nil }
        for k in after..<min(words.count, after + 3) where words[k].paragraph == paragraph {
            // "Mitt Romney -- “…” -- and Fred Goldberg": a dash that closes an aside goes on with the sentence.
            if words[k].cls.contains(.conjunction) { return nil }
            if let a = speakingActor(at: k) { return CueMatch(cue: "\u{2015}", reference: .actor(a), verbWord: after) }
        }
        return nil
    }

    /// The nearest cue before the quotation that starts at word `before + 1`, within its sentence.
    func cueBefore(_ before: Int, sentence: Int) -> CueMatch? {
        // "PENCE: “…”" — a transcript's speaker label.
        if words[before + 1].marks.contains(.colon), before >= 0, words[before].gap == .paragraph || isLabelStart(before),
            let a = speakingActor(at: before)
        {
            return CueMatch(cue: ":", reference: .actor(a), verbWord: before)
        }
        var v = before
        while v >= 0, words[v].sentence == sentence {
            if context.isQuoted(v) { v -= 1; continue }
            if words[v].is(.according), v + 1 < words.count, words[v + 1].is(.to) {
                if let reference = object(from: v + 2, limit: before) {
                    return CueMatch(cue: "according to", reference: reference, verbWord: v)
                }
            } else if words[v].cls.contains(.participle) {
                // "footage of Trump saying, “…”", "with Trump reportedly yelling: “…”": the name right before the
                // participle, past an adverb.
                var n = v - 1
                if n > 0, words[v].gap == .space, words[n].gap == .space, context.actor(at: n) == nil,
                    words[n].cls.contains(.filler) || context.key(n).hasSuffix("ly")
                {
                    n -= 1
                }
                if n >= 0, words[v].gap == .space, words[n + 1].gap == .space, let a = speakingActor(at: n),
                    !words[n].isPossessive, !context.isQuoted(n)
                {
                    return CueMatch(cue: cueText(v), reference: .actor(a), verbWord: v)
                }
                // "exploited Mr. Clinton's remark in 2008 describing Obama's stance as “…”": the remark's author, when
                // the participle's clause runs to the quotation (not "X said Trump's tweet saying … meant that “…”").
                if before - v < 16, let a = possessiveSpeechOwner(before: v) {
                    return CueMatch(cue: cueText(v), reference: .actor(a), verbWord: v)
                }
                if let main = mainClauseSubject(before: v, sentence: sentence) {
                    return CueMatch(cue: cueText(v), reference: main, verbWord: v)
                }
            } else if isCueVerb(v), !isPassive(v) {
                if let reference = subjectBefore(verb: v, sentence: sentence) {
                    // "Freeland said even though Canada believes …": a country is rarely the one quoted.
                    if case .actor(let a) = reference, context.actors[a].kind == .place,
                        let earlier = cueBefore(v - 1, sentence: sentence)
                    {
                        return earlier
                    }
                    // "Brown said it would tell a story of “…”": a cue inside a reported clause about a thing; the
                    // cue that reports the clause names the speaker.
                    if case .pronoun(_, let w) = reference, words[w].is(.it), v > 0,
                        let earlier = cueBefore(v - 1, sentence: sentence)
                    {
                        return earlier
                    }
                    return CueMatch(cue: cueText(v), reference: reference, verbWord: v)
                }
                // "said Trump: “…”".
                if v + 1 <= before, words[v + 1].gap == .space, let a = speakingActor(at: v + 1),
                    context.mentions[context.mentionOfWord[v + 1]].lastWord + 3 >= before
                {
                    return CueMatch(cue: cueText(v), reference: .actor(a), verbWord: v)
                }
            }
            v -= 1
        }
        return nil
    }

    /// A "said X" or "X said" later in the quotation's sentence, past other words: `a "litmus test" for a
    /// relationship — and many fail, said Dr. Robert Rutledge`.
    func cueLaterInSentence(_ after: Int, sentence: Int) -> CueMatch? {
        var v = after
        while v < words.count, words[v].sentence == sentence, v < after + 30 {
            // "greeted with chants of “…” at a conference last month, according to union leader Jane Doe": a person
            // named (not an organisation or a report, which source facts rather than words).
            if !context.isQuoted(v), words[v].is(.according), v + 1 < words.count, words[v + 1].is(.to),
                case .actor(let a)? = object(from: v + 2, limit: v + 10), context.actors[a].kind == .person
            {
                return CueMatch(cue: "according to", reference: .actor(a), verbWord: v)
            }
            if !context.isQuoted(v), words[v].cls.contains(.speechVerb), !continuesName(v) {
                if v + 1 < words.count, words[v + 1].gap == .space {
                    var k = v + 1
                    while k < words.count, k <= v + 6, words[k].gap == .space, context.actor(at: k) == nil { k += 1 }
                    if k < words.count, k <= v + 6, let a = speakingActor(at: k), context.actors[a].kind == .person {
                        return CueMatch(cue: cueText(v), reference: .actor(a), verbWord: v)
                    }
                }
                if v > 0, words[v].gap == .space, let a = speakingActor(at: v - 1), !words[v - 1].isPossessive,
                    context.actors[a].kind == .person
                {
                    return CueMatch(cue: cueText(v), reference: .actor(a), verbWord: v)
                }
            }
            v += 1
        }
        return nil
    }

    /// "according to X" also follows quotations: `"…," according to X.`
    func accordingAfter(_ after: Int, paragraph: Int) -> CueMatch? {
        guard after + 1 < words.count, words[after].is(.according), words[after + 1].is(.to),
            words[after].paragraph == paragraph, let reference = object(from: after + 2, limit: after + 10)
        else { return nil }
        return CueMatch(cue: "according to", reference: reference, verbWord: after)
    }

    /// The last cue of the sentence before the quotation's, in the same paragraph or in a previous paragraph that
    /// ends with a colon (`Trump then added:` / `"…"`).
    func cueInPreviousSentence(of first: Int, sentence: Int, newParagraph: Bool) -> CueMatch? {
        guard first > 0 else { return nil }
        let previous = first - 1
        let sameParagraph = words[previous].paragraph == words[first].paragraph
        let introduces = words[first].marks.contains(.colon)
        guard sameParagraph || introduces || newParagraph else { return nil }
        let previousSentence = words[previous].sentence
        guard previousSentence < sentence || !sameParagraph else { return nil }
        var v = previous
        while v >= 0, words[v].sentence == previousSentence {
            // "From Ana Ruiz writing in the Daily Post:": the name right before the participle.
            if !context.isQuoted(v), isCueVerb(v), words[v].cls.contains(.participle), v > 0, words[v].gap == .space,
                !context.isQuoted(v - 1), !words[v - 1].isPossessive, let a = speakingActor(at: v - 1)
            {
                return CueMatch(cue: cueText(v), reference: .actor(a), verbWord: v)
            }
            if !context.isQuoted(v), isCueVerb(v), !words[v].cls.contains(.participle),
                !isPassive(v), let reference = subjectBefore(verb: v, sentence: previousSentence)
            {
                return CueMatch(cue: cueText(v), reference: reference, verbWord: v)
            }
            v -= 1
        }
        return nil
    }

    /// The speaker label that opens the paragraph before word `first` ("PENCE: Well, look, …"), if any.
    func previousParagraphLabel(before first: Int) -> Int? {
        guard first > 0 else { return nil }
        var k = first - 1
        let paragraph = words[k].paragraph
        while k > 0, words[k - 1].paragraph == paragraph { k -= 1 }
        guard k + 1 < words.count, words[k + 1].marks.contains(.colon), words[k].isAllCaps || words[k].isCapitalized else { return nil }
        return speakingActor(at: k)
    }
}
