/// Groups name mentions into actors: "Donald Trump", "Trump", "President Trump" become one; a bare surname that two
/// people share goes to whichever of them the article named last; gazetteer aliases ("U.S.") join their canonical
/// name. Each actor gets one kind, from the evidence of all its mentions.
struct AliasResolver {
    let gazetteer: Gazetteer

    /// One actor being assembled.
    struct Group {
        var tokens: [String]
        var mentions: [Int] = []
        var evidence = KindEvidence()
        var canonical: String?
        var mergedInto: Int?
    }

    /// What mentions of one group share: a gazetteer's canonical name, else the name's words without middle
    /// initials (word keys hold no spaces, so equal words are what equal joined keys were).
    private enum GroupKey: Hashable {
        case canonical(String)
        case words([String])
    }

    /// Actor groups over `mentions`; each mention index appears in exactly one group.
    func resolve(_ mentions: [NameMention]) -> [Group] {
        var groups: [Group] = []
        var byKey: [GroupKey: Int] = [:]
        // Sized up front: growing a dictionary rehashes every key it holds.
        byKey.reserveCapacity(mentions.count)
        groups.reserveCapacity(mentions.count)
        // Fields are read in place: copying a mention would retain and release each of its strings.
        for index in mentions.indices {
            let canonical = mentions[index].canonical
            let tokens = Self.reduced(mentions[index].tokens)
            let key = canonical.map(GroupKey.canonical) ?? .words(tokens)
            let g: Int
            if let existing = byKey[key] {
                g = existing
            } else {
                g = groups.count
                byKey[key] = g
                groups.append(Group(tokens: tokens, canonical: canonical))
            }
            groups[g].mentions.append(index)
            groups[g].evidence = groups[g].evidence + mentions[index].evidence
        }
        // Full names of people, by last word, for surname and given-name look-ups.
        var fullNamesByLast: [String: [Int]] = [:]
        var fullNamesByFirst: [String: [Int]] = [:]
        fullNamesByLast.reserveCapacity(groups.count)
        fullNamesByFirst.reserveCapacity(groups.count)
        for g in groups.indices
        where groups[g].canonical == nil && groups[g].tokens.count >= 2 && (isPerson(groups[g]) || isNameShaped(groups[g])) {
            if let last = groups[g].tokens.last { fullNamesByLast[last, default: []].append(g) }
            if let first = groups[g].tokens.first { fullNamesByFirst[first, default: []].append(g) }
        }
        var reassigned: [(mention: Int, group: Int)] = []
        for g in groups.indices where groups[g].canonical == nil || groups[g].tokens.count == 1 {
            let group = groups[g]
            var candidates: [Int] = []
            if group.tokens.count == 1 {
                // A surname merges into a person's full name; into an unclassified two-word name only when it is
                // spoken of as a person ("Woods said" next to "Tiger Woods").
                candidates = (fullNamesByLast[group.tokens[0]] ?? []).filter { isPerson(groups[$0]) || isPerson(group) }
                if candidates.isEmpty, gazetteer.firstNames[group.tokens[0]] != nil || isPerson(group) {
                    candidates = (fullNamesByFirst[group.tokens[0]] ?? []).filter { groups[$0].tokens.count == 2 }
                }
            } else if let last = group.tokens.last {
                // "Keith Kellogg" inside "Keith A. Kellogg" is handled by the grouping on `reduced` words; here: "Hussen" in "Ahmed D. Hussen".
                candidates = (fullNamesByLast[last] ?? []).filter {
                    $0 != g && groups[$0].tokens.count > group.tokens.count
                        && groups[$0].tokens.suffix(group.tokens.count).elementsEqual(group.tokens)
                }
            }
            if candidates.contains(g) { candidates.removeAll { $0 == g } }
            // "Jordan said" next to "Jordan Stewart": a place name used for a person merges only when spoken of as one.
            if isStronglyNotPerson(group), group.evidence.person < 1.5 { continue }
            if candidates.count == 1 {
                groups[g].mergedInto = candidates[0]
            } else if candidates.count > 1 {
                for m in group.mentions {
                    // "Mrs. Clinton" next to Bill and Hillary Clinton: only the one whose given name fits the title.
                    var fitting = candidates
                    let gender = mentions[m].gender
                    if gender != .unknown {
                        fitting = candidates.filter { c in
                            let given = groups[c].tokens.first.flatMap { gazetteer.firstNames[$0] } ?? .unknown
                            return given == .unknown || given == gender
                        }
                        if fitting.isEmpty { fitting = candidates }
                    }
                    reassigned.append((m, nearest(to: mentions[m].span.start, among: fitting, groups: groups, mentions: mentions)))
                }
                groups[g].mergedInto = -1
            }
        }
        // Fold merged groups into their targets.
        func root(_ start: Int) -> Int {
            var r = start
            var steps = 0
            while let next = groups[r].mergedInto, next >= 0, steps < groups.count { r = next; steps += 1 }
            return r
        }
        for g in groups.indices {
            guard let target = groups[g].mergedInto, target >= 0 else { continue }
            let r = root(target)
            groups[r].mentions += groups[g].mentions
            groups[r].evidence = groups[r].evidence + personal(groups[g].evidence, known: groups[g].canonical != nil)
        }
        for (m, target) in reassigned {
            let r = root(target)
            groups[r].mentions.append(m)
            groups[r].evidence = groups[r].evidence + personal(mentions[m].evidence, known: mentions[m].canonical != nil)
        }
        // Mentions are mostly in order already; sorting a shared array would copy it.
        return groups.filter { $0.mergedInto == nil }.map { group in
            var group = group
            if !Self.isAscending(group.mentions) { group.mentions.sort() }
            return group
        }
    }

    private static func isAscending(_ values: [Int]) -> Bool {
        guard values.count > 1 else { return true }
        for k in 1..<values.count where values[k] < values[k - 1] { return false }
        return true
    }

    /// Which of several people sharing a surname a bare surname means: the one named in full just before it (within
    /// about a sentence), else the one the article introduced first, who is usually the one it is about.
    private func nearest(to position: Int, among candidates: [Int], groups: [Group], mentions: [NameMention]) -> Int {
        var best = -1
        var bestDistance = 250
        var earliest = candidates[0]
        var earliestStart = Int.max
        for c in candidates {
            for m in groups[c].mentions {
                let start = mentions[m].span.start
                if start < earliestStart { earliestStart = start; earliest = c }
                if start <= position, position - start < bestDistance { bestDistance = position - start; best = c }
            }
        }
        return best >= 0 ? best : earliest
    }

    private func isPerson(_ group: Group) -> Bool { group.evidence.kind == .person }

    /// A gazetteer name merged into a person ("Hamilton" → "Bruce Hamilton") brings only its person evidence.
    private func personal(_ evidence: KindEvidence, known: Bool) -> KindEvidence {
        known ? KindEvidence(person: evidence.person) : evidence
    }

    /// An unclassified capitalised pair with nothing against it being a person's name ("Mikael Backlund").
    private func isNameShaped(_ group: Group) -> Bool {
        let e = group.evidence
        return e.kind == .other && e.organization < 2 && e.place < 2 && e.other < 2 && group.tokens.count <= 3
    }

    private func isStronglyNotPerson(_ group: Group) -> Bool {
        max(group.evidence.organization, group.evidence.place) >= 5 && group.evidence.person < 4
    }

    /// Name words without middle initials, so that "Donald J. Trump" and "Donald Trump" share a key.
    static func reduced(_ tokens: [String]) -> [String] {
        guard tokens.count >= 3 else { return tokens }
        let inner = tokens[1..<(tokens.count - 1)].filter { !($0.count <= 2 && $0.hasSuffix(".")) && $0.count > 1 }
        return [tokens[0]] + inner + [tokens[tokens.count - 1]]
    }
}
