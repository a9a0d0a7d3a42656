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

    /// Whether a person's name starts within three words from `k`, through spaces and no function word ("1st Lt.
    /// Tyler Livingston", "ally James Carville").
    private func leadsToPerson(_ k: Int) -> Bool {
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
    private func leadsToRole(_ k: Int) -> Bool {
        var j = k
        while j < words.count, j <= k + 1, words[j].gap == .space, !words[j].isCapitalized, !context.isQuoted(j) {
            if words[j].cls.isNonHonorificRole { return true }
            guard !words[j].cls.contains(.stopWord), !words[j].cls.contains(.cueVerb) else { return false }
            j += 1
        }
        return false
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
                // "footage of Trump saying, “…”": the name right before the participle.
                if v > 0, words[v].gap == .space, let a = speakingActor(at: v - 1), !words[v - 1].isPossessive,
                    !context.isQuoted(v - 1)
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

    /// Nouns for something said that a possessive name can own, followed by "that": "Trump's claim that …".
    static let claimNouns: Set<String> = [
        "claim", "claims", "assertion", "assertions", "statement", "statements", "insistence", "promise", "promises",
        "pledge", "vow", "warning", "accusation", "accusations", "suggestion", "prediction", "contention", "argument",
        "declaration", "boast", "charge", "allegation", "allegations", "complaint", "admission",
    ]

    /// The owner of a claim that the quotation completes: `Trump's claim that there have been “…”`. Looks back at
    /// most ten words within the quotation's sentence, through no punctuation.
    func possessiveClaim(before first: Int) -> Int? {
        guard first > 0 else { return nil }
        var v = first - 1
        while v >= 2, v >= first - 10, words[v].sentence == words[first].sentence, !context.isQuoted(v) {
            if words[v].is(.that), words[v].gap == .space, Self.claimNouns.contains(context.key(v - 1)),
                words[v - 1].gap == .space, words[v - 2].isPossessive, let a = speakingActor(at: v - 2),
                context.mentions[context.mentionOfWord[v - 2]].lastWord == v - 2
            {
                return a
            }
            guard words[v].gap == .space else { return nil }
            v -= 1
        }
        return nil
    }

    /// Nouns for something said or written that a participle after them describes: "Clinton's remark … describing".
    static let speechNouns: Set<String> = [
        "remark", "remarks", "comment", "comments", "statement", "tweet", "tweets", "speech", "letter", "email", "post",
        "op-ed", "column", "memo", "words",
    ]

    /// The owner of a remark that the participle at word `p` goes on: `Mr. Clinton's remark in 2008 describing …`.
    /// Looks back at most six words, through spaces only.
    func possessiveSpeechOwner(before p: Int) -> Int? {
        var v = p - 1
        while v >= 1, v >= p - 6, words[v].sentence == words[p].sentence, !context.isQuoted(v), words[v + 1].gap == .space {
            if Self.speechNouns.contains(context.key(v)), words[v].gap == .space, words[v - 1].isPossessive,
                let a = speakingActor(at: v - 1), context.mentions[context.mentionOfWord[v - 1]].lastWord == v - 1
            {
                return a
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

    /// The subject of the clause a quotation sits in when no cue verb names one: `X called Y a "chicken"`.
    /// The first name, pronoun or definite description of the sentence that no preposition governs.
    func clauseSubject(sentence: Int, before limit: Int) -> SpeakerReference? {
        guard limit > 0 else { return nil }
        var k = limit - 1
        while k > 0, words[k - 1].sentence == sentence { k -= 1 }
        guard k < limit, words[k].sentence == sentence else { return nil }
        // A clause after a dash or semicolon has its own subject.
        var start = k
        for j in k..<limit where !context.isQuoted(j) && (words[j].marks.contains(.emDash) || words[j].marks.contains(.semicolon)) {
            start = j
        }
        return subject(from: start, before: limit)
    }

    /// Whether the words from `k` on begin with a verb other than a copula, through a few adverbs: "accused",
    /// "cynically dismissed".
    private func actsNext(_ k: Int) -> Bool {
        var k = k
        while k < words.count, words[k].gap == .space, !words[k].isCapitalized {
            // "Orlando was not far from …", "Scribner is set to publish": a copula describes; it does not act.
            let w = words[k]
            if w.is(.is) || w.is(.was) || w.is(.are) || w.is(.were) || w.is(.be) || w.is(.been) { return false }
            let key = context.key(k)
            let cls = words[k].cls
            if cls.contains(.cueVerb) || cls.contains(.verbStop) || cls.contains(.auxiliary) || key.hasSuffix("ed") {
                return true
            }
            guard cls.contains(.filler) || key.hasSuffix("ly") else { return false }
            k += 1
        }
        return false
    }

    /// The first name or he/she from word `start` on, before `limit`, that no preposition governs and that is
    /// not inside a title or a possessive.
    private func subject(from start: Int, before limit: Int) -> SpeakerReference? {
        var j = start
        while j < limit {
            defer { j += 1 }
            if context.isQuoted(j) { continue }
            // "support for Ana Ruiz": the whole name a preposition governs is no subject, not only its first word.
            // "As Ana Ruiz put it" opens a clause whose subject she is; "talking to, Ana Ruiz" governs no one.
            if j > start, words[j - 1].cls.contains(.prepositionBeforeName), words[j].gap == .space, !words[j - 1].is(.as) {
                if context.mentionOfWord[j] >= 0 { j = context.mentions[context.mentionOfWord[j]].lastWord }
                continue
            }
            // So does one after a determiner: "linking to a Breitbart article", "posted on his Facebook page". An
            // agent or source ("used by the SVP", "editors of The Advocate", "a headline from the Post") may speak.
            if j > start + 1, words[j - 1].cls.contains(.determiner), words[j - 1].gap == .space, words[j].gap == .space,
                words[j - 2].cls.contains(.prepositionBeforeName), context.mentionOfWord[j] >= 0,
                !(words[j - 2].is(.as) || words[j - 2].is(.by) || words[j - 2].is(.from) || words[j - 2].is(.of)
                    || words[j - 2].is(.for))
            {
                j = context.mentions[context.mentionOfWord[j]].lastWord
                continue
            }
            // "South Korea accused …", "In July, Gingrich dismissed …": a place, or a name not yet known as anyone's,
            // that opens the clause and acts is its subject.
            if let a = context.actor(at: j), speakingActor(at: j) == nil, j == start || words[j].gap == .comma,
                context.mentions[context.mentionOfWord[j]].firstWord == j, !words[j].isAllCaps
            {
                let end = context.mentions[context.mentionOfWord[j]].lastWord
                if !words[end].isPossessive, end + 1 < limit, actsNext(end + 1) { return .actor(a) }
            }
            if let a = speakingActor(at: j) {
                let end = context.mentions[context.mentionOfWord[j]].lastWord
                if words[end].isPossessive { j = end; continue }
                // "Senate Majority Leader Mitch McConnell": a name inside a title is not the subject.
                if end + 1 < limit, words[end + 1].gap == .space,
                    words[end + 1].isCapitalized || isDescriptionHead(end + 1)
                {
                    j = end
                    continue
                }
                return .actor(a)
            }
            if let gender = Self.pronounGender(words[j]), gender != .unknown {
                return .pronoun(gender, word: j)
            }
        }
        return nil
    }
}
