/// Which sentences are quotation without a speaker: a key point must say who says so, and the middle or end
/// of a longer quotation does not stand on its own.
struct QuoteCoverage {
    /// For each sentence, whether it is a bare quotation (no word outside the marks) or continues a
    /// quotation opened in an earlier sentence.
    let isBareQuote: [Bool]

    /// Coverage from the quotation marks in `text`, widened by any quotation spans found elsewhere (they
    /// know conventions such as `''…''` that plain mark-matching does not).
    init(text: ScalarText, sentences: [TextSpan], quotes: [ExtractedQuote], folded: FoldedText) {
        let marked = Self.markQuoted(text)
        var quoted = marked.quoted
        guard marked.any || !quotes.isEmpty else {
            isBareQuote = [Bool](repeating: false, count: sentences.count)
            return
        }
        for quote in quotes {
            let lower = max(0, quote.span.start)
            let upper = min(text.count, quote.span.end)
            if lower < upper { for i in lower..<upper { quoted[i] = true } }
        }
        isBareQuote = quoted.withUnsafeBufferPointer { quoted in
            folded.bytes.withUnsafeBufferPointer { folded in
                sentences.map { Self.isBare($0, count: text.count, quoted: quoted, folded: folded) }
            }
        }
    }

    private static func isBare(
        _ span: TextSpan, count: Int, quoted: UnsafeBufferPointer<Bool>, folded: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        guard span.start < span.end, span.end <= count else { return false }
        // Starts inside a quotation opened by an earlier sentence.
        if span.start > 0, quoted[span.start], quoted[span.start - 1] { return true }
        // A sentence that opens a quotation running on past its end is kept when it names who speaks
        // (`Gingrich said, “Trump is like a pirate.`): the words outside the marks below decide.
        var inside = 0
        var outside = 0
        var i = span.start
        while i < span.end {
            if FoldedText.isWordByte(folded[i]) {
                if quoted[i] { inside += 1 } else { outside += 1 }
                while i < span.end, FoldedText.isWordByte(folded[i]) { i += 1 }
            } else {
                i += 1
            }
        }
        return inside > 0 && outside == 0
    }

    /// Marks every scalar between an opening and a closing double quotation mark. State resets at each line
    /// end: a quotation running over paragraphs reopens its mark on every paragraph. The marks themselves and
    /// line ends are never marked; what lies between two of them is marked as one run when open.
    static func markQuoted(_ text: ScalarText) -> (quoted: [Bool], any: Bool) {
        var quoted = [Bool](repeating: false, count: text.count)
        var open = false
        var any = false
        quoted.withUnsafeMutableBufferPointer { marks in
            text.scalars.withUnsafeBufferPointer { scalars in
                var runStart = 0
                func closeRun(at end: Int) {
                    guard open, end > runStart else { return }
                    marks.baseAddress!.advanced(by: runStart).update(repeating: true, count: end - runStart)
                    any = true
                }
                for i in 0..<scalars.count {
                    let v = scalars[i].value
                    // Most scalars are none of the marks below, and belong to the run they are in.
                    if v != 0x22, v > 0x0D, v < 0x201C || v > 0x201D { continue }
                    let next: Bool
                    switch v {
                    case 0x0A, 0x0D: next = false
                    case 0x201C: next = true
                    case 0x201D: next = false
                    case 0x22: next = straightQuoteOpens(text, at: i, currentlyOpen: open)
                    default: continue
                    }
                    closeRun(at: i)
                    open = next
                    runStart = i + 1
                }
                closeRun(at: scalars.count)
            }
        }
        return (quoted, any)
    }

    /// A straight mark opens after a space or bracket and before a word, closes after a word and before a
    /// space or punctuation; only when the context says neither (or both) does it toggle, so one stray mark
    /// does not invert the rest of the paragraph.
    private static func straightQuoteOpens(_ text: ScalarText, at i: Int, currentlyOpen: Bool) -> Bool {
        let previous = text[safe: i - 1]
        let next = text[safe: i + 1]
        let afterGap = previous.map { $0.isSpace || "([{\u{2014}-".unicodeScalars.contains($0) } ?? true
        let beforeWord = next.map { !$0.isSpace } ?? false
        let afterWord = previous.map { !$0.isSpace } ?? false
        let beforeGap = next.map { $0.isSpace || !($0.isLetter || $0.isDigit) } ?? true
        let opening = afterGap && beforeWord
        let closing = afterWord && beforeGap
        if opening != closing { return opening }
        return !currentlyOpen
    }
}
