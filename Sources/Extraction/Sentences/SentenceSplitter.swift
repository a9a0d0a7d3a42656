/// Splits news text into sentences.
public struct SentenceSplitter: Sendable {
    /// Creates a splitter.
    public init() {}

    /// Sentence spans in text order, trimmed of white space; a line break always ends a sentence, so headlines,
    /// datelines and captions without a full stop are sentences of their own.
    public func split(_ text: ScalarText) -> [TextSpan] {
        split(text, paragraphs: text.paragraphSpans())
    }

    /// The same over `text.paragraphSpans()` already worked out (the extractor shares them with the quote finder).
    func split(_ text: ScalarText, paragraphs: [TextSpan]) -> [TextSpan] {
        var sentences: [TextSpan] = []
        sentences.reserveCapacity(text.count / 80 + 4)
        for line in paragraphs {
            splitLine(text, line, into: &sentences)
        }
        return sentences
    }

    private func splitLine(_ text: ScalarText, _ line: TextSpan, into sentences: inout [TextSpan]) {
        let s = text.scalars
        let markers = ListMarkers.find(in: text, line: line)
        var nextMarker = 0
        var start = line.start
        var i = line.start

        func emit(_ end: Int) {
            let span = text.trimmed(TextSpan(start, end))
            if span.length > 0 { sentences.append(span) }
        }

        while i < line.end {
            // A list marker or a bullet inside the line opens a new item; the marker's full stop is not an end.
            if nextMarker < markers.count, markers[nextMarker].start == i {
                // A bullet before the marker belongs to the same item ("• 9. The first item").
                if i > start, !s[start..<i].allSatisfy({ $0.isBullet || $0.isSpace }) {
                    emit(i)
                    start = i
                }
                i = markers[nextMarker].end
                nextMarker += 1
                continue
            }
            let c = s[i]
            // Letters, digits and spaces are neither terminators nor bullets.
            guard c.mayEndSentenceOrItem else {
                i += 1
                continue
            }
            if c.isBullet, i > start, s[i - 1].isSpace {
                emit(i)
                start = i
                i += 1
                continue
            }
            guard c.isTerminator else {
                i += 1
                continue
            }
            let decision = boundary(text, at: i, line: line)
            if let end = decision.end, end > start {
                emit(end)
                start = end
            }
            i = max(decision.resume, i + 1)
        }
        emit(line.end)
    }

    /// Where a sentence ends for the terminator at `index`: `end` is one past the sentence's last scalar, nil when
    /// the terminator does not end a sentence; `resume` is where scanning goes on.
    private func boundary(_ text: ScalarText, at index: Int, line: TextSpan) -> (end: Int?, resume: Int) {
        let s = text.scalars
        let c = s[index]
        let attached = index > line.start && !s[index - 1].isSpace && !s[index - 1].isOpeningBracket
        let isDotRun = c == "." && index + 1 < line.end && s[index + 1] == "."
        if c.value == 0x2026 || isDotRun || (c == "." && !attached) {
            return ellipsisBoundary(text, at: index, line: line, attached: attached)
        }
        let end = closersEnd(text, from: index, limit: line.end)
        guard end < line.end, s[end].isSpace else { return (nil, end) }
        let next = text.skipSpaces(from: end, limit: line.end)
        guard next < line.end else { return (nil, end) }
        if c != "." {
            return (opensSentence(text, at: next, line: line) ? end : nil, next)
        }
        // A full stop followed by a detached ellipsis: the sentence ends here and the ellipsis opens the next
        // one when a capital follows it ("compounds. . . . The practice").
        if s[next] == "." || s[next].value == 0x2026 {
            let after = text.skipSpaces(from: dotGroupEnd(text, from: next, limit: line.end).end, limit: line.end)
            return (after < line.end && s[after].isUpper ? end : nil, next)
        }
        // A quotation mark or bracket closing after the full stop ends the sentence even after an abbreviation
        // or an initial ("… your presenter Mr P." "Never …").
        if end > index + 1, !s[end - 1].isTerminator {
            return (opensSentence(text, at: next, line: line) ? end : nil, next)
        }
        return (fullStopEnds(text, at: index, next: next, line: line) ? end : nil, next)
    }

    /// Whether the full stop at `index` ends a sentence, given the first scalar `next` after the spaces.
    private func fullStopEnds(_ text: ScalarText, at index: Int, next: Int, line: TextSpan) -> Bool {
        let s = text.scalars
        guard opensSentence(text, at: next, line: line) else { return false }
        // The token before the full stop: letters, digits and inner dots ("U.S", "100.00", "Jan", "N°").
        var tokenStart = index
        while tokenStart > line.start {
            let p = s[tokenStart - 1]
            guard p.isLetter || p.isDigit || p == "." || p.value == 0xB0 else { break }
            tokenStart -= 1
        }
        guard tokenStart < index else { return true }
        let first = s[tokenStart]
        let nextIsDigit = s[next].isDigit
        // One letter: an initial ("David L. Stern"), the pronoun I ("you and I. Did") or a page ("p. 55"); the
        // "s" of a possessive ("St. Mark's.") is the end of a word.
        if index - tokenStart == 1, first.isLetter {
            if tokenStart > line.start, s[tokenStart - 1] == "'" || s[tokenStart - 1].value == 0x2019 { return true }
            if first.isLower { return !nextIsDigit && startsWithOpener(text, at: next, line: line) }
            let previous = previousWordStart(text, before: tokenStart, floor: line.start)
            let previousIsLower = previous.map { s[$0].isLower } ?? false
            if first == "I", previousIsLower { return true }
            return previousIsLower && startsWithOpener(text, at: next, line: line)
        }
        var hasInnerDot = false
        var hasLetter = false
        for k in tokenStart..<index {
            if s[k] == "." { hasInnerDot = true } else if s[k].isLetter { hasLetter = true }
        }
        guard hasLetter else { return true }  // a number: "$100.00. It"
        guard let key = text.asciiKey(tokenStart, index) ?? degreeKey(text, tokenStart, index) else { return true }
        if hasInnerDot {
            if let kind = Abbreviations.kind(of: key, capitalized: first.isUpper), kind == .never { return false }
            guard isInitialism(text, tokenStart, index) else { return true }
            // "U.S. How" ends a sentence, "U.S. Government" does not; "a.m. Mr. Smith" does not either.
            if first.isUpper, let word = text.asciiWord(at: next, limit: line.end),
                Abbreviations.honorificOpeners.contains(word)
            {
                return true
            }
            return startsWithOpener(text, at: next, line: line)
        }
        guard let kind = Abbreviations.kind(of: key, capitalized: first.isUpper) else { return true }
        switch kind {
        case .title, .never: return false
        case .number: return !nextIsDigit
        case .month: return !nextIsDigit && startsWithOpener(text, at: next, line: line)
        case .general: return startsWithOpener(text, at: next, line: line)
        }
    }

    /// "N°" is written with a degree sign; it is the only non-ASCII abbreviation worth knowing.
    private func degreeKey(_ text: ScalarText, _ start: Int, _ end: Int) -> String? {
        end - start == 2 && (text.scalars[start] == "N" || text.scalars[start] == "n")
            && text.scalars[start + 1].value == 0xB0
            ? "n°" : nil
    }

    /// Whether `start..<end` is letters separated by dots, one or two letters each ("U.S", "a.m", "Ph.D").
    private func isInitialism(_ text: ScalarText, _ start: Int, _ end: Int) -> Bool {
        var run = 0
        for k in start..<end {
            if text.scalars[k] == "." {
                if run == 0 { return false }
                run = 0
            } else if text.scalars[k].isLetter {
                run += 1
                if run > 2 { return false }
            } else {
                return false
            }
        }
        return run > 0
    }

    /// Whether the text at `next` can open a sentence: a capital, a digit, an opening mark or bracket, a bullet.
    private func opensSentence(_ text: ScalarText, at next: Int, line: TextSpan) -> Bool {
        let c = text.scalars[next]
        if c.isUpper || c.isDigit || c.isQuoteMark || c.isOpeningBracket || c.isBullet { return true }
        if c.isLower || c.isDash || c.isTerminator || c == "," || c == ";" || c == ":" { return false }
        // Letters without case (CJK and others) and symbols such as "$" or "£" may open a sentence.
        return !c.isClosingBracket
    }

    /// Whether the word at `next` is a typical sentence opener ("The", "It", "However"), or an opening mark.
    private func startsWithOpener(_ text: ScalarText, at next: Int, line: TextSpan) -> Bool {
        let c = text.scalars[next]
        if c.isQuoteMark || c.isOpeningBracket { return true }
        guard c.isUpper, let word = text.asciiWord(at: next, limit: line.end) else { return false }
        return Abbreviations.sentenceOpeners.contains(word)
    }

    /// The start of the word before `index` (skipping spaces and punctuation), or nil at the line start.
    private func previousWordStart(_ text: ScalarText, before index: Int, floor: Int) -> Int? {
        var j = index
        while j > floor, !text.scalars[j - 1].isLetter { j -= 1 }
        guard j > floor else { return nil }
        return text.wordStart(endingAt: j, floor: floor)
    }

    /// One past the terminators, closing quotation marks and closing brackets that follow `index`.
    private func closersEnd(_ text: ScalarText, from index: Int, limit: Int) -> Int {
        var j = index
        while j < limit {
            let c = text.scalars[j]
            let closes =
                c.isTerminator || c.isClosingBracket || c == "\"" || c == "'" || c.value == 0x201D || c.value == 0x2019
                || c.value == 0xBB || c.value == 0x203A
            guard closes else { break }
            j += 1
        }
        return j
    }

    /// The end of a run of dots, spaced (". . .") or not ("..."), and how many dots it holds.
    private func dotGroupEnd(_ text: ScalarText, from index: Int, limit: Int) -> (end: Int, dots: Int) {
        let s = text.scalars
        var j = index
        var dots = 0
        while j < limit {
            if s[j] == "." || s[j].value == 0x2026 {
                dots += s[j].value == 0x2026 ? 3 : 1
                j += 1
            } else if s[j] == " ", j + 1 < limit, s[j + 1] == "." || s[j + 1].value == 0x2026 {
                j += 1
            } else {
                break
            }
        }
        return (j, dots)
    }

    /// Ellipses: one attached to a word ends the sentence before a capital ("that.... She"); a detached one is an
    /// omission inside the sentence ("is . . . I didn't") unless it carries a fourth dot, the full stop.
    private func ellipsisBoundary(_ text: ScalarText, at index: Int, line: TextSpan, attached: Bool)
        -> (end: Int?, resume: Int)
    {
        let s = text.scalars
        let groupEnd: Int
        let dots: Int
        if attached {
            var j = index
            var count = 0
            while j < line.end, s[j] == "." || s[j].value == 0x2026 {
                count += s[j].value == 0x2026 ? 3 : 1
                j += 1
            }
            (groupEnd, dots) = (j, count)
        } else {
            (groupEnd, dots) = dotGroupEnd(text, from: index, limit: line.end)
        }
        // "[...]" and "(...)" mark omissions inside a sentence.
        if index > line.start, s[index - 1].isOpeningBracket { return (nil, groupEnd) }
        let end = closersEnd(text, from: groupEnd, limit: line.end)
        guard end < line.end, s[end].isSpace else { return (nil, end) }
        let next = text.skipSpaces(from: end, limit: line.end)
        guard next < line.end, s[next].isUpper || s[next].isQuoteMark, attached || dots >= 4 else { return (nil, next) }
        return (end, next)
    }
}
