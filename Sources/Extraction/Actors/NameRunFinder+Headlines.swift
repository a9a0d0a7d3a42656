/// Names inside titles and title-case lines, where a capitalised run is not one name.
extension NameRunFinder {
    /// Gazetteer organisations and places among words `lo...hi` of a title, longest first.
    func knownNames(_ lo: Int, _ hi: Int) -> [NameMention] {
        var found: [NameMention] = []
        var k = lo
        while k <= hi {
            var matched = false
            for end in stride(from: min(hi, k + 3), through: k, by: -1) where words[end].isCapitalized {
                if let known = knownName(k, end, article: false) {
                    found.append(mention(k, end, runFirst: k, canonical: known.name, evidence: known.evidence))
                    k = end + 1
                    matched = true
                    break
                }
            }
            if !matched { k += 1 }
        }
        return found
    }

    /// In a headline only names the gazetteers or the article body confirm count; the caller merges the rest.
    func headlineMentions(_ lo: Int, _ hi: Int, known: Set<String>) -> [NameMention] {
        var found: [NameMention] = []
        var k = lo
        while k <= hi, isNeverName(words[k]) || words[k].cls.contains(.role) { k += 1 }
        // List lines ("Regina King, If Beale Street Could Talk"): a short run that opens with a given name is a person.
        if k < hi, hi - k <= 3, words[k].cls.contains(.firstName), !words[k].isAllCaps,
            !hasOrganizationWord(k, hi), knownName(k, hi, article: false) == nil,
            !(k...hi).contains(where: { isNeverName(words[$0]) })
        {
            var result = mention(k, hi, runFirst: k, canonical: nil, evidence: KindEvidence())
            result.evidence = nameEvidence(result, article: false)
            return [result]
        }
        while k <= hi {
            if isNeverName(words[k]) || words[k].cls.contains(.role) || words[k].cls.contains(.demonym) {
                k += 1
                continue
            }
            var matched = false
            for end in stride(from: min(hi, k + 3), through: k, by: -1) {
                if let gazetteered = knownName(k, end, article: false) {
                    found.append(mention(k, end, runFirst: k, canonical: gazetteered.name, evidence: gazetteered.evidence))
                } else if known.contains(keyOf(k, end)) {
                    var result = mention(k, end, runFirst: k, canonical: nil, evidence: KindEvidence())
                    result.evidence = nameEvidence(result, article: false)
                    found.append(result)
                } else {
                    continue
                }
                k = end + 1
                matched = true
                break
            }
            if matched { continue }
            // List lines ("Emily Blunt, Mary Poppins Returns"): a given name and the word after it.
            if k < hi, words[k].cls.contains(.firstName), !words[k].isAllCaps, words[k + 1].gap == .space,
                !isNeverName(words[k + 1]), k + 1 == hi || words[k + 2].gap != .space
            {
                var result = mention(k, k + 1, runFirst: k, canonical: nil, evidence: KindEvidence())
                result.evidence = nameEvidence(result, article: false)
                found.append(result)
                k += 2
                continue
            }
            k += 1
        }
        return found
    }

    /// Paragraphs that only credit the writers: "By Jane Doe", "Jane Doe and John Roe, The Associated Press".
    static func bylines(_ words: [ActorWord], keys: [String], text: ScalarText, gazetteer: Gazetteer) -> Set<Int> {
        var result: Set<Int> = []
        var start = 0
        while start < words.count {
            var end = start
            while end + 1 < words.count, words[end + 1].paragraph == words[start].paragraph { end += 1 }
            defer { start = end + 1 }
            guard end - start < 14 else { continue }
            if words[start].is(.by), words[start].text(text) == "By", end > start, words[start + 1].isCapitalized {
                result.insert(words[start].paragraph)
                continue
            }
            guard (start...end).allSatisfy({ words[$0].isCapitalized || words[$0].is(.and) }),
                let comma = (start...end).last(where: { words[$0].gap == .comma }), comma > start
            else { continue }
            var key = (comma...end).map { keys[Int(words[$0].id)] }.joined(separator: " ")
            if key.hasPrefix("the ") { key.removeFirst(4) }
            if gazetteer.organizations[key] != nil || gazetteer.organizations["the " + key] != nil {
                result.insert(words[start].paragraph)
            }
        }
        return result
    }
}
