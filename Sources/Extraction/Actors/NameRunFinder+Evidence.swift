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
            if words[k].is(.files), words[k - 1].is(.with), k + 1 < words.count, words[k + 1].is(.from) {
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
            key += keys[Int(words[k].id)]
            if k < hi && words[k].isPossessive { key += "'s" }
        }
        return key
    }

    /// The known organisation or place that words `lo...hi` name (after "the" when `article`), if any. Only runs
    /// whose first word starts some known name are looked up.
    func knownName(_ lo: Int, _ hi: Int, article: Bool) -> (name: String, evidence: KindEvidence)? {
        let first = words[lo].cls
        guard first.contains(.knownStart) || (article && first.contains(.knownStartAfterThe)) else { return nil }
        return knownName(keyOf(lo, hi), article: article)
    }

    /// The place that words `lo...hi` name, without "the".
    func placeName(_ lo: Int, _ hi: Int) -> String? {
        guard words[lo].cls.contains(.knownStart) else { return nil }
        return gazetteer.places[keyOf(lo, hi)]
    }

    /// The lists the key of word `k` is on as a token of a name ending at word `last`: a possessive inside a name
    /// keeps its "'s" ("king's"), so its own key's lists do not apply.
    func tokenClass(_ k: Int, last: Int) -> WordClass {
        k < last && words[k].isPossessive ? gazetteer.wordClass(keys[Int(words[k].id)] + "'s") : words[k].cls
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
        tokens.reserveCapacity(hi - lo + 1)
        for k in lo...hi {
            let key = keys[Int(words[k].id)]
            tokens.append(k < hi && words[k].isPossessive ? key + "'s" : key)
        }
        let name = text.string(words[lo].start, words[hi].end)
        let surface = runFirst < lo ? text.string(words[runFirst].start, words[hi].end) : nil
        return NameMention(
            firstWord: lo, lastWord: hi, runFirst: runFirst, span: TextSpan(words[lo].start, words[hi].end),
            name: name, tokens: tokens, surface: surface, evidence: evidence, canonical: canonical)
    }

    /// Evidence from the name's own words: given names, organisation words, acronyms. `mention` must come from
    /// `mention(_:_:runFirst:canonical:evidence:)`, so that its tokens are the keys of its words.
    func nameEvidence(_ mention: NameMention, article: Bool) -> KindEvidence {
        var evidence = KindEvidence()
        let lo = mention.firstWord
        let hi = mention.lastWord
        let tokens = mention.tokens
        let lastClass = words[hi].cls
        let firstClass = tokenClass(lo, last: hi)
        if lastClass.contains(.organizationWord) {
            evidence.organization += 5
        } else if (lo..<hi).contains(where: { tokenClass($0, last: hi).contains(.organizationWord) }) {
            evidence.organization += 3
        }
        let hasDigits = (lo...hi).contains { words[$0].shape.contains(.keyHasNumber) }
        let last = tokens.last ?? ""
        if hasDigits { evidence.other += 3 }
        if lastClass.contains(.eventWord) { evidence.other += 6 }
        if lastClass.contains(.placeWord), !lastClass.contains(.organizationWord) { evidence.place += 5 }
        let initials = tokens[0].utf8.last == 0x2E && Self.isInitials(tokens[0])
        if tokens.count >= 2, !hasDigits, firstClass.contains(.firstName) || initials,
            !words[mention.firstWord].isAllCaps
        {
            evidence.person += 2.5
            if tokens.count == 3, tokens[1].count == 2, tokens[1].hasSuffix(".") { evidence.person += 1 }
        }
        if tokens.count == 1, lastClass.contains(.firstName), !words[mention.firstWord].isAllCaps {
            evidence.person += 1
        }
        // Sports teams: a place and a plural ("Carolina Hurricanes", "Toronto Raptors").
        if tokens.count >= 2, last.hasSuffix("s"), !last.hasSuffix("ss"), !lastClass.contains(.firstName),
            words[lo].cls.contains(.knownStart), gazetteer.places[tokens.dropLast().joined(separator: " ")] != nil
        {
            evidence.organization += 6
        }
        if tokens.count == 1, words[mention.firstWord].isAllCaps, mention.name.count <= 6 { evidence.organization += 2.5 }
        // "Port of Rotterdam", "Port of Spain" aside (a listed city): the authority that runs a port.
        if tokens.count >= 3, tokens[0] == "port", words[lo + 1].is(.of) { evidence.organization += 6 }
        // "Statistics Canada", "Infrastructure Canada": a country at the end of a longer name makes an institution.
        if tokens.count >= 2, lastClass.contains(.place), gazetteer.countries.contains(words[mention.lastWord].text(text)),
            !firstClass.contains(.firstName), placeName(lo, hi) == nil
        {
            evidence.organization += 3
        }
        if article { evidence.organization += 1 }
        return evidence
    }
}
