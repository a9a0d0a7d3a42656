/// Who speaks when no cue verb says: the clause's subject, and the owner of a claim or remark that the quotation
/// completes.
extension CueMatcher {
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
}
