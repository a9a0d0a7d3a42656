/// Turns a speaker reference into an actor: a pronoun into the nearest fitting person, preferring whoever was
/// just quoted or is the subject of a speech verb; a description ("the Kremlin spokesman", "the ministry") into
/// the actor whose roles or name carry its words.
struct ReferenceResolver {
    let context: SpeakerContext

    private var words: [ActorWord] { context.words }
    /// Nouns that stand for an organisation already named ("the company said", "a statement said").
    static let genericOrganizations: Set<String> = [
        "company", "group", "firm", "organization", "organisation", "agency", "ministry", "department", "government",
        "campaign", "team", "club", "board", "union", "association", "statement", "report", "release", "police",
        "spokesperson", "office", "administration", "committee", "council", "court", "party", "league", "network",
        "newspaper", "website", "charity", "bank", "school", "university", "hospital", "railway", "airline",
        "utility", "province", "city", "municipality", "regulator", "watchdog", "prosecutors", "insurer", "retailer",
        "automaker", "carrier", "operator", "organizers", "organisers", "service", "force", "army", "military",
    ]
    static let documents: Set<String> = ["statement", "report", "release"]
    /// Bodies that belong to one person and speak for them: "Trump's campaign", "the senator's office".
    static let personalBodies: Set<String> = ["campaign", "office", "administration", "team"]
    /// Prepositions that set a name against the sentence's subject.
    static let contrastive: Set<String> = ["unlike", "besides", "except"]

    /// The actor index the reference names, or nil.
    func resolve(_ reference: SpeakerReference, lastSpeaker: Int?) -> Int? {
        switch reference {
        case .actor(let a): return a
        case .pronoun(let gender, let word): return pronoun(gender, at: word, lastSpeaker: lastSpeaker)
        case .description(let first, let last): return description(first, last, lastSpeaker: lastSpeaker)
        }
    }

    /// The most likely antecedent of a he/she at word `position`.
    func pronoun(_ gender: Gazetteer.Gender, at position: Int, lastSpeaker: Int?, anyGender: Bool = false) -> Int? {
        guard gender != .unknown || anyGender else {
            // "it said", "they said": an organisation, the one just quoted or the one named last.
            if let last = lastSpeaker, context.actors[last].kind == .organization { return last }
            return recentOrganization(before: position)
        }
        let sentence = words[position].sentence
        var best: (score: Double, actor: Int)?
        var m = lastMention(before: position)
        var seen = 0
        while m >= 0, seen < 40 {
            let mention = context.mentions[m]
            m -= 1
            let w = mention.firstWord
            if sentence - words[w].sentence > 30 { break }
            let distance = context.narrativeDistance(from: words[w].sentence, to: sentence)
            if distance > 8 { break }
            let kind = context.actors[mention.actor].kind
            guard !context.isQuoted(w), kind == .person || (kind == .other && isNameShaped(mention.actor)) else { continue }
            if isContrasted(mention, with: gender) { continue }
            let g = context.genders[mention.actor]
            if g != .unknown && gender != .unknown && g != gender { continue }
            seen += 1
            var score = 10.0 - 3.0 * Double(min(distance, 3)) - Double(max(0, distance - 3))
            if isSpeechSubject(mention) { score += distance <= 2 ? 4 : 1 }
            if mention.actor == lastSpeaker { score += 3 }
            if g == gender && g != .unknown { score += 1 }
            if kind == .other { score -= 1 }
            if followsPreposition(w) { score -= 3 }
            if distance <= 3, isFirstPersonOfSentence(m + 1) { score += 2 }
            score += Double(w) * 1e-6
            if best == nil || score > (best?.score ?? 0) { best = (score, mention.actor) }
        }
        if best == nil, let last = lastSpeaker, context.actors[last].kind == .person,
            context.genders[last] == .unknown || gender == .unknown || context.genders[last] == gender
        {
            return last
        }
        return best?.actor
    }

    /// Whether word `w` comes right after a preposition ("with Ann Lee", "after Ann Lee").
    private func followsPreposition(_ w: Int) -> Bool {
        w > 0 && words[w].gap == .space && words[w - 1].cls.contains(.prepositionBeforeName)
    }

    /// Whether the mention is set against a pronoun of `gender` ("Unlike Ann Lee, he…"): that pronoun, and
    /// the same pronoun later on, is someone else.
    private func isContrasted(_ mention: SpeakerContext.Mention, with gender: Gazetteer.Gender) -> Bool {
        let w = mention.firstWord
        guard w > 0, words[w].gap == .space, Self.contrastive.contains(context.key(w - 1)) else { return false }
        let next = mention.lastWord + 1
        guard next < words.count, words[next].gap == .comma else { return false }
        switch gender {
        case .male: return words[next].cls.contains(.malePronoun)
        case .female: return words[next].cls.contains(.femalePronoun)
        default: return false
        }
    }

    /// An unclassified name that could be a person's (worked out once per article by `SpeakerContext`).
    private func isNameShaped(_ a: Int) -> Bool { context.nameShaped[a] }

    static let auxiliaries: Set<String> = [
        "is", "was", "has", "had", "will", "would", "could", "can", "did", "does", "won", "lost", "took", "made",
        "went", "got", "gave", "became", "began", "knew", "thought", "felt", "kept", "left", "came", "saw",
    ]

    /// Whether the mention is followed by a speech verb, as subjects of reported speech are.
    private func isSpeechSubject(_ mention: SpeakerContext.Mention) -> Bool {
        var k = mention.lastWord + 1
        while k < words.count, words[k].cls.contains(.filler), words[k].gap == .space { k += 1 }
        if k < words.count, words[k].gap == .comma, words[k].is(.who) { return true }
        return k < words.count && words[k].gap == .space && words[k].cls.contains(.cueVerb)
    }

    static let openers: Set<String> = [
        "but", "and", "so", "yet", "then", "however", "meanwhile", "still", "also", "now", "later", "the", "a", "an",
    ]

    /// Whether mention `m` opens its sentence (after conjunctions and its own title): its likely subject.
    private func isFirstPersonOfSentence(_ m: Int) -> Bool {
        let first = context.mentions[m].firstWord
        let sentence = words[first].sentence
        // "After Ann Lee left, …": a name governed by a preposition is not the sentence's subject.
        if followsPreposition(first) { return false }
        var k = first - 1
        while k >= 0, words[k].sentence == sentence {
            let w = words[k]
            guard !context.isQuoted(k), w.isCapitalized || w.cls.contains(.opener) || w.cls.contains(.role)
            else { return false }
            k -= 1
        }
        return true
    }

    /// Index of the last mention starting before word `position`, or -1.
    private func lastMention(before position: Int) -> Int {
        var lo = 0
        var hi = context.mentions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if context.mentions[mid].firstWord < position { lo = mid + 1 } else { hi = mid }
        }
        return lo - 1
    }

    /// The actor a description names: role nouns match people's roles, organisation words match names.
    func description(_ first: Int, _ last: Int, lastSpeaker: Int?) -> Int? {
        let head = context.key(last)
        let definite = words[first].is(.the)
        var modifiers: [String] = []
        for k in first..<last {
            guard !words[k].cls.contains(.stopWord) else { continue }
            let key = context.key(k)
            if key.count > 2 { modifiers.append(key) }
        }
        let isRole = words[last].cls.isNonHonorificRole
        var best: (score: Int, actor: Int)?
        let position = words[first].start
        for (a, actor) in context.actors.enumerated() {
            var texts: [String]
            if isRole {
                guard actor.kind == .person else { continue }
                texts = actor.roles + actor.aliases.filter { $0 != actor.name }
            } else {
                guard actor.kind == .organization else { continue }
                texts = [actor.name] + actor.aliases
            }
            // The folded words of every text, split once for the head and all the modifiers.
            var pieces: [String] = []
            for text in texts { Self.appendWords(of: text, to: &pieces) }
            guard pieces.contains(head) else { continue }
            let matched = modifiers.filter { pieces.contains($0) }.count
            if !modifiers.isEmpty, matched == 0, isRole, modifiers.contains(where: { context.gazetteer.demonyms.contains($0) }) {
                continue
            }
            // Prefer more matching modifiers, then the most recent mention before the description.
            let recent = actor.mentions.last { $0.start < position }?.start ?? -1
            let score = matched * 1_000_000 + (recent >= 0 ? recent : -1_000_000 + actor.mentions.count)
            if best == nil || score > (best?.score ?? 0) { best = (score, a) }
        }
        if let best { return best.actor }
        // "Mrs. Clinton's campaign said": the campaign, office or administration of the person named; not whichever
        // organisation came last.
        if !isRole, Self.personalBodies.contains(head) {
            for k in first..<last where words[k].isPossessive {
                if let a = context.actor(at: k), context.actors[a].kind == .person { return a }
            }
        }
        if isRole {
            // "the senator said" with no senator named: whoever the article is talking about.
            return definite ? pronoun(.unknown, at: last, lastSpeaker: lastSpeaker, anyGender: true) : nil
        }
        if Self.documents.contains(head) {
            // "A statement said": the organisation just named, else whoever was just quoted.
            return recentOrganization(before: first, within: 2) ?? lastSpeaker
        }
        // "Police say …" with no police force named: not whichever organisation came last (a football club).
        if Self.specificBodies.contains(head) { return nil }
        return recentOrganization(before: first)
    }

    /// Nouns for a kind of body that an unrelated organisation named nearby cannot stand for.
    static let specificBodies: Set<String> = [
        "police", "prosecutors", "army", "military", "court", "union", "hospital", "city", "province", "municipality",
    ]

    /// The organisation named last before word `position`, within a few sentences.
    private func recentOrganization(before position: Int, within sentences: Int = 5) -> Int? {
        var m = lastMention(before: position)
        let sentence = words[position].sentence
        while m >= 0 {
            let mention = context.mentions[m]
            if context.narrativeDistance(from: words[mention.firstWord].sentence, to: sentence) > sentences { return nil }
            if context.actors[mention.actor].kind == .organization, !context.isQuoted(mention.firstWord) {
                return mention.actor
            }
            m -= 1
        }
        return nil
    }

    /// Appends the words of `text` lower-cased (runs of letters, full stops and hyphens), each folded as word keys
    /// are.
    private static func appendWords(of text: String, to pieces: inout [String]) {
        var haystack = text
        let done = haystack.withUTF8 { utf8 -> Bool in
            // ASCII (nearly always): letters, "." and "-" are bytes, and case does not move word boundaries.
            guard !utf8.contains(where: { $0 >= 0x80 }) else { return false }
            var i = 0
            while i < utf8.count {
                let start = i
                while i < utf8.count, Self.isWordByte(utf8[i]) { i += 1 }
                if i > start { pieces.append(ActorTokenizer.foldKey(String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<i]), as: UTF8.self))) }
                i += 1
            }
            return true
        }
        if !done {
            for piece in text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "." && $0 != "-" }) {
                pieces.append(ActorTokenizer.foldKey(String(piece)))
            }
        }
    }

    @inline(__always) private static func isWordByte(_ b: UInt8) -> Bool {
        (b | 0x20) &- 0x61 < 26 || b == 0x2E || b == 0x2D
    }
}
