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
    /// How many of a briefing's most-mentioned actors count as its leading names.
    var leadingCount = 12

    /// Assembles the site. `briefings` have their articles extracted and commentary built; their
    /// `actorMap`s and key points are filled in here.
    func assemble(config: SiteConfig, briefings input: [Briefing], warnings: [BuildWarning]) -> Site {
        assemble(config: config, briefings: input, warnings: warnings, seed: 0, reusing: nil).site
    }

    /// Assembles the site, taking the actors from `previous` when it was made from the same actors, quotes'
    /// speakers and briefing order (its fingerprint, seeded with `seed`, which must cover the registry, is
    /// equal) and it fits them. Returns the site, the actor assembly to keep for the next build, and whether
    /// that is `previous`. `beside` is called once, when what remains runs mostly on one core: the moment for a
    /// caller to start work of its own on another.
    func assemble(
        config: SiteConfig, briefings input: [Briefing], warnings: [BuildWarning], seed: UInt64, reusing previous: ActorAssembly?,
        stamps: [UInt64]? = nil, beside: () -> Void = {}
    ) -> (site: Site, assembly: ActorAssembly, reused: Bool) {
        let fingerprint = ActorAssembly.fingerprint(
            of: input, seed: seed, settings: [keyPointCount, relatedCount, leadingCount], stamps: stamps)
        if let previous, previous.fingerprint == fingerprint, previous.fits(input) {
            beside()
            var byID: [String: SiteActor] = [:]
            byID.reserveCapacity(previous.actors.count)
            for actor in previous.actors { byID[actor.id] = actor }
            // Only the shards `beside` started run beside this: the key points are chosen on every core.
            let plan = layout(input, onEveryCore: true)
            let briefings = Self.inSiteOrder(input, plan.order, maps: previous.maps)
            return (finish(config: config, briefings: briefings, layout: plan, actors: byID, warnings: warnings), previous, true)
        }
        // What the briefings alone decide is worked out beside the merge once its part on every core is done.
        var laidOut: (() -> Layout)?
        var merge = ActorMerger(registry: registry).merge(input) {
            laidOut = startBeside { [self] in layout(input) }
            beside()
        }
        // Actors in id order, found by position: updated in place while briefings are counted. Each is moved out
        // of the merge's table, not copied.
        let ids = StringOrder.sorted(Array(merge.actors.keys))
        var actors = ids.compactMap { merge.actors.removeValue(forKey: $0) }
        var position: [String: Int32] = [:]
        position.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() { position[id] = Int32(i) }
        let plan = laidOut?() ?? layout(input)
        let briefings = Self.inSiteOrder(input, plan.order, maps: merge.maps)

        // Briefings, mentions and quotes per actor: each briefing's found on every core, then added in order.
        let positions = position
        let found = concurrentMap(briefings) { briefing in
            var present: [Int32: Int] = [:]
            var quotes: [(actor: Int32, quote: QuoteRef)] = []
            // By index: iterating would copy every article, actor and quote, each string and list in it retained.
            for a in briefing.articles.indices {
                let map = briefing.articles[a].actorMap
                let actors = briefing.articles[a].extraction.actors
                for n in actors.indices {
                    guard let id = map[actors[n].id], let i = positions[id] else { continue }
                    present[i, default: 0] += actors[n].mentions.count
                }
                let quoted = briefing.articles[a].extraction.quotes
                for q in quoted.indices {
                    guard let local = quoted[q].speakerId, let id = map[local], let i = positions[id] else { continue }
                    quotes.append((i, QuoteRef(briefing: briefing.slug, article: a, index: q)))
                }
            }
            return (present: present.map { (actor: $0.key, mentions: $0.value) }, quotes: quotes)
        }
        var presence: [[(actor: Int32, mentions: Int)]] = []
        presence.reserveCapacity(briefings.count)
        for (briefing, part) in zip(briefings, found) {
            for (i, quote) in part.quotes { actors[Int(i)].quotes.append(quote) }
            for (i, count) in part.present {
                actors[Int(i)].mentionCount += count
                actors[Int(i)].briefings.append(briefing.slug)
            }
            presence.append(part.present)
        }
        relate(&actors, presence: presence)

        var byID: [String: SiteActor] = [:]
        byID.reserveCapacity(actors.count)
        for actor in actors { byID[actor.id] = actor }
        let assembly = ActorAssembly(fingerprint: fingerprint, actors: actors, maps: merge.maps)
        return (finish(config: config, briefings: briefings, layout: plan, actors: byID, warnings: warnings), assembly, false)
    }

    /// `briefings` in site order (`order`), each with its articles' actor maps from `maps` (by position in
    /// `briefings`): each briefing is copied once, on every core.
    private static func inSiteOrder(_ briefings: [Briefing], _ order: [Int], maps: [[ActorMap]]) -> [Briefing] {
        concurrentMap(order) { index in
            var briefing = briefings[index]
            for a in briefing.articles.indices { briefing.articles[a].actorMap = maps[index][a] }
            return briefing
        }
    }

    /// What the site takes from its briefings alone: their order, the key points of those that have none yet,
    /// and the tags.
    private struct Layout: Sendable {
        /// Positions in the briefings given, in site order.
        var order: [Int]
        /// By position in the briefings given, the key points chosen for a briefing that has none.
        var keyPoints: [[BriefingKeyPoint]?]
        /// Tags by slug, each with its briefings in site order.
        var tags: [Tag]
    }

    private func layout(_ briefings: [Briefing], onEveryCore: Bool = false) -> Layout {
        let order = Self.siteOrder(briefings)
        let choose = { @Sendable (briefing: Briefing) -> [BriefingKeyPoint]? in
            briefing.keyPoints.isEmpty ? self.keyPoints(for: briefing) : nil
        }
        let chosen = onEveryCore ? concurrentMap(briefings, each: choose) : briefings.map(choose)
        var tags: [String: Tag] = [:]
        for index in order {
            let briefing = briefings[index]
            for name in briefing.source.tags {
                let slug = Slug.make(name)
                tags[slug, default: Tag(slug: slug, name: name, briefings: [])].briefings.append(briefing.slug)
            }
        }
        return Layout(order: order, keyPoints: chosen, tags: tags.values.sorted { $0.slug < $1.slug })
    }

    /// Positions of `briefings` newest first, undated last, then by title and slug. Sorted by position: moving
    /// whole briefings about costs more than comparing them.
    private static func siteOrder(_ briefings: [Briefing]) -> [Int] {
        // The fields compared, taken out once: comparing briefings themselves would copy two per comparison.
        let keys = briefings.indices.map { (date: briefings[$0].source.date, title: briefings[$0].source.title, slug: briefings[$0].slug) }
        let order = keys.indices.sorted { i, j in
            let (lhs, rhs) = (keys[i], keys[j])
            switch (lhs.date, rhs.date) {
            case (let l?, let r?) where l != r: return l > r
            case (.some, nil): return true
            case (nil, .some): return false
            default: return (lhs.title, lhs.slug) < (rhs.title, rhs.slug)
            }
        }
        return order
    }

    /// The site from briefings in site order (`layout.order`) with their actor maps, and the site actors: key
    /// points and tags from `layout`.
    private func finish(
        config: SiteConfig, briefings input: consuming [Briefing], layout: Layout, actors: [String: SiteActor], warnings: [BuildWarning]
    ) -> Site {
        var briefings = consume input
        for (b, index) in layout.order.enumerated() {
            if let points = layout.keyPoints[index] { briefings[b].keyPoints = points }
        }
        return Site(config: config, briefings: briefings, actors: actors, tags: layout.tags, warnings: warnings)
    }

    /// Who appears with whom: for every actor, the actors most often among the leading names of the briefings
    /// they appear in. Counting only each briefing's leading names keeps the work linear in the site's size
    /// (a briefing adds at most `present × leading` pairs) and the result about prominent companions.
    /// `actors` are in id order; `presence` names them by position.
    private func relate(_ actors: inout [SiteActor], presence: [[(actor: Int32, mentions: Int)]]) {
        let mentions = actors.map(\.mentionCount)
        // Each briefing's leading names, found on every core; and for each actor, the briefings it is in.
        let limitLeading = leadingCount
        let leading = concurrentMap(presence) { present in
            present.sorted { ($0.mentions, $1.actor) > ($1.mentions, $0.actor) }.prefix(limitLeading).map(\.actor)
        }
        var presentIn = [[Int32]](repeating: [], count: actors.count)
        for (b, present) in presence.enumerated() {
            for member in present { presentIn[Int(member.actor)].append(Int32(b)) }
        }
        // Companions counted in one array indexed by actor, reset after each actor: linear in the pairs. Actors
        // are ranked in runs on every core, each with its own tally.
        let (ids, briefingsOf, limit) = (actors.map(\.id), presentIn, relatedCount)
        let chunk = max(1, (actors.count + 15) / 16)
        let runs = stride(from: 0, to: actors.count, by: chunk).map { $0..<min(actors.count, $0 + chunk) }
        let ranked = concurrentMap(runs) { range -> [[RelatedActor]?] in
            var tally = [Int](repeating: 0, count: ids.count)
            var seen: [Int32] = []
            return range.map { i -> [RelatedActor]? in
                for b in briefingsOf[i] {
                    for other in leading[Int(b)] where Int(other) != i {
                        if tally[Int(other)] == 0 { seen.append(other) }
                        tally[Int(other)] += 1
                    }
                }
                guard !seen.isEmpty else { return nil }
                var counted = seen.map { (id: $0, count: tally[Int($0)]) }
                for other in seen { tally[Int(other)] = 0 }
                seen.removeAll(keepingCapacity: true)
                counted.sort { ($0.count, mentions[Int($0.id)], $1.id) > ($1.count, mentions[Int($1.id)], $0.id) }
                return counted.prefix(limit).map { RelatedActor(id: ids[Int($0.id)], count: $0.count) }
            }
        }
        for (range, related) in zip(runs, ranked) {
            for (i, list) in zip(range, related) {
                if let list { actors[i].related = list }
            }
        }
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
            // Read where they lie: taking each article out would copy it, every string and list retained.
            for a in briefing.articles.indices where rank < briefing.articles[a].extraction.keyPoints.count {
                let point = briefing.articles[a].extraction.keyPoints[rank]
                points.append(BriefingKeyPoint(text: point.text, article: a, span: briefing.articles[a].extraction.sentences[point.sentence]))
                added = true
                if points.count == keyPointCount { break }
            }
            if !added { break }
            rank += 1
        }
        return points
    }
}

/// The part of an assembled site made from every briefing's actors: the site actors with their counts and
/// companions, and each article's map to them. The build cache keeps it, so that an edit that changes no
/// actor, no quote's speaker and no briefing's place in the site does not merge the actors again.
struct ActorAssembly: Sendable {
    /// A hash of everything it was made from.
    var fingerprint: UInt64
    /// Site actors in id order.
    var actors: [SiteActor]
    /// For each briefing in the order given to the assembler, for each article: extracted id → site actor id.
    var maps: [[ActorMap]]
    /// What the pages show of these actors, which only the actors, the maps and the briefings' slugs, titles
    /// and dates decide (all under the fingerprint); nil until the pages have been keyed once.
    var pages: ActorPageHashes? = nil

    /// Whether the maps fit `briefings` (in the order given to the assembler): one map per article. (The
    /// fingerprint says the assembly was made from them; the cache's own hash keeps a damaged one out.)
    func fits(_ briefings: [Briefing]) -> Bool {
        maps.count == briefings.count && zip(maps, briefings).allSatisfy { $0.count == $1.articles.count }
    }

    /// A hash, seeded with `seed`, of what the actors are made from: for each briefing in order, its slug, date
    /// and title, and for each article its extracted actors (names, kinds, roles, aliases, mention counts) and
    /// its quotes' speakers; `settings` are the assembler's counts. `stamps`, when given, are each briefing's
    /// `stamp(of:)`, worked out when it was prepared.
    static func fingerprint(of briefings: [Briefing], seed: UInt64, settings: [Int], stamps known: [UInt64]? = nil) -> UInt64 {
        let stamps = known?.count == briefings.count ? known ?? [] : concurrentMap(briefings, each: stamp)
        var hash = StableHash(seed: seed)
        for setting in settings { hash.combine(setting) }
        hash.combine(stamps.count)
        for stamp in stamps { hash.combine(Int(truncatingIfNeeded: stamp)) }
        return hash.value
    }

    /// One briefing's part of the fingerprint: its slug, date and title, its articles' extracted actors and its
    /// quotes' speakers.
    static func stamp(of briefing: Briefing) -> UInt64 {
        var hash = StableHash()
        hash.combine(briefing.slug)
        hash.combine(briefing.source.date ?? "\u{0}")
        hash.combine(briefing.source.title)
        hash.combine(briefing.articles.count)
        // By index: iterating would copy every article, actor and quote, each string and list in it retained.
        for a in briefing.articles.indices {
            let actors = briefing.articles[a].extraction.actors
            hash.combine(actors.count)
            for n in actors.indices {
                hash.combine(actors[n].id)
                hash.combine(actors[n].name)
                hash.combine(actors[n].kind.rawValue)
                hash.combine(actors[n].roles)
                hash.combine(actors[n].aliases)
                hash.combine(actors[n].mentions.count)
            }
            let quotes = briefing.articles[a].extraction.quotes
            hash.combine(quotes.count)
            for q in quotes.indices { hash.combine(quotes[q].speakerId ?? "\u{0}") }
        }
        return hash.value
    }
}

/// Hashes for page keys that depend on the site's actors alone, kept with them (`ActorAssembly.pages`) and
/// worked out again only when they change.
struct ActorPageHashes: Sendable, Equatable {
    /// For each briefing in site order, a hash of what its pages show of its actors.
    var briefings: [UInt64]
    /// For each actor in id order, a hash of what its page shows but its quotes' words: its fields, the links
    /// to its briefings, where its quotes are, and the actors related to it.
    var actors: [UInt64]
    /// For each actor in id order, the positions (in site order) of the briefings its quotes come from.
    var quoted: [[Int32]]

    /// Whether they are for a site of `briefings` briefings and `actors` actors, every quoted position in it.
    func fit(briefings: Int, actors: Int) -> Bool {
        self.briefings.count == briefings && self.actors.count == actors && quoted.count == actors
            && quoted.allSatisfy { $0.allSatisfy { (0..<Int32(clamping: briefings)).contains($0) } }
    }
}
