import Extraction

/// `actors/index.html` (every actor, by kind) and one page per actor.
struct ActorPages: Sendable {
    let context: PageContext

    private var site: Site { context.site }

    /// Actors sorted for lists: by name, case-insensitively, then id.
    private func sortedActors() -> [SiteActor] {
        site.actors.values.map { (key: ($0.name.lowercased(), $0.id), actor: $0) }
            .sorted { $0.key < $1.key }.map(\.actor)
    }

    /// `actors/index.html`.
    func indexSpec() -> PageSpec {
        let path = "actors/index.html"
        var groups: [TemplateValue] = []
        let sorted = sortedActors()
        for kind in ActorKind.allCases {
            let actors = sorted.filter { $0.kind == kind }
            guard !actors.isEmpty else { continue }
            groups.append([
                "kind": .string(kind.rawValue),
                "label": .string(PageContext.kindLabel(kind, plural: true)),
                "count": .int(actors.count),
                "actors": .list(actors.map { actor in
                    [
                        "name": .string(actor.name),
                        "href": .string(PageContext.actorPath(actor.id)),
                        "roles": .optional(PageContext.roles(actor.roles, first: 2)),
                        "counts": .string(Self.counts(actor)),
                        "search": .string(([actor.name] + actor.aliases).joined(separator: " ").lowercased()),
                    ]
                }),
            ])
        }
        return PageSpec(
            path: path, template: "actors",
            value: context.page(
                path, title: "Actors", description: "Every person, organisation and place named in the briefings.",
                fields: ["groups": .list(groups), "count": .int(site.actors.count)]))
    }

    /// The page of one actor.
    func actorSpec(_ actor: SiteActor) -> PageSpec {
        let path = PageContext.actorPath(actor.id)
        let briefings: [TemplateValue] = actor.briefings.compactMap { context.briefingLinks[$0] }
        // Quotes grouped by briefing, in the order of the actor's briefings (newest first).
        var quotesByBriefing: [String: [TemplateValue]] = [:]
        for ref in actor.quotes {
            // Read where it lies: taking the briefing out would copy it, every string retained, for each quote.
            guard let position = site.position(of: ref.briefing) else { continue }
            let quote = site.briefings[position].articles[ref.article].extraction.quotes[ref.index]
            quotesByBriefing[ref.briefing, default: []].append([
                "text": .string(quote.text),
                "href": .string(PageContext.briefingPath(ref.briefing) + "#" + BriefingPage.quoteID(article: ref.article, index: ref.index)),
                "cue": .optional(quote.cue),
            ])
        }
        // Most actors are never quoted: their briefings are then not looked up a second time.
        let quotes: [TemplateValue] = quotesByBriefing.isEmpty ? [] : actor.briefings.compactMap { slug in
            guard let list = quotesByBriefing[slug], case .object(var link)? = context.briefingLinks[slug] else { return nil }
            link["quotes"] = .list(list)
            return .object(link)
        }
        let related: [TemplateValue] = actor.related.compactMap { link in
            guard let other = site.actors[link.id] else { return nil }
            return [
                "name": .string(other.name), "href": .string(PageContext.actorPath(other.id)),
                "shared": .string(PageContext.count(link.count, "shared briefing")),
                "kindLabel": .string(PageContext.kindLabel(other.kind)),
            ]
        }
        let root = PageContext.root(for: path)
        let description = "\(actor.name): \(PageContext.kindLabel(actor.kind).lowercased()) named in "
            + "\(PageContext.count(actor.briefings.count, "briefing")), quoted \(PageContext.count(actor.quotes.count, "time"))."
        let fields: TemplateObject = [
            "name": .string(actor.name),
            "kind": .string(actor.kind.rawValue),
            "kindLabel": .string(PageContext.kindLabel(actor.kind)),
            "roles": .list(actor.roles.map { .string($0) }),
            "hasRoles": .bool(!actor.roles.isEmpty),
            "aliases": .list(actor.aliases.map { .string($0) }),
            "hasAliases": .bool(!actor.aliases.isEmpty),
            "description": .optional(actor.description),
            "url": .optional(actor.url),
            "briefings": .list(briefings),
            "quotes": .list(quotes),
            "hasQuotes": .bool(!quotes.isEmpty),
            "counts": .string(Self.counts(actor)),
            "related": .list(related),
            "hasRelated": .bool(!related.isEmpty),
            "network": .string(ActorNetwork.svg(center: actor, site: site, root: root)),
        ]
        return PageSpec(path: path, template: "actor", value: context.page(path, title: actor.name, description: description, fields: fields))
    }

    /// "2 briefings · 1 quote · 14 mentions".
    static func counts(_ actor: SiteActor) -> String {
        [
            PageContext.count(actor.briefings.count, "briefing"), PageContext.count(actor.quotes.count, "quote"),
            PageContext.count(actor.mentionCount, "mention"),
        ].joined(separator: " · ")
    }
}
