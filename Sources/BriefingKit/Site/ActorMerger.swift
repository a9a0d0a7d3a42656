import Extraction

/// Merges the actors of every article into site actors.
///
/// Names are compared case- and punctuation-insensitively. `actors.yml` renames, merges, re-kinds and
/// ignores. A person's middle initials do not split them ("Ilse K. Marova" = "Ilse Marova"), and a bare
/// surname (of a person, or of unknown kind) joins the one person of the site with that surname; when several
/// share it, it joins the one named in at least three times as many articles as any other ("Obama" → Barack Obama),
/// and otherwise stays apart. A surname written with a gendered title ("Mrs. Obama") is kept apart from the bare one
/// and joins only people whose names do not state the other gender. An `actors.yml` entry for the bare surname
/// keeps it apart.
struct ActorMerger: Sendable {
    var registry: ActorRegistry

    struct Result {
        /// Site actors by id, with names, kinds, roles and aliases; counts are left at zero.
        var actors: [String: SiteActor]
        /// For each briefing and article: extracted actor id → site actor id.
        var maps: [[ActorMap]]
    }

    private struct Cluster {
        var names: [String: Int] = [:]
        var kinds = KindWeights()
        var roles: [String: (name: String, count: Int)] = [:]
        var entry: ActorRegistry.Entry?
        /// Articles that name the cluster.
        var articles = 0
        /// The last article counted in `articles`, by its position among all articles.
        var lastArticle = -1
    }

    /// Weights by kind, in `ActorKind.allCases` order: four counters rather than a dictionary per cluster.
    private struct KindWeights {
        private var weights = (0, 0, 0, 0)

        subscript(kind: ActorKind) -> Int {
            get {
                switch kind {
                case .person: weights.0
                case .organization: weights.1
                case .place: weights.2
                case .other: weights.3
                }
            }
            set {
                switch kind {
                case .person: weights.0 = newValue
                case .organization: weights.1 = newValue
                case .place: weights.2 = newValue
                case .other: weights.3 = newValue
                }
            }
        }

        var total: Int { weights.0 + weights.1 + weights.2 + weights.3 }

        /// The kind with the most weight, the first in `allCases` on a tie; nil when none has any.
        var heaviest: ActorKind? {
            var best: ActorKind?
            for kind in ActorKind.allCases where self[kind] > 0 && self[kind] > (best.map { self[$0] } ?? 0) { best = kind }
            return best
        }
    }

    /// Merges the actors of `briefings`. `whenKeyed` is called once the part that runs on every core is done,
    /// for work the caller wants beside the rest, much of which runs on one.
    func merge(_ briefings: [Briefing], whenKeyed: () -> Void = {}) -> Result {
        // 1. A cluster for every key: registry entries first, then the name itself. Clusters live in an array
        //    and are found by key once per extracted actor, then updated in place.
        var clusters: [Cluster] = []
        var clusterKeys: [String] = []
        var clusterIndex: [String: Int] = [:]
        // Registry names and aliases by comparison key, built once.
        var registered: [String: ActorRegistry.Entry] = [:]
        for entry in registry.entries.reversed() {
            for name in entry.aliases + [entry.name] { registered[NameKey.make(name)] = entry }
        }
        // What each extracted actor alone decides (its key, entry and role keys), worked out on every core.
        let (lookup, ignored) = (registered, registry.ignored)
        let keyed = concurrentMap(briefings) { briefing in
            // By index: mapping the actors would hand each one over as a copy, every string and list retained.
            briefing.articles.indices.map { a in
                let actors = briefing.articles[a].extraction.actors
                return actors.indices.map { n in
                    Self.keyed(
                        name: actors[n].name, kind: actors[n].kind, aliases: actors[n].aliases, roles: actors[n].roles,
                        registered: lookup, ignored: ignored)
                }
            }
        }
        whenKeyed()
        func cluster(for keyed: Keyed) -> Int? {
            guard let key = keyed.key else { return nil }
            if let index = clusterIndex[key] {
                if let entry = keyed.entry, clusters[index].entry == nil { clusters[index].entry = entry }
                return index
            }
            clusterIndex[key] = clusters.count
            clusterKeys.append(key)
            clusters.append(Cluster(entry: keyed.entry))
            return clusters.count - 1
        }
        // The one pass that must run in order: clusters are numbered as their keys are first met. Each
        // extracted actor's cluster (-1 when ignored) is noted; the maps by extracted id are made afterwards on
        // every core.
        var indices: [[[Int]]] = []
        indices.reserveCapacity(briefings.count)
        var articleNumber = 0
        // By index throughout: iterating would copy every briefing, article and actor, on the one core.
        for b in briefings.indices {
            var briefingIndices: [[Int]] = []
            briefingIndices.reserveCapacity(briefings[b].articles.count)
            for a in briefings[b].articles.indices {
                let actors = briefings[b].articles[a].extraction.actors
                var articleIndices: [Int] = []
                articleIndices.reserveCapacity(actors.count)
                for n in actors.indices {
                    let keys = keyed[b][a][n]
                    guard let index = cluster(for: keys) else {
                        articleIndices.append(-1)
                        continue
                    }
                    if clusters[index].lastArticle != articleNumber {
                        clusters[index].lastArticle = articleNumber
                        clusters[index].articles += 1
                    }
                    articleIndices.append(index)
                    let weight = actors[n].mentions.count + 1
                    clusters[index].names[actors[n].name, default: 0] += weight
                    clusters[index].kinds[actors[n].kind] += weight
                    for (role, roleKey) in zip(actors[n].roles, keys.roleKeys) {
                        clusters[index].roles[roleKey, default: (role, 0)].count += 1
                    }
                    for alias in actors[n].aliases { clusters[index].names[alias, default: 0] += 0 }
                }
                briefingIndices.append(articleIndices)
                articleNumber += 1
            }
            indices.append(briefingIndices)
        }

        // 2. Bare surnames join the one multi-word person cluster with that surname, or the one that dominates.
        var bySurname: [Substring: [Int]] = [:]
        for (index, key) in clusterKeys.enumerated() where Self.dominantKind(clusters[index]) == .person {
            let words = key.split(separator: " ")
            if words.count >= 2, let last = words.last { bySurname[last, default: []].append(index) }
        }
        var redirect = Array(clusters.indices)
        for (index, key) in clusterKeys.enumerated() where !key.utf8.contains(0x20) && !key.hasPrefix("registry:") {
            let kind = Self.dominantKind(clusters[index])
            let parts = key.split(separator: "|")
            guard kind == .person || kind == .other, let surname = parts.first, let candidates = bySurname[surname] else { continue }
            // A titled surname joins only someone who may bear that title.
            let gender: NameGender? = parts.count > 1 ? (parts[1] == "f" ? .female : .male) : nil
            let owners = gender.map { g in candidates.filter { Self.gender(of: clusters[$0]) != g.opposite } } ?? candidates
            guard let owner = Self.dominant(owners, articles: { clusters[$0].articles }) else { continue }
            redirect[index] = owner
            let source = clusters[index]
            for (name, count) in source.names { clusters[owner].names[name, default: 0] += count }
            for (role, value) in source.roles { clusters[owner].roles[role, default: (value.name, 0)].count += value.count }
            clusters[owner].kinds[.person] += source.kinds.total
        }

        // 3. Site actors with unique ids, made in the order of their keys. What each takes from its cluster alone
        //    (name, kind, roles, aliases) is worked out on every core; ids are then made unique in that order.
        var idForCluster = [String?](repeating: nil, count: clusters.count)
        var actors: [String: SiteActor] = [:]
        actors.reserveCapacity(clusters.count)
        let owners = redirect
        let order = StringOrder.sortedIndices(clusterKeys).filter { owners[$0] == $0 }
        let merged = clusters
        let made = concurrentMap(order) { index in Self.siteActor(merged[index]) }
        for (index, var actor) in zip(order, made) {
            if actors[actor.id] != nil {
                var n = 2
                while actors["\(actor.id)-\(n)"] != nil { n += 1 }
                actor.id = "\(actor.id)-\(n)"
            }
            idForCluster[index] = actor.id
            actors[actor.id] = actor
        }
        let ids = idForCluster
        // Extracted id → site id; a repeated extracted id takes its last actor's, as a dictionary filled in order would.
        // By index: pairing briefings with their clusters would copy every briefing, article and actor.
        let clustersOf = indices
        let maps = concurrentMap(Array(briefings.indices)) { b in
            briefings[b].articles.indices.map { a in
                let actors = briefings[b].articles[a].extraction.actors
                let clusterOf = clustersOf[b][a]
                var map: [String: String] = [:]
                map.reserveCapacity(clusterOf.count)
                for n in clusterOf.indices where clusterOf[n] >= 0 {
                    map[actors[n].id] = ids[owners[clusterOf[n]]]
                }
                return ActorMap(map)
            }
        }
        return Result(actors: actors, maps: maps)
    }

    /// The site actor a cluster makes, its id the slug of its name (not yet made unique); counts are left at zero.
    private static func siteActor(_ cluster: Cluster) -> SiteActor {
        let name = cluster.entry?.name ?? canonicalName(cluster)
        let roles = cluster.roles.values.sorted { ($0.count, $1.name) > ($1.count, $0.name) }.map(\.name)
        let extraRoles = (cluster.entry?.roles ?? []).filter { role in !roles.contains { NameKey.make($0) == NameKey.make(role) } }
        let aliases = Set(cluster.names.keys).union(cluster.entry?.aliases ?? []).subtracting([name]).sorted()
        return SiteActor(
            id: Slug.make(name), name: name, kind: cluster.entry?.kind ?? dominantKind(cluster), roles: extraRoles + roles,
            aliases: aliases, description: cluster.entry?.description, url: cluster.entry?.url, briefings: [],
            mentionCount: 0, quotes: [], related: [])
    }

    /// What merging needs of one extracted actor that it alone decides: its cluster key (nil when `actors.yml`
    /// ignores it), its registry entry, and the comparison keys of its roles.
    private struct Keyed: Sendable {
        var key: String?
        var entry: ActorRegistry.Entry?
        var roleKeys: [String]
    }

    /// The cluster key is the registry entry's name when the actor's name or an alias is registered, else
    /// `personKey`, marked with the gender a title states when it is a bare surname ("Mrs. Obama" and "Mr.
    /// Obama" are different people).
    /// (The actor's fields are handed over one by one: the actor itself would be copied, every list retained.)
    private static func keyed(
        name: String, kind: ActorKind, aliases: [String], roles: [String], registered: [String: ActorRegistry.Entry],
        ignored: Set<String>
    ) -> Keyed {
        let nameKey = NameKey.make(name)
        if ignored.contains(nameKey) { return Keyed(key: nil, entry: nil, roleKeys: []) }
        let entry =
            registered.isEmpty ? nil : registered[nameKey] ?? aliases.lazy.compactMap({ registered[NameKey.make($0)] }).first
        var key = entry.map { "registry:" + NameKey.make($0.name) } ?? personKey(kind: kind, nameKey: nameKey)
        if entry == nil, kind == .person, !key.utf8.contains(0x20), let gender = titleGender(aliases: aliases) {
            key += gender == .female ? "|f" : "|m"
        }
        return Keyed(key: key, entry: entry, roleKeys: roles.map(NameKey.make))
    }

    /// The merge key of an extracted actor from its normalised name `key`: the name without a person's middle initials.
    static func personKey(kind: ActorKind, nameKey key: String) -> String {
        guard kind == .person else { return key }
        // Most names have one or two words: counted before anything is split.
        var spaces = 0
        for byte in key.utf8 where byte == 0x20 { spaces += 1 }
        guard spaces >= 2 else { return key }
        let words = key.split(separator: " ")
        guard words.count >= 3 else { return key }
        let kept = [words[0]] + words.dropFirst().dropLast().filter { $0.count > 1 } + [words[words.count - 1]]
        return kept.joined(separator: " ")
    }

    /// The gender the titles of a bare surname state ("Mrs. Obama"), when they agree.
    static func titleGender(aliases: [String]) -> NameGender? {
        let genders = Set(aliases.compactMap { NameGender(of: $0) })
        return genders.count == 1 ? genders.first : nil
    }

    /// The gender most of a person cluster's names state (titles, given names), if any.
    private static func gender(of cluster: Cluster) -> NameGender? {
        var male = 0
        var female = 0
        for (name, count) in cluster.names {
            switch NameGender(of: name) {
            case .male?: male += count + 1
            case .female?: female += count + 1
            case nil: break
            }
        }
        return male > female ? .male : female > male ? .female : nil
    }

    /// The one owner of a surname, or the owner named in at least three times as many articles as any other.
    static func dominant(_ owners: [Int], articles: (Int) -> Int) -> Int? {
        guard owners.count > 1 else { return owners.first }
        let ranked = owners.map { (owner: $0, articles: articles($0)) }.sorted { $0.articles > $1.articles }
        return ranked[0].articles >= 3 * max(ranked[1].articles, 1) ? ranked[0].owner : nil
    }

    private static func dominantKind(_ cluster: Cluster) -> ActorKind {
        cluster.kinds.heaviest ?? .other
    }

    /// The most used multi-word form, else the most used form; ties go to the longer, then alphabetical.
    private static func canonicalName(_ cluster: Cluster) -> String {
        let candidates = cluster.names.filter { $0.value > 0 }
        let multiWord = candidates.filter { $0.key.utf8.contains(0x20) }
        let pool = multiWord.isEmpty ? candidates : multiWord
        return pool.max { lhs, rhs in
            (lhs.value, lhs.key.count, rhs.key) < (rhs.value, rhs.key.count, lhs.key)
        }?.key ?? cluster.names.keys.sorted().first ?? "Unknown"
    }
}
