import Extraction

extension SitePages {
    /// The output path of a job whose page can be skipped; nil for jobs that always run.
    func path(of job: Job) -> String? {
        switch job {
        case .briefing(let index): return PageContext.briefingPath(site.briefings[index].slug)
        case .briefingData(let index): return SiteData.path(for: site.briefings[index])
        case .actor(let id): return PageContext.actorPath(id)
        case .tag(let index): return PageContext.tagPath(site.tags[index].slug)
        case .home: return "index.html"
        case .actorIndex: return "actors/index.html"
        case .quotes: return "quotes/index.html"
        case .tagIndex: return "tags/index.html"
        case .search: return "search/index.html"
        case .notFound: return "404.html"
        case .searchIndex(let number): return "search/" + SearchPage.scriptName(number)
        case .feed: return "feed.xml"
        case .sitemap: return nil
        }
    }

    /// The template a job with a key renders; nil for files made without one.
    func template(of job: Job) -> String? {
        switch job {
        case .briefing: return "briefing"
        case .actor: return "actor"
        case .tag: return "tag"
        case .home: return "home"
        case .actorIndex: return "actors"
        case .quotes: return "quotes"
        case .tagIndex: return "tags"
        case .search: return "search"
        case .notFound: return "404"
        case .briefingData, .searchIndex, .feed, .sitemap: return nil
        }
    }

    /// A key that changes whenever anything the job's output is made from changes, so an unchanged key means
    /// the page from the last build is still right. `seed` covers the templates the page reads, the settings,
    /// options and tool; `stamps` are the briefings' file stamps by slug. Pages over the whole site are keyed by
    /// what they show (`siteSummaries`); the sitemap has no key and always runs.
    func key(of job: Job, seed: UInt64, stamps: [String: UInt64]) -> UInt64? {
        var hash = StableHash(seed: seed)
        switch job {
        case .briefing(let index), .briefingData(let index):
            guard let stamp = stamps[site.briefings[index].slug] else { return nil }
            hash.combine(Int(truncatingIfNeeded: stamp))
            if case .briefingData = job { hash.combine("data") }
            for point in site.briefings[index].keyPoints { hash.combine(point.text) }
            hash.combine(Int(truncatingIfNeeded: briefingActors[index]))
        case .actor(let id):
            guard let position = actorPositions[id] else { return nil }
            hash.combine(Int(truncatingIfNeeded: actorHashes.actors[position]))
            for briefing in actorHashes.quoted[position] {
                hash.combine(Int(truncatingIfNeeded: quoteSummaries[Int(briefing)]))
            }
        case .tag(let index):
            let tag = site.tags[index]
            hash.combine(tag.name)
            for slug in tag.briefings {
                guard let card = cardSummaries[slug] else { return nil }
                hash.combine(Int(truncatingIfNeeded: card))
            }
        case .home, .actorIndex, .quotes, .tagIndex, .search, .notFound, .searchIndex, .feed:
            hash.combine(Self.siteWideName(of: job))
            if case .searchIndex(let number) = job { hash.combine(number) }
            hash.combine(Int(truncatingIfNeeded: siteSummaries.of(job)))
        case .sitemap:
            return nil
        }
        return hash.value
    }

    /// A site-wide job's name in its key, written out: interpolating the job would describe it through reflection.
    private static func siteWideName(of job: Job) -> String {
        switch job {
        case .home: "home"
        case .actorIndex: "actorIndex"
        case .quotes: "quotes"
        case .tagIndex: "tagIndex"
        case .search: "search"
        case .notFound: "notFound"
        case .searchIndex: "searchIndex"
        case .feed: "feed"
        case .briefing, .briefingData, .actor, .tag, .sitemap: ""
        }
    }
}

extension SitePages {
    /// What the pages show of the actors: per briefing, what its pages show of its actors; per actor, what its
    /// page shows but its quotes' words, and where those come from. Every actor and briefing on every core.
    static func makeActorHashes(_ site: Site, actorIDs: [String], actorSummaries: [String: UInt64], links: [String: UInt64])
        -> ActorPageHashes
    {
        let briefings = concurrentMap(site.briefings, each: { briefing in actorsShown(by: briefing, actorSummaries: actorSummaries) })
        let actors = concurrentMap(actorIDs, each: { id -> (UInt64, [Int32]) in
            guard let actor = site.actors[id] else { return (0, []) }
            var hash = StableHash()
            hash.combine(actor.id)
            hash.combine(actor.name)
            hash.combine(actor.kind.rawValue)
            hash.combine(actor.roles)
            hash.combine(actor.aliases)
            hash.combine(actor.description ?? "")
            hash.combine(actor.url ?? "")
            hash.combine(actor.mentionCount)
            hash.combine(actor.briefings.count)
            for slug in actor.briefings { hash.combine(Int(truncatingIfNeeded: links[slug] ?? 0)) }
            // Quotes come grouped by briefing: its position is looked up once per group.
            var quoted: [Int32] = []
            var group: (slug: String, position: Int?) = ("", nil)
            hash.combine(actor.quotes.count)
            for ref in actor.quotes {
                if ref.briefing != group.slug {
                    group = (ref.briefing, site.position(of: ref.briefing))
                    if let position = group.position { quoted.append(Int32(position)) }
                }
                hash.combine(ref.briefing)
                hash.combine(ref.article)
                hash.combine(ref.index)
            }
            hash.combine(actor.related.count)
            for link in actor.related {
                hash.combine(link.count)
                hash.combine(Int(truncatingIfNeeded: actorSummaries[link.id] ?? 0))
            }
            return (hash.value, quoted)
        })
        return ActorPageHashes(briefings: briefings, actors: actors.map(\.0), quoted: actors.map(\.1))
    }

    /// Per briefing, a hash of everything its pages show about its actors: merged ids, names, kinds and roles.
    static func actorsShown(by briefing: Briefing, actorSummaries: [String: UInt64]) -> UInt64 {
        var hash = StableHash()
        // Ids read where they lie: iterating the actors would copy each one, every string and list retained.
        for article in briefing.articles.indices {
            let map = briefing.articles[article].actorMap
            briefing.articles[article].extraction.actors.withUnsafeBufferPointer { actors in
                for index in actors.indices {
                    guard let id = map[actors[index].id], let summary = actorSummaries[id] else { continue }
                    hash.combine(actors[index].id)
                    hash.combine(Int(truncatingIfNeeded: summary))
                }
            }
        }
        return hash.value
    }
}

/// Hashes of what each page over the whole site shows, made in one pass over the site.
struct SiteSummaries: Sendable {
    /// Briefing cards and tags.
    var home: UInt64
    /// Every quote with its speaker, briefing title and date.
    var quotes: UInt64
    /// Every actor as the actor index lists it.
    var actorIndex: UInt64
    /// Tag names and counts.
    var tagIndex: UInt64
    /// Per script of the search index, its rows.
    var searchIndex: [UInt64]
    /// The number of scripts of the search index, which the search page lists.
    var search: UInt64
    /// The newest 50 briefings with all their key points.
    var feed: UInt64

    /// The summary behind `job`'s key; 0 for pages that show nothing of the site but its settings.
    func of(_ job: SitePages.Job) -> UInt64 {
        switch job {
        case .home: return home
        case .quotes: return quotes
        case .actorIndex: return actorIndex
        case .tagIndex: return tagIndex
        case .searchIndex(let number): return searchIndex.indices.contains(number) ? searchIndex[number] : 0
        case .search: return search
        case .feed: return feed
        default: return 0
        }
    }

    /// What `make` hashes: per actor and per briefing what other pages show of them, and per page over the
    /// whole site what it shows.
    struct Hashes {
        /// Per actor: id, name, kind and first roles, as briefing and actor pages show them.
        var actors: [String: UInt64]
        /// Per briefing slug: slug, title and date, as links to it show them.
        var links: [String: UInt64]
        /// Per briefing slug: its card on the home and tag pages.
        var cards: [String: UInt64]
        /// Per briefing in site order: its quotes with their speakers and cues, its slug, title and date.
        var quotes: [UInt64]
        /// The pages over the whole site.
        var pages: SiteSummaries
    }

    /// Every briefing and every actor hashed on every core, the hashes then combined in order.
    static func make(_ site: Site, actorIDs: [String]) -> Hashes {
        struct Shown: Sendable {
            /// Slug, title and date.
            var link: UInt64
            /// Its card on the home and tag pages.
            var card: UInt64
            /// Card fields with every key point, for the search index and feed.
            var all: UInt64
            /// Its quotes with speakers, title and date, for the quote index.
            var quotes: UInt64
        }
        let shown = concurrentMap(site.briefings, each: { briefing -> Shown in
            let source = briefing.source
            var link = StableHash()
            link.combine(briefing.slug)
            link.combine(source.title)
            link.combine(source.date ?? "\u{0}")
            var card = StableHash(seed: link.value)
            card.combine(source.summary ?? "\u{0}")
            card.combine(source.fictional ? 1 : 0)
            card.combine(source.tags)
            var all = card
            for point in briefing.keyPoints.prefix(3) { card.combine(point.text) }
            card.combine(briefing.articles.count)
            all.combine(briefing.keyPoints.count)
            for point in briefing.keyPoints { all.combine(point.text) }
            var quotes = StableHash()
            quotes.combine(briefing.slug)
            quotes.combine(source.title)
            quotes.combine(source.date ?? "\u{0}")
            var count = 0
            // By index: iterating would copy every article and quote, each string and list retained.
            for a in briefing.articles.indices {
                let (map, quoted) = (briefing.articles[a].actorMap, briefing.articles[a].extraction.quotes)
                quotes.combine(quoted.count)
                count += quoted.count
                for q in quoted.indices {
                    quotes.combine(quoted[q].text)
                    quotes.combine(quoted[q].cue ?? "\u{0}")
                    quotes.combine(quoted[q].speaker ?? "\u{0}")
                    quotes.combine(quoted[q].speakerId.flatMap { map[$0] } ?? "\u{0}")
                }
            }
            card.combine(count)
            return Shown(link: link.value, card: card.value, all: all.value, quotes: quotes.value)
        })
        let actorHashes = concurrentMap(actorIDs, each: { id -> (name: UInt64, shown: UInt64, listed: UInt64) in
            guard let actor = site.actors[id] else { return (0, 0, 0) }
            var name = StableHash()
            name.combine(id)
            name.combine(actor.name)
            var shown = StableHash(seed: name.value)
            shown.combine(actor.kind.rawValue)
            for role in actor.roles.prefix(3) { shown.combine(role) }
            var listed = StableHash(seed: name.value)
            listed.combine(actor.kind.rawValue)
            listed.combine(actor.roles)
            listed.combine(actor.aliases)
            listed.combine(actor.briefings.count)
            listed.combine(actor.quotes.count)
            listed.combine(actor.mentionCount)
            return (name.value, shown.value, listed.value)
        })
        var cards: [String: UInt64] = [:], links: [String: UInt64] = [:], shownActors: [String: UInt64] = [:]
        cards.reserveCapacity(site.briefings.count)
        links.reserveCapacity(site.briefings.count)
        shownActors.reserveCapacity(actorIDs.count)
        var home = StableHash(), quotes = StableHash(), actors = StableHash(), tags = StableHash()
        var feed = StableHash(), names = StableHash()
        for (position, (briefing, hashes)) in zip(site.briefings, shown).enumerated() {
            cards[briefing.slug] = hashes.card
            links[briefing.slug] = hashes.link
            home.combine(Int(truncatingIfNeeded: hashes.card))
            quotes.combine(Int(truncatingIfNeeded: hashes.quotes))
            if position < 50 { feed.combine(Int(truncatingIfNeeded: hashes.all)) }
        }
        for tag in site.tags {
            tags.combine(tag.slug)
            tags.combine(tag.name)
            tags.combine(tag.briefings.count)
        }
        actors.combine(actorHashes.count)
        for (id, (name, shown, listed)) in zip(actorIDs, actorHashes) {
            shownActors[id] = shown
            names.combine(Int(truncatingIfNeeded: name))
            actors.combine(Int(truncatingIfNeeded: listed))
        }
        home.combine(site.briefings.count)
        home.combine(Int(truncatingIfNeeded: tags.value))
        quotes.combine(Int(truncatingIfNeeded: names.value))
        let layout = SearchPage.layout(site, actors: actorIDs.count)
        let search = layout.map { part -> UInt64 in
            var hash = StableHash()
            switch part {
            case .briefings(let range):
                hash.combine(1)
                for index in range { hash.combine(Int(truncatingIfNeeded: shown[index].all)) }
            case .actors(let range):
                hash.combine(2)
                for index in range { hash.combine(Int(truncatingIfNeeded: actorHashes[index].listed)) }
            case .quotes(let range):
                hash.combine(3)
                hash.combine(Int(truncatingIfNeeded: names.value))
                for index in range { hash.combine(Int(truncatingIfNeeded: shown[index].quotes)) }
            }
            hash.combine(part.range.lowerBound)
            return hash.value
        }
        let pages = SiteSummaries(
            home: home.value, quotes: quotes.value, actorIndex: actors.value, tagIndex: tags.value,
            searchIndex: search, search: UInt64(layout.count), feed: feed.value)
        return Hashes(actors: shownActors, links: links, cards: cards, quotes: shown.map(\.quotes), pages: pages)
    }
}
