/// Finds people, organisations and places named in news text.
public struct ActorRecognizer: Sendable {
    /// Creates a recognizer.
    public init() {}

    /// Actors with their roles, aliases and mentions, most mentioned first.
    public func recognize(_ text: ScalarText, sentences: [TextSpan]) -> [ExtractedActor] {
        recognize(text, sentences: sentences, gazetteer: Gazetteer.shared)
    }

    /// The same, with an explicit gazetteer (tests use an empty one to check the rules alone).
    func recognize(_ text: ScalarText, sentences: [TextSpan], gazetteer: Gazetteer) -> [ExtractedActor] {
        recognize(text, words: ActorTokenizer.split(text, sentences: sentences, gazetteer: gazetteer), gazetteer: gazetteer)
    }

    /// The same over words already split with `gazetteer` (the extractor shares them with the speaker rules).
    func recognize(_ text: ScalarText, words: ArticleWords, gazetteer: Gazetteer = .shared) -> [ExtractedActor] {
        let finder = NameRunFinder(text: text, words: words, gazetteer: gazetteer)
        var mentions = finder.mentions()
        RoleFinder(text: text, words: words, gazetteer: gazetteer).annotate(&mentions)
        mentions += CreditsLine.mentions(text, words: words)
        // Nearly always in order already; the sort (stable) would leave them as they are.
        if !Self.isSorted(mentions) { mentions.sort { $0.span < $1.span } }
        let groups = AliasResolver(gazetteer: gazetteer).resolve(mentions)
        // A place named only to qualify a role ("the leader's Middle East envoy") is not one the article is about.
        var actors = groups.filter { group in
            group.evidence.kind != .place || !group.mentions.allSatisfy { mentions[$0].isModifier }
        }.map { actor(from: $0, mentions: mentions) }
        actors = Self.droppingJoinedNames(actors)
        // Indices are sorted (stably, like the actors themselves would be) rather than the large actor values.
        let order = actors.indices.sorted {
            (actors[$0].mentions.count, actors[$1].name, actors[$1].kind) > (actors[$1].mentions.count, actors[$0].name, actors[$0].kind)
        }
        actors = order.map { actors[$0] }
        // Ids must be unique within an article even when two actors share a name ("Washington" the place and a person).
        var used: [String: Int] = [:]
        used.reserveCapacity(actors.count)
        for index in actors.indices {
            let id = actors[index].id
            if let count = used[id] {
                used[id] = count + 1
                actors[index].id = id + "-" + String(count + 1)
            } else {
                used[id] = 1
            }
        }
        return actors
    }

    /// `actors` without one-word hyphenated names made of other actors' names: "the Trump-Putin call" is about
    /// Trump and Putin, who have their own entries ("Melissa Mark-Viverito" has a given name and stays).
    static func droppingJoinedNames(_ actors: [ExtractedActor]) -> [ExtractedActor] {
        // Bytes searched: a string search goes through Foundation's locale-aware find.
        let joined = { (actor: ExtractedActor) in
            actor.name.utf8.contains(UInt8(ascii: "-")) && !actor.name.utf8.contains(UInt8(ascii: " "))
        }
        // The parts of the joined names that could drop them; the other actors' words are checked against these
        // few rather than all gathered into a set.
        var wanted: [Substring] = []
        for actor in actors where joined(actor) {
            let parts = actor.name.split(separator: "-")
            if parts.count >= 2 { wanted += parts }
        }
        guard !wanted.isEmpty else { return actors }
        var found: Set<Substring> = []
        for actor in actors where !joined(actor) {
            Self.forEachWord(of: actor.name) { if wanted.contains($0) { found.insert($0) } }
            for alias in actor.aliases {
                Self.forEachWord(of: alias) { if wanted.contains($0) { found.insert($0) } }
            }
        }
        return actors.filter { actor in
            guard joined(actor) else { return true }
            let parts = actor.name.split(separator: "-")
            return parts.count < 2 || !parts.allSatisfy(found.contains)
        }
    }

    /// Calls `body` with each word of `name` as `split(separator: " ")` gives them; an ASCII name (nearly all)
    /// is cut at its space bytes without building the array.
    private static func forEachWord(of name: String, _ body: (Substring) -> Void) {
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else {
            for word in name.split(separator: " ") { body(word) }
            return
        }
        let utf8 = name.utf8
        var start = utf8.startIndex
        while start < utf8.endIndex {
            let end = utf8[start...].firstIndex(of: UInt8(ascii: " ")) ?? utf8.endIndex
            if start < end { body(name[start..<end]) }
            start = end < utf8.endIndex ? utf8.index(after: end) : end
        }
    }

    /// `actors` with every unclassified actor that was found quoting someone made a person: a name that speaks
    /// ("Mulder didn't hesitate. “…,” he said.") is someone's.
    static func promotingSpeakers(_ actors: [ExtractedActor], quotes: [ExtractedQuote]) -> [ExtractedActor] {
        let speakers = Set(quotes.compactMap(\.speakerId))
        guard actors.contains(where: { $0.kind == .other && speakers.contains($0.id) }) else { return actors }
        // Changed in place: mapping would copy every actor to change a few.
        var promoted = actors
        for index in promoted.indices where promoted[index].kind == .other && speakers.contains(promoted[index].id) {
            promoted[index].kind = .person
        }
        return promoted
    }

    private static func isSorted(_ mentions: [NameMention]) -> Bool {
        guard mentions.count > 1 else { return true }
        for k in 1..<mentions.count where mentions[k].span < mentions[k - 1].span { return false }
        return true
    }

    private func actor(from group: AliasResolver.Group, mentions: [NameMention]) -> ExtractedActor {
        let kind = group.evidence.kind
        let name: String
        if let canonical = group.canonical {
            name = canonical
        } else if group.mentions.allSatisfy({ mentions[$0].name == mentions[group.mentions[0]].name }) {
            // One form only (most actors): it is the name, whatever the counts below would say.
            name = mentions[group.mentions[0]].name
        } else {
            // The most frequent full form, longer forms first on ties: "Donald Trump" over "Trump". A group holds
            // few distinct forms, so a linear search beats hashing them.
            var forms: [String] = []
            var counts: [(count: Int, words: Int, first: Int)] = []
            for (order, m) in group.mentions.enumerated() {
                let mention = mentions[m]
                if let at = forms.firstIndex(of: mention.name) {
                    counts[at].count += 1
                } else {
                    forms.append(mention.name)
                    counts.append((1, mention.tokens.count, order))
                }
            }
            let hasFullForm = counts.contains { $0.words >= 2 }
            var best = -1
            for index in counts.indices where !hasFullForm || counts[index].words >= 2 {
                let a = counts[index]
                if best < 0 || (counts[best].count, counts[best].words, -counts[best].first) < (a.count, a.words, -a.first) {
                    best = index
                }
            }
            name = best >= 0 ? forms[best] : mentions[group.mentions[0]].name
        }
        var aliases: [String] = []
        for m in group.mentions {
            let mention = mentions[m]
            if let surface = mention.surface, surface != name, !aliases.contains(surface) { aliases.append(surface) }
            if mention.name != name, !aliases.contains(mention.name) { aliases.append(mention.name) }
        }
        // Only people keep roles.
        var roles: [String] = []
        if kind == .person {
            var seenRoles: [String] = []
            for m in group.mentions {
                for role in mentions[m].roles {
                    let folded = role.lowercased()
                    if !seenRoles.contains(folded) {
                        seenRoles.append(folded)
                        roles.append(role)
                    }
                }
            }
        }
        return ExtractedActor(
            id: Slug.make(name), name: name, kind: kind, roles: roles, aliases: aliases,
            mentions: group.mentions.map { mentions[$0].span })
    }
}
