/// Reads the words around each name: roles in front of it ("national security adviser Michael Waltz"), roles in
/// apposition ("Dmitry Peskov, the Kremlin spokesman", "a U.S. citizen, Marc Fogel"), appointments ("whom Trump
/// appointed as his special envoy"), credits lines, and the verbs and prepositions that hint at a kind.
struct RoleFinder {
    let text: ScalarText
    let words: [ActorWord]
    /// Word keys by id.
    let keys: [String]
    let gazetteer: Gazetteer

    init(text: ScalarText, words split: ArticleWords, gazetteer: Gazetteer) {
        self.text = text
        self.words = split.words
        self.keys = split.keys
        self.gazetteer = gazetteer
    }

    /// Words that end a run of role modifiers when reading backwards or forwards.
    static let stopWords: Set<String> = [
        "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these", "those", "and",
        "or", "of", "by", "with", "to", "for", "in", "on", "at", "from", "as", "was", "is", "are", "were", "who",
        "which", "but", "be", "been", "has", "have", "had", "will", "would", "not", "than", "then", "when", "if",
        "whom", "whose", "where", "while", "after", "before", "about", "into", "over", "under", "between", "both",
        "also", "including", "like", "said", "says", "told", "say",
    ]
    static let determiners: Set<String> = ["the", "a", "an", "his", "her", "their", "its", "our", "my", "your"]
    /// Prepositions whose object is not a clause's subject.
    static let prepositionsBeforeNames: Set<String> = [
        "by", "with", "to", "of", "for", "from", "about", "on", "at", "in", "against", "between", "without", "than",
        "into", "over", "under", "after", "before", "toward", "towards", "among", "like", "including", "via",
        "through", "during", "behind", "beside", "across", "near", "upon", "within", "as", "unlike", "besides",
        "despite", "except",
    ]
    static let placePrepositions: Set<String> = [
        "in", "from", "across", "near", "into", "throughout", "outside", "toward", "towards", "via", "around",
        "within", "to",
    ]
    /// Common nouns that introduce an organisation's name: "the aid group Gatsby", "the retailer Zellers".
    static let organizationNouns: Set<String> = [
        "group", "company", "firm", "charity", "organization", "organisation", "agency", "nonprofit", "publisher",
        "network", "website", "newspaper", "outlet", "union", "party", "club", "retailer", "bank", "broadcaster",
        "magazine", "startup", "maker", "giant", "manufacturer", "brand", "chain", "airline", "carrier", "insurer",
        "lender", "automaker", "conglomerate", "subsidiary", "think-tank", "coalition",
    ]
    static let appointmentVerbs: Set<String> = [
        "appointed", "named", "nominated", "tapped", "picked", "chose", "chosen", "selected", "hired", "installed",
        "elected", "served", "serves", "serving", "worked", "works", "working", "sworn", "confirmed",
    ]

    /// Adds context roles and evidence to every mention.
    func annotate(_ mentions: inout [NameMention]) {
        // In place: a copy of each mention would retain and release every string it holds.
        for index in mentions.indices {
            prefixRole(&mentions[index])
            appositionRoles(&mentions[index])
            appointmentRole(&mentions[index])
            creditRole(&mentions[index])
            verbAndPrepositionEvidence(&mentions[index])
            let next = mentions[index].lastWord + 1
            mentions[index].isModifier = next < words.count && words[next].gap == .space && !words[next].isCapitalized
                && roleEnding(at: next)
        }
    }

    /// Is `index` the last word of a role phrase ("adviser", "press secretary")?
    private func roleEnding(at index: Int) -> Bool {
        guard index >= 0, index < words.count else { return false }
        return words[index].cls.isNonHonorificRole
    }

    /// Walks back from a role head over its modifiers; returns the first word of the role.
    private func modifierStart(head: Int, limit: Int = 4) -> Int {
        var k = head
        var taken = 0
        while k - 1 >= 0, taken < limit, words[k].gap == .space {
            let w = words[k - 1]
            if w.cls.contains(.stopWord) || w.cls.contains(.cueVerb) || w.isPossessive { break }
            if !w.isCapitalized && (keys[Int(w.id)].hasSuffix("ly") || w.cls.contains(.verbStop)) { break }
            if w.isCapitalized && startsPersonName(endingAt: k - 1) { break }
            k -= 1
            taken += 1
        }
        return k
    }

    /// Verbs that often stand right before a role noun ("met envoy Mary Dunn", "thanked nurse Ana Ruiz").
    static let verbStops: Set<String> = [
        "met", "meets", "called", "named", "hired", "thanked", "praised", "replaced", "fired", "visited", "joined",
        "interviewed", "accused", "blamed", "criticized", "criticised", "urged", "quoted", "cited", "appointed",
        "nominated", "tapped", "picked", "introduced", "spoke", "sued", "defeated", "beat", "hugged", "thanks",
        "welcomed", "greeted", "backed", "endorsed", "attacked", "succeeded", "succeeds", "replacing", "fellow",
    ]

    /// Whether the capitalised run ending at `index` is a person's name (it starts with a given name).
    private func startsPersonName(endingAt index: Int) -> Bool {
        var k = index
        while k > 0, words[k - 1].isCapitalized, words[k].gap == .space { k -= 1 }
        return k < index && words[k].cls.contains(.firstName)
    }

    /// "national security adviser Michael Waltz", "the retired general Keith Kellogg", "a U.S. citizen, Marc Fogel".
    private func prefixRole(_ mention: inout NameMention) {
        let first = mention.runFirst
        guard first > 0 else { return }
        let gap = words[first].gap
        let head = first - 1
        guard roleEnding(at: head), !words[head].isCapitalized || gap == .comma else { return }
        if gap == .space {
            let start = modifierStart(head: head)
            mention.roles.append(text.string(words[start].start, words[head].end))
        } else if gap == .comma {
            // Apposition before the name needs a determiner in front of the role: "a U.S. citizen, Marc Fogel".
            let start = modifierStart(head: head)
            guard start > 0, words[start - 1].cls.contains(.determiner) else { return }
            mention.roles.append(text.string(words[start].start, words[head].end))
        } else {
            return
        }
        if let g = words[head].cls.role?.gender, g != .unknown { mention.gender = g }
        mention.evidence.person += 4
    }

    /// ", the Kremlin spokesman," / ", emeritus professor of war studies at King's College London," after a name.
    private func appositionRoles(_ mention: inout NameMention) {
        var k = mention.lastWord + 1
        var segments = 0
        while k < words.count, words[k].gap == .comma, words[k].paragraph == words[mention.lastWord].paragraph, segments < 3 {
            var end = k
            while end + 1 < words.count, words[end + 1].gap == .space, end - k < 16 { end += 1 }
            guard let role = roleSegment(k, end) else { break }
            mention.roles.append(role)
            mention.evidence.person += 4
            segments += 1
            k = end + 1
        }
    }

    /// The role text of an apposition segment, when its head is a role noun with only modifiers before it.
    private func roleSegment(_ lo: Int, _ hi: Int) -> String? {
        var start = lo
        if words[start].cls.contains(.determiner) { start += 1 }
        guard start <= hi else { return nil }
        var k = start
        while k <= hi {
            if roleEnding(at: k), !(words[k].isCapitalized && k < hi && words[k + 1].isCapitalized && words[k + 1].gap == .space) {
                break
            }
            if words[k].cls.contains(.stopWord) || words[k].cls.contains(.cueVerb) { return nil }
            if k - start >= 5 { return nil }
            k += 1
        }
        guard k <= hi else { return nil }
        // A role followed by a name is the next person of a list, not this one's role: "…, CIA Director John
        // Ratcliffe, national security adviser Michael Waltz and …".
        if k < hi, Self.startsName(words[k + 1]) { return nil }
        // The segment ends at a clause word ("who", "said") if one comes first.
        var end = k
        while end + 1 <= hi, !Self.endsSegment(words[end + 1]) { end += 1 }
        while end > k, Self.isTrailingJoiner(words[end]) { end -= 1 }
        return text.string(words[start].start, words[end].end)
    }

    /// A capitalised given name or title in running text.
    private static func startsName(_ w: ActorWord) -> Bool {
        w.isCapitalized && !w.isClauseInitial && (w.cls.contains(.firstName) || w.cls.role != nil)
    }

    /// A clause word that ends an apposition's role ("who", "said").
    private static func endsSegment(_ w: ActorWord) -> Bool {
        w.is(.who) || w.is(.which) || w.is(.that) || w.is(.said) || w.is(.says) || w.is(.told) || w.is(.is) || w.is(.was)
            || w.is(.has) || w.is(.had)
    }

    /// A joiner left dangling at the end of a role ("and", "of", "the").
    private static func isTrailingJoiner(_ w: ActorWord) -> Bool {
        w.is(.and) || w.is(.or) || w.is(.of) || w.is(.at) || w.is(.the) || w.is(.in) || w.is(.for)
    }

    /// ", whom Trump appointed during the transition as his special envoy for Ukraine and Russia".
    private func appointmentRole(_ mention: inout NameMention) {
        let next = mention.lastWord + 1
        guard next < words.count, words[next].gap == .comma, words[next].is(.who) || words[next].is(.whom) else {
            return
        }
        var sawVerb = false
        var k = next + 1
        while k < words.count, k < next + 20, words[k].gap == .space || words[k].gap == .comma {
            if words[k].cls.contains(.appointmentVerb) { sawVerb = true }
            if sawVerb, words[k].is(.as), k + 1 < words.count {
                var start = k + 1
                if words[start].cls.contains(.determiner) { start += 1 }
                var end = start
                var head = -1
                while end < words.count, end <= start + 8, words[end].gap == .space || end == start {
                    if head < 0, roleEnding(at: end) { head = end }
                    if end > start, words[end].is(.and) || words[end].is(.who) || words[end].is(.which) || words[end].is(.that),
                        end + 1 < words.count, !words[end + 1].isCapitalized
                    {
                        break
                    }
                    end += 1
                }
                guard head >= 0 else { return }
                mention.roles.append(text.string(words[start].start, words[end - 1].end))
                mention.evidence.person += 4
                return
            }
            k += 1
        }
    }

    /// "Dixon reported from Riga." → reporter; "X and Y contributed to this report." → contributor.
    private func creditRole(_ mention: inout NameMention) {
        let next = mention.lastWord + 1
        guard next + 1 < words.count, words[next].gap == .space else { return }
        if words[next].is(.reported), words[next + 1].is(.from) {
            mention.roles.append("reporter")
            mention.evidence.person += 4
            return
        }
        // Credits sentences list names separated by commas, "and" and "in <place>;".
        let sentence = words[mention.lastWord].sentence
        var k = next
        while k + 3 < words.count, words[k].sentence == sentence, k < next + 40 {
            if words[k].is(.contributed), words[k + 1].is(.to), words[k + 2].is(.this), words[k + 3].is(.report)
            {
                let afterIn = mention.runFirst > 0 && words[mention.runFirst - 1].is(.in)
                guard !afterIn, gazetteer.places[mention.key] == nil else { return }
                mention.roles.append("contributor")
                mention.evidence.person += 4
                return
            }
            k += 1
        }
    }

    /// A speech verb after the name marks someone who speaks; "in"/"from" before it marks a place.
    private func verbAndPrepositionEvidence(_ mention: inout NameMention) {
        var k = mention.lastWord + 1
        if k < words.count, words[k].gap == .space {
            while k < words.count, words[k].cls.contains(.filler), words[k].gap == .space { k += 1 }
            if k < words.count, words[k].gap == .space, words[k].cls.contains(.speechVerb) {
                mention.evidence.person += 2
            }
        } else if k < words.count, words[k].gap == .comma, words[k].is(.who) {
            mention.evidence.person += 3
        } else if k + 1 < words.count, words[k].gap == .comma, words[k].shape.contains(.allNumber),
            words[k].text(text).count <= 3, words[k + 1].gap != .space
        {
            // An age in apposition: "Braiden Jacob, 17, …".
            mention.evidence.person += 3
        }
        let before = mention.runFirst - 1
        if before >= 0, words[mention.runFirst].gap == .space {
            let cls = words[before].cls
            if cls.contains(.placePreposition) { mention.evidence.place += 1.2 }
            if words[before].is(.the) {
                mention.evidence.organization += 1
                // "the Rockets said": a bare capitalised plural after "the" is a team or a group.
                if mention.tokens.count == 1, mention.lastToken.hasSuffix("s"), !mention.lastToken.hasSuffix("ss") {
                    mention.evidence.organization += 2
                }
            }
            // "says Pulga Muchochoma": a name right after a speech verb speaks.
            let next = mention.lastWord + 1
            let nextIsRole = next < words.count && words[next].gap == .space && words[next].cls.contains(.role)
            if cls.contains(.speechVerb), !nextIsRole { mention.evidence.person += 2 }
            if cls.contains(.organizationNoun) { mention.evidence.organization += 4 }
            if ["mr.", "mrs.", "ms."].contains(keys[Int(words[before].id)]) { mention.evidence.person += 6 }
        }
    }
}
