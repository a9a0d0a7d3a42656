/// "Immigration, Refugees and Citizenship Canada (IRCC)": an acronym in brackets after a name defines an alias.
/// The full name, which may hold commas and "and", becomes one organisation mention, and every use of the
/// acronym in the article joins it.
struct AcronymDefinitions {
    let text: ScalarText
    let words: [ActorWord]
    /// Word keys by id.
    let keys: [String]

    static let joiners: Set<String> = ["and", "of", "the", "for", "de", "du", "des", "on", "in"]

    /// `mentions` with each defined acronym and its full name sharing one canonical name.
    func apply(to mentions: [NameMention]) -> [NameMention] {
        var result = mentions
        var canonical: [String: String] = [:]
        var replaced: [(span: TextSpan, mention: NameMention)] = []
        for index in mentions.indices where mentions[index].tokens.count == 1 && words[mentions[index].firstWord].isAllCaps {
            let first = mentions[index].firstWord
            guard first > 0, words[first].marks.contains(.endsWithOpenBracket), let start = expansionStart(of: mentions[index])
            else { continue }
            let name = text.string(words[start].start, words[first - 1].end)
            canonical[mentions[index].tokens[0]] = name
            var long = NameMention(
                firstWord: start, lastWord: first - 1, runFirst: start,
                span: TextSpan(words[start].start, words[first - 1].end), name: name,
                tokens: (start...(first - 1)).map { keys[Int(words[$0].id)] }, surface: nil,
                evidence: KindEvidence(organization: 6))
            long.canonical = name
            replaced.append((long.span, long))
        }
        // Acronyms used without a bracketed definition: look for a name elsewhere whose initials spell them.
        // The search depends only on the acronym's letters (the acronym itself, all capitals, can never start an
        // expansion), so a spelling that failed once is not searched for again.
        var notFound: [String] = []
        for index in mentions.indices where mentions[index].tokens.count == 1 && words[mentions[index].firstWord].isAllCaps
            && mentions[index].canonical == nil && canonical[mentions[index].tokens[0]] == nil
        {
            guard !notFound.contains(mentions[index].name) else { continue }
            guard let (start, end) = forwardExpansion(of: mentions[index]) else {
                notFound.append(mentions[index].name)
                continue
            }
            let name = text.string(words[start].start, words[end].end)
            canonical[mentions[index].tokens[0]] = name
            var long = NameMention(
                firstWord: start, lastWord: end, runFirst: start, span: TextSpan(words[start].start, words[end].end),
                name: name, tokens: (start...end).map { keys[Int(words[$0].id)] }, surface: nil,
                evidence: KindEvidence(organization: 6))
            long.canonical = name
            replaced.append((long.span, long))
        }
        guard !canonical.isEmpty else { return mentions }
        // Mentions inside a full name give way to it.
        result.removeAll { m in replaced.contains { m.span.isInside($0.span) } }
        result += replaced.map(\.mention)
        for index in result.indices where result[index].tokens.count == 1 {
            if let name = canonical[result[index].tokens[0]] {
                result[index].canonical = name
                result[index].evidence.organization += 4
            }
        }
        return result.sorted { $0.span < $1.span }
    }

    /// The first place in the article where capitalised words (with joiners and commas) spell the acronym.
    private func forwardExpansion(of mention: NameMention) -> (Int, Int)? {
        let letters = Array(mention.name.unicodeScalars.filter(\.isUpper))
        guard letters.count >= 3, letters.count <= 8 else { return nil }
        var k = 0
        while k < words.count {
            defer { k += 1 }
            guard words[k].isCapitalized, text.scalars[words[k].start] == letters[0], k != mention.firstWord else {
                continue
            }
            var i = 0
            var j = k
            var last = k
            while i < letters.count, j < words.count, words[j].paragraph == words[k].paragraph {
                if j > k, words[j].gap != .space && words[j].gap != .comma { break }
                if i > 0, words[j].cls.contains(.acronymJoiner) { j += 1; continue }
                guard words[j].isCapitalized, !words[j].isAllCaps, text.scalars[words[j].start] == letters[i] else { break }
                last = j
                i += 1
                j += 1
            }
            if i == letters.count { return (k, last) }
        }
        return nil
    }

    /// The first word of the name whose initials spell the acronym, reading back from the bracket.
    private func expansionStart(of mention: NameMention) -> Int? {
        let letters = Array(mention.name.unicodeScalars.filter(\.isUpper))
        guard letters.count >= 2, letters.count <= 8 else { return nil }
        var i = letters.count - 1
        var k = mention.firstWord - 1
        var start: Int?
        while i >= 0, k >= 0, words[k].paragraph == words[mention.firstWord].paragraph {
            let w = words[k]
            if k + 1 < mention.firstWord, words[k + 1].gap != .space && words[k + 1].gap != .comma { break }
            if w.cls.contains(.acronymJoiner), start != nil {
                k -= 1
                continue
            }
            guard w.isCapitalized, text.scalars[w.start] == letters[i] else { break }
            start = k
            i -= 1
            k -= 1
        }
        return i < 0 ? start : nil
    }
}
