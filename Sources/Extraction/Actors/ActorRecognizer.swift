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
        recognize(text, words: ActorTokenizer.words(text, sentences: sentences), gazetteer: gazetteer)
    }

    /// The same over words already split (the extractor shares them with the speaker rules).
    func recognize(_ text: ScalarText, words: [ActorWord], gazetteer: Gazetteer = .shared) -> [ExtractedActor] {
        let finder = NameRunFinder(text: text, words: words, gazetteer: gazetteer)
        var mentions = finder.mentions()
        RoleFinder(text: text, words: words, gazetteer: gazetteer).annotate(&mentions)
        mentions += CreditsLine.mentions(text, words: words)
        mentions.sort { $0.span < $1.span }
        let groups = AliasResolver(gazetteer: gazetteer).resolve(mentions)
        // A place named only to qualify a role ("the leader's Middle East envoy") is not one the article is about.
        var actors = groups.filter { group in
            group.evidence.kind != .place || !group.mentions.allSatisfy { mentions[$0].isModifier }
        }.map { actor(from: $0, mentions: mentions) }
        actors.sort { ($0.mentions.count, $1.name, $1.kind) > ($1.mentions.count, $0.name, $0.kind) }
        // Ids must be unique within an article even when two actors share a name ("Washington" the place and a person).
        var used: [String: Int] = [:]
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

    /// `actors` with every unclassified actor that was found quoting someone made a person: a name that speaks
    /// ("Mulder didn't hesitate. “…,” he said.") is someone's.
    static func promotingSpeakers(_ actors: [ExtractedActor], quotes: [ExtractedQuote]) -> [ExtractedActor] {
        let speakers = Set(quotes.compactMap(\.speakerId))
        guard actors.contains(where: { $0.kind == .other && speakers.contains($0.id) }) else { return actors }
        return actors.map { actor in
            var actor = actor
            if actor.kind == .other && speakers.contains(actor.id) { actor.kind = .person }
            return actor
        }
    }

    private func actor(from group: AliasResolver.Group, mentions: [NameMention]) -> ExtractedActor {
        let own = group.mentions.map { mentions[$0] }
        let kind = group.evidence.kind
        let name: String
        if let canonical = group.canonical {
            name = canonical
        } else {
            // The most frequent full form, longer forms first on ties: "Donald Trump" over "Trump".
            var counts: [String: (count: Int, words: Int, first: Int)] = [:]
            for (order, mention) in own.enumerated() {
                let entry = counts[mention.name] ?? (0, mention.tokens.count, order)
                counts[mention.name] = (entry.count + 1, entry.words, entry.first)
            }
            let hasFullForm = counts.values.contains { $0.words >= 2 }
            name = counts.filter { !hasFullForm || $0.value.words >= 2 }
                .max { a, b in
                    (a.value.count, a.value.words, -a.value.first) < (b.value.count, b.value.words, -b.value.first)
                }?.key ?? own[0].name
        }
        var aliases: [String] = []
        var seenAliases: Set<String> = [name]
        for mention in own {
            for form in [mention.surface, mention.name].compactMap({ $0 }) where !seenAliases.contains(form) {
                seenAliases.insert(form)
                aliases.append(form)
            }
        }
        var roles: [String] = []
        var seenRoles: Set<String> = []
        for mention in own {
            for role in mention.roles where !seenRoles.contains(role.lowercased()) {
                seenRoles.insert(role.lowercased())
                roles.append(role)
            }
        }
        return ExtractedActor(
            id: Slug.make(name), name: name, kind: kind, roles: kind == .person ? roles : [], aliases: aliases,
            mentions: own.map(\.span))
    }
}
