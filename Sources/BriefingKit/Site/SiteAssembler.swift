import Extraction

/// Puts briefings together into a site: actors merged across briefings, quotes attributed to site actors,
/// key points chosen, tags collected.
struct SiteAssembler: Sendable {
    /// The actor registry from `actors.yml`.
    var registry: ActorRegistry
    /// How many key points a briefing shows.
    var keyPointCount = 5
    /// How many related actors an actor page shows.
    var relatedCount = 12

    /// Assembles the site. `briefings` have their articles extracted and commentary built; their
    /// `actorMap`s and key points are filled in here.
    func assemble(config: SiteConfig, briefings input: [Briefing], warnings: [BuildWarning]) -> Site {
        var briefings = input
        let merge = ActorMerger(registry: registry).merge(briefings)
        var actors = merge.actors
        for b in briefings.indices {
            for a in briefings[b].articles.indices {
                briefings[b].articles[a].actorMap = merge.maps[b][a]
            }
            if briefings[b].keyPoints.isEmpty {
                briefings[b].keyPoints = keyPoints(for: briefings[b])
            }
        }
        briefings.sort { lhs, rhs in
            switch (lhs.source.date, rhs.source.date) {
            case (let l?, let r?) where l != r: return l > r
            case (.some, nil): return true
            case (nil, .some): return false
            default: return (lhs.source.title, lhs.slug) < (rhs.source.title, rhs.slug)
            }
        }

        // Briefings, mentions and quotes per actor, and who appears with whom.
        var pairCounts: [String: [String: Int]] = [:]
        for briefing in briefings {
            var present = Set<String>()
            for (a, article) in briefing.articles.enumerated() {
                for actor in article.extraction.actors {
                    guard let id = article.actorMap[actor.id] else { continue }
                    present.insert(id)
                    actors[id]?.mentionCount += actor.mentions.count
                }
                for (q, quote) in article.extraction.quotes.enumerated() {
                    guard let local = quote.speakerId, let id = article.actorMap[local] else { continue }
                    actors[id]?.quotes.append(QuoteRef(briefing: briefing.slug, article: a, index: q))
                }
            }
            let ids = present.sorted()
            for id in ids { actors[id]?.briefings.append(briefing.slug) }
            for (i, first) in ids.enumerated() {
                for second in ids[(i + 1)...] {
                    pairCounts[first, default: [:]][second, default: 0] += 1
                    pairCounts[second, default: [:]][first, default: 0] += 1
                }
            }
        }
        let mentions = actors.mapValues(\.mentionCount)
        for (id, counts) in pairCounts {
            actors[id]?.related = counts.map { RelatedActor(id: $0.key, count: $0.value) }
                .sorted { ($0.count, mentions[$0.id] ?? 0, $1.id) > ($1.count, mentions[$1.id] ?? 0, $0.id) }
                .prefix(relatedCount).map { $0 }
        }

        var tags: [String: Tag] = [:]
        for briefing in briefings {
            for name in briefing.source.tags {
                let slug = Slug.make(name)
                tags[slug, default: Tag(slug: slug, name: name, briefings: [])].briefings.append(briefing.slug)
            }
        }
        return Site(
            config: config, briefings: briefings, actors: actors,
            tags: tags.values.sorted { $0.slug < $1.slug }, warnings: warnings)
    }

    /// The analyst's key points when given, else the articles' best sentences taken in turn.
    private func keyPoints(for briefing: Briefing) -> [BriefingKeyPoint] {
        if let written = briefing.source.keyPoints {
            return written.map { BriefingKeyPoint(text: $0, article: nil, span: nil) }
        }
        var points: [BriefingKeyPoint] = []
        var rank = 0
        while points.count < keyPointCount {
            var added = false
            for (a, article) in briefing.articles.enumerated() where rank < article.extraction.keyPoints.count {
                let point = article.extraction.keyPoints[rank]
                points.append(BriefingKeyPoint(text: point.text, article: a, span: article.extraction.sentences[point.sentence]))
                added = true
                if points.count == keyPointCount { break }
            }
            if !added { break }
            rank += 1
        }
        return points
    }
}
