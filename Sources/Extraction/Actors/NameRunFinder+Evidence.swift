/// Keys, gazetteer look-ups and the evidence a name's own words give about its kind.
extension NameRunFinder {
    // MARK: - Names and evidence

    /// "C.J.", "T.J.": initials standing for given names.
    static func isInitials(_ key: String) -> Bool {
        key.count >= 3 && key.count <= 5 && key.hasSuffix(".")
            && key.split(separator: ".").allSatisfy { $0.count == 1 }
    }

    /// Names in a "With files from …" credits sentence are the newsroom's, not the story's.
    func isInFilesFromCredit(_ index: Int) -> Bool {
        var k = index - 1
        let sentence = words[index].sentence
        while k >= 1, index - k < 14, words[k].sentence == sentence {
            if words[k].key == "files", words[k - 1].key == "with", k + 1 < words.count, words[k + 1].key == "from" {
                return true
            }
            k -= 1
        }
        return false
    }

    /// The look-up key of words `lo...hi`; possessives inside keep their "'s".
    func keyOf(_ lo: Int, _ hi: Int) -> String {
        var key = ""
        for k in lo...hi {
            if k > lo { key += " " }
            key += words[k].key
            if k < hi && words[k].isPossessive { key += "'s" }
        }
        return key
    }

    func knownName(_ key: String, article: Bool) -> (name: String, evidence: KindEvidence)? {
        if let org = gazetteer.organizations[key] ?? (article ? gazetteer.organizations["the " + key] : nil) {
            return (org, KindEvidence(organization: 8))
        }
        if let place = gazetteer.places[key] ?? (article ? gazetteer.places["the " + key] : nil) {
            return (place, KindEvidence(place: 8))
        }
        return nil
    }

    func mention(_ lo: Int, _ hi: Int, runFirst: Int, canonical: String?, evidence: KindEvidence) -> NameMention {
        var tokens: [String] = []
        for k in lo...hi { tokens.append(k < hi && words[k].isPossessive ? words[k].key + "'s" : words[k].key) }
        let name = text.string(words[lo].start, words[hi].end)
        let surface = runFirst < lo ? text.string(words[runFirst].start, words[hi].end) : nil
        return NameMention(
            firstWord: lo, lastWord: hi, runFirst: runFirst, span: TextSpan(words[lo].start, words[hi].end),
            name: name, tokens: tokens, surface: surface, evidence: evidence, canonical: canonical)
    }

    /// Evidence from the name's own words: given names, organisation words, acronyms.
    func nameEvidence(_ mention: NameMention, article: Bool) -> KindEvidence {
        var evidence = KindEvidence()
        let tokens = mention.tokens
        if let last = tokens.last, gazetteer.organizationWords.contains(last) {
            evidence.organization += 5
        } else if tokens.dropLast().contains(where: { gazetteer.organizationWords.contains($0) }) {
            evidence.organization += 3
        }
        let hasDigits = tokens.contains { $0.contains(where: \.isNumber) }
        let last = tokens.last ?? ""
        if hasDigits { evidence.other += 3 }
        if gazetteer.eventWords.contains(last) { evidence.other += 6 }
        if gazetteer.placeWords.contains(last), !gazetteer.organizationWords.contains(last) { evidence.place += 5 }
        let initials = Self.isInitials(tokens[0])
        if tokens.count >= 2, !hasDigits, gazetteer.firstNames[tokens[0]] != nil || initials,
            !words[mention.firstWord].isAllCaps
        {
            evidence.person += 2.5
            if tokens.count == 3, tokens[1].count == 2, tokens[1].hasSuffix(".") { evidence.person += 1 }
        }
        if tokens.count == 1, gazetteer.firstNames[last] != nil, !words[mention.firstWord].isAllCaps {
            evidence.person += 1
        }
        // Sports teams: a place and a plural ("Carolina Hurricanes", "Toronto Raptors").
        if tokens.count >= 2, last.hasSuffix("s"), !last.hasSuffix("ss"), gazetteer.firstNames[last] == nil,
            gazetteer.places[tokens.dropLast().joined(separator: " ")] != nil
        {
            evidence.organization += 6
        }
        if tokens.count == 1, words[mention.firstWord].isAllCaps, mention.name.count <= 6 { evidence.organization += 2.5 }
        // "Statistics Canada", "Infrastructure Canada": a country at the end of a longer name makes an institution.
        if tokens.count >= 2, gazetteer.countries.contains(words[mention.lastWord].text),
            gazetteer.firstNames[tokens[0]] == nil, gazetteer.places[mention.key] == nil
        {
            evidence.organization += 3
        }
        if article { evidence.organization += 1 }
        return evidence
    }
}
