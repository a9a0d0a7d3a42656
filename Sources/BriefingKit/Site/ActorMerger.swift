import Extraction

/// Merges the actors of every article into site actors.
///
/// Names are compared case- and punctuation-insensitively. `actors.yml` renames, merges, re-kinds and
/// ignores. A person's middle initials do not split them ("Ilse K. Marova" = "Ilse Marova"), and a bare
/// surname joins the one person of the site with that surname, but stays apart when there are several.
struct ActorMerger: Sendable {
    var registry: ActorRegistry

    struct Result {
        /// Site actors by id, with names, kinds, roles and aliases; counts are left at zero.
        var actors: [String: SiteActor]
        /// For each briefing and article: extracted actor id → site actor id.
        var maps: [[[String: String]]]
    }

    private struct Cluster {
        var names: [String: Int] = [:]
        var kinds: [ActorKind: Int] = [:]
        var roles: [String: (name: String, count: Int)] = [:]
        var entry: ActorRegistry.Entry?
    }

    func merge(_ briefings: [Briefing]) -> Result {
        // 1. A key for every name: registry entries first, then the name itself.
        var clusters: [String: Cluster] = [:]
        // Registry names and aliases by comparison key, built once.
        var registered: [String: ActorRegistry.Entry] = [:]
        for entry in registry.entries.reversed() {
            for name in entry.aliases + [entry.name] { registered[NameKey.make(name)] = entry }
        }
        func clusterKey(for actor: ExtractedActor) -> (String, ActorRegistry.Entry?)? {
            if registry.isIgnored(actor.name) { return nil }
            if !registered.isEmpty,
                let entry = registered[NameKey.make(actor.name)] ?? actor.aliases.lazy.compactMap({ registered[NameKey.make($0)] }).first
            {
                return ("registry:" + NameKey.make(entry.name), entry)
            }
            return (Self.personKey(actor), nil)
        }
        var keys: [[[String: String]]] = []
        for briefing in briefings {
            var briefingKeys: [[String: String]] = []
            for article in briefing.articles {
                var articleKeys: [String: String] = [:]
                for actor in article.extraction.actors {
                    guard let (key, entry) = clusterKey(for: actor) else { continue }
                    articleKeys[actor.id] = key
                    // Updated in place: a copy of the cluster would copy its dictionaries on every mention.
                    if let entry, clusters[key]?.entry == nil { clusters[key, default: Cluster()].entry = entry }
                    clusters[key, default: Cluster()].names[actor.name, default: 0] += actor.mentions.count + 1
                    clusters[key, default: Cluster()].kinds[actor.kind, default: 0] += actor.mentions.count + 1
                    for role in actor.roles {
                        clusters[key, default: Cluster()].roles[NameKey.make(role), default: (role, 0)].count += 1
                    }
                    for alias in actor.aliases { clusters[key, default: Cluster()].names[alias, default: 0] += 0 }
                }
                briefingKeys.append(articleKeys)
            }
            keys.append(briefingKeys)
        }

        // 2. Bare surnames join the one multi-word person cluster with that surname.
        var bySurname: [String: Set<String>] = [:]
        for (key, cluster) in clusters where Self.dominantKind(cluster) == .person {
            let words = key.split(separator: " ")
            if words.count >= 2, let last = words.last { bySurname[String(last), default: []].insert(key) }
        }
        var redirect: [String: String] = [:]
        for (key, cluster) in clusters where !key.contains(" ") && !key.hasPrefix("registry:") {
            guard Self.dominantKind(cluster) == .person || Self.dominantKind(cluster) == .other,
                let owners = bySurname[key], owners.count == 1, let owner = owners.first
            else { continue }
            redirect[key] = owner
            var target = clusters[owner] ?? Cluster()
            for (name, count) in cluster.names { target.names[name, default: 0] += count }
            for (role, value) in cluster.roles { target.roles[role, default: (value.name, 0)].count += value.count }
            target.kinds[.person, default: 0] += cluster.kinds.values.reduce(0, +)
            clusters[owner] = target
            clusters[key] = nil
        }

        // 3. Site actors with unique ids.
        var idForKey: [String: String] = [:]
        var actors: [String: SiteActor] = [:]
        for key in clusters.keys.sorted() {
            guard let cluster = clusters[key] else { continue }
            let name = cluster.entry?.name ?? Self.canonicalName(cluster)
            var id = Slug.make(name)
            if actors[id] != nil {
                var n = 2
                while actors["\(id)-\(n)"] != nil { n += 1 }
                id = "\(id)-\(n)"
            }
            idForKey[key] = id
            let roles = cluster.roles.values.sorted { ($0.count, $1.name) > ($1.count, $0.name) }.map(\.name)
            let extraRoles = (cluster.entry?.roles ?? []).filter { role in !roles.contains { NameKey.make($0) == NameKey.make(role) } }
            let aliases = Set(cluster.names.keys).union(cluster.entry?.aliases ?? []).subtracting([name]).sorted()
            actors[id] = SiteActor(
                id: id, name: name, kind: cluster.entry?.kind ?? Self.dominantKind(cluster), roles: extraRoles + roles,
                aliases: aliases, description: cluster.entry?.description, url: cluster.entry?.url, briefings: [],
                mentionCount: 0, quotes: [], related: [])
        }
        let maps = keys.map { briefing in
            briefing.map { article in
                article.compactMapValues { key in idForKey[redirect[key] ?? key] }
            }
        }
        return Result(actors: actors, maps: maps)
    }

    /// The merge key of an extracted actor: its normalised name, without a person's middle initials.
    static func personKey(_ actor: ExtractedActor) -> String {
        let key = NameKey.make(actor.name)
        guard actor.kind == .person else { return key }
        let words = key.split(separator: " ")
        guard words.count >= 3 else { return key }
        let kept = [words[0]] + words.dropFirst().dropLast().filter { $0.count > 1 } + [words[words.count - 1]]
        return kept.joined(separator: " ")
    }

    private static func dominantKind(_ cluster: Cluster) -> ActorKind {
        cluster.kinds.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? .other
    }

    /// The most used multi-word form, else the most used form; ties go to the longer, then alphabetical.
    private static func canonicalName(_ cluster: Cluster) -> String {
        let candidates = cluster.names.filter { $0.value > 0 }
        let multiWord = candidates.filter { $0.key.contains(" ") }
        let pool = multiWord.isEmpty ? candidates : multiWord
        return pool.max { lhs, rhs in
            (lhs.value, lhs.key.count, rhs.key) < (rhs.value, rhs.key.count, lhs.key)
        }?.key ?? cluster.names.keys.sorted().first ?? "Unknown"
    }
}
