/// Tells a reported quotation from the other things news text puts between quotation marks: titles of works
/// and shows, nicknames, names of plans and laws, words used at a distance (scare quotes), transcript turns.
struct QuoteClassifier {
    let text: ScalarText
    let sentences: [TextSpan]

    /// The longest fragment that needs a reporting word nearby to count as a quotation.
    static let maxUnattributedFragmentWords = 8
    /// How far (in scalars) from its marks a reporting word is looked for.
    static let cueReach = 300
    /// The longest stretch that can be a title or a name.
    static let maxTitleWords = 8

    /// Whether `quote` reports somebody's words.
    func isQuotation(_ quote: QuoteSpan) -> Bool {
        let words = text.wordCount(quote.span)
        if isTranscriptTurn(quote.span) || isBracketedAside(quote.span) { return false }
        guard let opening = quote.openingMark else { return true }
        if words <= 3, isNickname(quote.span, opening: opening, closing: quote.closingMark) { return false }
        if followsNamingPhrase(opening.start, floor: quote.paragraph.start) { return false }
        if words <= Self.maxTitleWords, isTitleCased(quote.span) {
            if followsPossessive(opening.start, floor: quote.paragraph.start)
                || followsWorkWord(opening.start, floor: quote.paragraph.start)
            {
                return false
            }
            // “Broad City” star, ''Leave'' campaign: a capitalised name put before a noun.
            if words <= 4, let closing = quote.closingMark, modifiesFollowingNoun(quote.span, closing: closing) {
                return false
            }
        }
        // A short fragment inside the writer's sentence is somebody's words only when the sentence reports speech
        // ("called the plan “unrealistic”"); otherwise it is a scare quote or a term ("an online “road map”").
        if quote.isPartial, words <= Self.maxUnattributedFragmentWords, !isSentenceForm(quote.span, words: words),
            !followsColon(opening.start, floor: quote.paragraph.start),
            !followsObjectAs(opening.start, floor: quote.paragraph.start), !sentenceHasCue(around: quote)
        {
            return false
        }
        return true
    }

    // MARK: - Shapes of the quoted text

    /// "WALLACE: Let's start…": a transcript turn with its speaker's name inside the marks.
    private func isTranscriptTurn(_ span: TextSpan) -> Bool {
        var k = span.start
        var capitals = 0
        while k < span.end, k - span.start < 30 {
            let c = text.scalars[k]
            if c == ":" { return capitals >= 2 }
            if c.isLower || c.isDigit { return false }
            if c.isUpper { capitals += 1 }
            k += 1
        }
        return false
    }

    /// "(CROSSTALK.)": nothing but a bracketed aside.
    private func isBracketedAside(_ span: TextSpan) -> Bool {
        let s = text.scalars
        guard s[span.start].isOpeningBracket else { return false }
        var end = span.end
        while end > span.start, s[end - 1] == "." || s[end - 1] == "," { end -= 1 }
        guard end > span.start + 1, s[end - 1].isClosingBracket else { return false }
        for k in (span.start + 1)..<(end - 1) where s[k].isOpeningBracket || s[k].isClosingBracket { return false }
        return true
    }

    /// Every word capitalised but the small ones ("Contract with America", "13th", "Face the Nation").
    private func isTitleCased(_ span: TextSpan) -> Bool {
        var k = span.start
        var first = true
        var sawWord = false
        while k < span.end {
            let c = text.scalars[k]
            guard c.isLetter || c.isDigit else {
                k += 1
                continue
            }
            let end = text.wordEnd(from: k, limit: span.end)
            if !(c.isUpper || c.isDigit) {
                if first { return false }
                guard let key = text.asciiHash(k, end), QuoteLexicon.titleSmallWords.contains(key) else { return false }
            }
            first = false
            sawWord = true
            k = end
        }
        return sawWord
    }

    /// A full sentence of three words or more: capitalised and ending with a terminator.
    private func isSentenceForm(_ span: TextSpan, words: Int) -> Bool {
        guard words >= 3, text.scalars[span.start].isUpper else { return false }
        var end = span.end
        while end > span.start, text.scalars[end - 1].isQuoteMark || text.scalars[end - 1].isClosingBracket { end -= 1 }
        return end > span.start
            && (text.scalars[end - 1] == "." || text.scalars[end - 1] == "?" || text.scalars[end - 1] == "!")
    }

    // MARK: - What surrounds the marks

    /// Rob “Ford” Smith: one to three capitalised words between two parts of a name.
    private func isNickname(_ span: TextSpan, opening: TextSpan, closing: TextSpan?) -> Bool {
        guard let closing else { return false }
        let s = text.scalars
        var k = span.start
        while k < span.end {
            if s[k].isLetter {
                guard s[k].isUpper else { return false }
                k = text.wordEnd(from: k, limit: span.end)
            } else {
                k += 1
            }
        }
        // Before: "Cris “" or "C. “"; after: "” Justino".
        let b = opening.start - 1
        guard b >= 1, s[b] == " " else { return false }
        var w = b
        if s[w - 1] == "." { w -= 1 }
        let wordStart = text.wordStart(endingAt: w, floor: 0)
        guard wordStart < w, s[wordStart].isUpper, wordStart == 0 || !s[wordStart - 1].isLetter else { return false }
        let a = closing.end
        guard a + 2 < text.count, s[a] == " ", s[a + 1].isUpper, s[a + 2].isLower else { return false }
        return true
    }

    /// The word that ends before `index` in the paragraph (punctuation and marks skipped): where it starts and
    /// the hash of its lower-cased form (0 when it is not ASCII).
    private func previousWord(before index: Int, floor: Int) -> (start: Int, hash: UInt64)? {
        var k = index
        while k > floor, !(text.scalars[k - 1].isLetter || text.scalars[k - 1].isDigit) { k -= 1 }
        guard k > floor else { return nil }
        var start = k
        while start > floor {
            let p = text.scalars[start - 1]
            let joiner =
                (p == "-" || p == "'" || p.value == 0x2019) && start - 1 > floor && text.scalars[start - 2].isLetter
            guard p.isLetter || p.isDigit || joiner else { break }
            start -= 1
        }
        return (start, text.asciiHash(start, k) ?? 0)
    }

    /// Hashes of the lower-cased words before `index` in the paragraph, nearest first, at most `limit` of them.
    private func wordsBefore(_ index: Int, floor: Int, limit: Int) -> [UInt64] {
        var words: [UInt64] = []
        words.reserveCapacity(limit)
        var k = index
        while words.count < limit, let word = previousWord(before: k, floor: floor) {
            words.append(word.hash)
            k = word.start
        }
        return words
    }

    /// "known as “…”", "the so-called “…”", "the nickname “…”".
    private func followsNamingPhrase(_ index: Int, floor: Int) -> Bool {
        var words = wordsBefore(index, floor: floor, limit: 4)
        if words.first == QuoteLexicon.the { words.removeFirst() }
        for phrase in QuoteLexicon.namingPhrases where phrase.count <= words.count {
            if zip(phrase.reversed(), words).allSatisfy({ $0 == $1 }) { return true }
        }
        return false
    }

    /// "CBS's “Face the Nation”", "DuVernay’s “13th”": a title after a possessive name.
    private func followsPossessive(_ index: Int, floor: Int) -> Bool {
        let s = text.scalars
        var j = index
        while j > floor, s[j - 1].isSpace { j -= 1 }
        guard j - 2 > floor else { return false }
        let isApostrophe: (Unicode.Scalar) -> Bool = { $0 == "'" || $0.value == 0x2019 }
        let wordEnd: Int
        if isApostrophe(s[j - 1]), s[j - 2] == "s" || s[j - 2] == "S" {
            wordEnd = j - 1  // "CBS’", "Reuters'"
        } else if s[j - 1] == "s", isApostrophe(s[j - 2]) {
            wordEnd = j - 2
        } else {
            return false
        }
        let start = text.wordStart(endingAt: wordEnd, floor: floor)
        return start < wordEnd && s[start].isUpper
    }

    /// "the documentary “13th”", "the book, “…”", "an ad titled “…”".
    private func followsWorkWord(_ index: Int, floor: Int) -> Bool {
        wordsBefore(index, floor: floor, limit: 3).contains { QuoteLexicon.workWords.contains($0) }
    }

    /// "pounding Trump as a “con artist”", "introduced him as “a fighter”": someone characterised in the
    /// speaker's words. A verb right before "as" ("acted as", "billed as") names a role or a title instead.
    private func followsObjectAs(_ index: Int, floor: Int) -> Bool {
        var word = previousWord(before: index, floor: floor)
        if let article = word, QuoteLexicon.articles.contains(article.hash) {
            word = previousWord(before: article.start, floor: floor)
        }
        guard let asWord = word, asWord.hash == QuoteLexicon.asWord,
            let object = previousWord(before: asWord.start, floor: floor)
        else { return false }
        if QuoteLexicon.objectPronouns.contains(object.hash) { return true }
        // A capitalised word inside the sentence is a name ("going after Trump as").
        guard text.scalars[object.start].isUpper else { return false }
        let before = text.skipSpacesBackward(from: object.start, floor: floor)
        return before > floor && !text.scalars[before - 1].isTerminator
    }

    /// Whether the quotation ends without punctuation and its closing mark is followed by a lower-case word that
    /// is neither a function word nor a reporting word: the quoted words name the thing that word stands for.
    private func modifiesFollowingNoun(_ span: TextSpan, closing: TextSpan) -> Bool {
        let s = text.scalars
        guard s[span.end - 1].isLetter || s[span.end - 1].isDigit else { return false }
        let k = closing.end
        guard k + 1 < text.count, s[k] == " ", s[k + 1].isLower else { return false }
        let end = text.wordEnd(from: k + 1, limit: text.count)
        guard let hash = text.asciiHash(k + 1, end) else { return false }
        return !QuoteLexicon.functionWords.contains(hash) && !QuoteLexicon.cueWords.contains(hash)
    }

    /// "message: “…”": a colon introduces quoted words.
    private func followsColon(_ index: Int, floor: Int) -> Bool {
        let j = text.skipSpacesBackward(from: index, floor: floor)
        return j > floor && text.scalars[j - 1] == ":"
    }

    /// Whether the sentences around the quotation hold a reporting word outside the quotation.
    private func sentenceHasCue(around quote: QuoteSpan) -> Bool {
        let first = sentenceIndex(containing: quote.span.start)
        let last = sentenceIndex(containing: max(quote.span.start, quote.span.end - 1))
        let start = first.map { sentences[$0].start } ?? quote.paragraph.start
        let end = last.map { sentences[$0].end } ?? quote.paragraph.end
        let outer = TextSpan(quote.openingMark?.start ?? quote.span.start, quote.closingMark?.end ?? quote.span.end)
        // The search is bounded so that many quotations in one very long sentence stay linear; a reporting word
        // further away than this belongs to another clause anyway.
        let before = TextSpan(max(min(start, outer.start), outer.start - Self.cueReach), outer.start)
        let after = TextSpan(outer.end, min(max(end, outer.end), outer.end + Self.cueReach))
        return hasCue(in: before) || hasCue(in: after)
    }

    private func hasCue(in range: TextSpan) -> Bool {
        var k = range.start
        while k < range.end {
            let c = text.scalars[k]
            guard c.isLetter, k == 0 || !text.scalars[k - 1].isLetter else {
                k += 1
                continue
            }
            let end = text.wordEnd(from: k, limit: range.end)
            if end - k >= 3, let key = text.asciiHash(k, end), QuoteLexicon.cueWords.contains(key) { return true }
            k = end
        }
        return false
    }

    private func sentenceIndex(containing offset: Int) -> Int? {
        var lo = 0
        var hi = sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sentences[mid].end <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < sentences.count && sentences[lo].start <= offset ? lo : nil
    }
}
