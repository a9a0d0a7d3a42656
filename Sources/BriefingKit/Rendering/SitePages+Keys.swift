import Extraction

extension SitePages {
    /// The output path of a job whose page can be skipped; nil for jobs that always run.
    func path(of job: Job) -> String? {
        switch job {
        case .briefing(let index): return PageContext.briefingPath(site.briefings[index].slug)
        case .briefingData(let index): return SiteData.path(for: site.briefings[index])
        case .actor(let id): return PageContext.actorPath(id)
        case .tag(let index): return PageContext.tagPath(site.tags[index].slug)
        default: return nil
        }
    }

    /// The template a job with a key renders; nil for files made without one.
    func template(of job: Job) -> String? {
        switch job {
        case .briefing: return "briefing"
        case .actor: return "actor"
        case .tag: return "tag"
        default: return nil
        }
    }

    /// A key that changes whenever anything the job's output is made from changes, so an unchanged key means
    /// the page from the last build is still right. `seed` covers the templates the page reads, the settings,
    /// options and tool; `stamps` are the briefings' file stamps by slug. Jobs over the whole site have no key
    /// and always run.
    func key(of job: Job, seed: UInt64, stamps: [String: UInt64]) -> UInt64? {
        var hash = StableHash(seed: seed)
        switch job {
        case .briefing(let index), .briefingData(let index):
            let briefing = site.briefings[index]
            guard let stamp = stamps[briefing.slug] else { return nil }
            hash.combine(Int(truncatingIfNeeded: stamp))
            if case .briefingData = job { hash.combine("data") }
            for point in briefing.keyPoints { hash.combine(point.text) }
            for article in briefing.articles {
                // Everything the page shows about the actors: merged ids, names, kinds and roles.
                for local in article.actorMap.keys.sorted() {
                    guard let id = article.actorMap[local], let summary = actorSummaries[id] else { continue }
                    hash.combine(local)
                    hash.combine(Int(truncatingIfNeeded: summary))
                }
            }
        case .actor(let id):
            guard let actor = site.actors[id] else { return nil }
            hash.combine(actor.id)
            hash.combine(actor.name)
            hash.combine(actor.kind.rawValue)
            for role in actor.roles { hash.combine(role) }
            for alias in actor.aliases { hash.combine(alias) }
            hash.combine(actor.description ?? "")
            hash.combine(actor.url ?? "")
            hash.combine(actor.mentionCount)
            for slug in actor.briefings { hash.combine(Int(truncatingIfNeeded: briefingSummaries[slug] ?? 0)) }
            for ref in actor.quotes {
                guard let briefing = site.briefing(ref.briefing) else { continue }
                let quote = briefing.articles[ref.article].extraction.quotes[ref.index]
                hash.combine(ref.briefing)
                hash.combine(ref.article)
                hash.combine(ref.index)
                hash.combine(quote.text)
                hash.combine(quote.cue ?? "")
            }
            for link in actor.related {
                hash.combine(link.count)
                hash.combine(Int(truncatingIfNeeded: actorSummaries[link.id] ?? 0))
            }
        case .tag(let index):
            let tag = site.tags[index]
            hash.combine(tag.name)
            for slug in tag.briefings {
                guard let briefing = site.briefing(slug), let stamp = stamps[slug] else { return nil }
                hash.combine(Int(truncatingIfNeeded: stamp))
                for point in briefing.keyPoints.prefix(3) { hash.combine(point.text) }
            }
        default:
            return nil
        }
        return hash.value
    }
}
