/// Pairs the quotation marks of each paragraph into quoted stretches. Paragraphs are handled one by one so that
/// an unbalanced mark costs at most its own paragraph: a quotation still open at the end of a paragraph ends
/// there (news style repeats the opening mark on each paragraph of a long quotation and closes only the last).
struct QuotePairer {
    let text: ScalarText
    let sentences: [TextSpan]
    /// `text.paragraphSpans()`, when the caller has them already.
    var paragraphs: [TextSpan]? = nil

    /// A quoted stretch and, for one nested inside another of a different mark style, its outer stretch.
    private struct Candidate {
        var quote: QuoteSpan
        var outer: Int? = nil
        var dropped = false
    }

    /// Where the pairing of a paragraph stands.
    private struct State {
        var outer: QuoteMark?
        var outerContent = 0
        var inner: QuoteMark?
        var innerContent = 0
        /// Nested quotations emitted while the outer one is open, settled when it ends.
        var nested: [Int] = []
    }

    /// Every quoted stretch, in text order, before any judgement on whether it is a quotation.
    func pair() -> [QuoteSpan] {
        var candidates: [Candidate] = []
        var marks: [QuoteMark] = []
        // The quotation left open at the end of the previous paragraph, judged once this paragraph is seen.
        var carried: (index: Int, family: Bool)?
        let singleMarks = QuoteMarkScanner.usesSingleMarks(text)
        for paragraph in paragraphs ?? text.paragraphSpans() {
            marks.removeAll(keepingCapacity: true)
            QuoteMarkScanner.marks(in: text, paragraph: paragraph, singleMarks: singleMarks, into: &marks)
            if let open = carried, singleMarks {
                // Single marks are read strictly: an open one runs on only into a paragraph that reopens it.
                let reopens = marks.first.map {
                    $0.role == .open && text.skipSpaces(from: paragraph.start, limit: paragraph.end) == $0.span.start
                }
                if reopens != true { candidates[open.index].dropped = true }
            } else if let open = carried {
                // A quotation runs on only into a paragraph that reopens it with the same kind of mark or that
                // closes it. A paragraph reopening with another kind shows that the open mark set off something
                // else, such as an excerpt of another publication: drop it and keep the quotations inside it.
                if let first = marks.first, first.role == .open, first.isCurly != open.family,
                    text.skipSpaces(from: paragraph.start, limit: paragraph.end) == first.span.start
                {
                    candidates[open.index].dropped = true
                }
            }
            carried = pairParagraph(
                paragraph, marks: marks, carried: carried != nil, into: &candidates)
        }
        if let open = carried, singleMarks { candidates[open.index].dropped = true }
        // A stretch left open that holds double marks of the other kind is an excerpt or a block of text, not
        // one person's words: the nested stretches are the quotations. (A closed one stands and swallows them.)
        for k in candidates.indices {
            if let outer = candidates[k].outer { candidates[outer].dropped = true }
        }
        var quotes = candidates.filter { !$0.dropped }.map(\.quote)
        // Nested quotations are emitted before the outer one that holds them.
        quotes.sort { $0.span < $1.span }
        return quotes
    }

    /// Pairs one paragraph's marks; returns the quotation left open at its end, if any.
    private func pairParagraph(
        _ paragraph: TextSpan, marks: [QuoteMark], carried: Bool,
        into candidates: inout [Candidate]
    ) -> (index: Int, family: Bool)? {
        var state = State()
        var lastMarkEnd = paragraph.start
        let paragraphStart = text.skipSpaces(from: paragraph.start, limit: paragraph.end)

        @discardableResult
        func emit(_ start: Int, _ end: Int, opening: QuoteMark?, closing: QuoteMark?, continues: Bool = false) -> Int? {
            let span = text.trimmed(TextSpan(start, end))
            guard hasWords(span) else { return nil }
            let startsParagraph = (opening?.span.start ?? span.start) <= paragraphStart
            let style = opening?.style ?? closing?.style ?? .straight
            let quote = QuoteSpan(
                span: span, paragraph: paragraph, openingMark: opening?.span, closingMark: closing?.span, style: style,
                startsParagraph: startsParagraph, continuesPreviousParagraph: carried && startsParagraph,
                continuesIntoNextParagraph: continues, isPartial: isPartial(span))
            candidates.append(Candidate(quote: quote))
            return candidates.count - 1
        }

        // Nested quotations inside a closed quotation are part of it and go; inside one left open (or that lost
        // its closing mark) they are linked to it, and it gives way to them.
        func settleNested(outer: Int?, closed: Bool) {
            for k in state.nested {
                if closed && outer != nil { candidates[k].dropped = true } else { candidates[k].outer = outer }
            }
            state.nested.removeAll()
        }

        for (k, mark) in marks.enumerated() {
            defer { lastMarkEnd = mark.span.end }
            guard let outer = state.outer else {
                if mark.role == .close {
                    // A closing mark with nothing open: this paragraph continues the previous one's quotation
                    // without repeating the mark, or the opening mark is missing; recover from the first sentence
                    // after the last mark, and give up when no sentence starts there. (A single mark with nothing
                    // open is more likely an apostrophe.)
                    if mark.style == .single {
                        continue
                    } else if k == 0 && carried {
                        emit(paragraph.start, mark.span.start, opening: nil, closing: mark)
                    } else if let start = recoveryStart(after: lastMarkEnd, before: mark.span.start, first: k == 0) {
                        emit(start, mark.span.start, opening: nil, closing: mark)
                    }
                } else {
                    state.outer = mark
                    state.outerContent = mark.span.end
                }
                continue
            }
            if let inner = state.inner {
                if mark.isCurly == inner.isCurly, mark.role != .open || !mark.isClearOpener {
                    if let index = emit(state.innerContent, mark.span.start, opening: inner, closing: mark) {
                        state.nested.append(index)
                    }
                    state.inner = nil
                    continue
                }
                if mark.isCurly == outer.isCurly { state.inner = nil }  // badly nested: the outer closes first
            }
            if mark.role == .open, mark.isClearOpener {
                if mark.isCurly != outer.isCurly, state.inner == nil {
                    // Another kind of mark inside an open quotation: a quotation nested in it.
                    state.inner = mark
                    state.innerContent = mark.span.end
                } else {
                    // The same kind of mark opening again: the first quotation lost its closing mark
                    // ("… to do. “It really …”"). End it here and start again.
                    let index = emit(state.outerContent, mark.span.start, opening: outer, closing: nil)
                    settleNested(outer: index, closed: false)
                    state = State(outer: mark, outerContent: mark.span.end)
                }
            } else {
                let index = emit(state.outerContent, mark.span.start, opening: outer, closing: mark)
                settleNested(outer: index, closed: true)
                state = State()
            }
        }
        guard let outer = state.outer else { return nil }
        let index = emit(state.outerContent, paragraph.end, opening: outer, closing: nil, continues: true)
        settleNested(outer: index, closed: false)
        return index.map { ($0, outer.isCurly) }
    }

    /// The start of the first sentence that begins at or after `floor` and before `limit`; with no such sentence,
    /// `floor` when it is the paragraph's first mark (the whole paragraph up to the closing mark), else nil.
    private func recoveryStart(after floor: Int, before limit: Int, first: Bool) -> Int? {
        var lo = 0
        var hi = sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sentences[mid].start < floor { lo = mid + 1 } else { hi = mid }
        }
        if lo < sentences.count, sentences[lo].start < limit { return sentences[lo].start }
        return first ? floor : nil
    }

    /// Whether the quoted stretch starts inside a sentence of the writer rather than at a sentence start.
    private func isPartial(_ span: TextSpan) -> Bool {
        if text.scalars[span.start].isLower { return true }
        var lo = 0
        var hi = sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sentences[mid].end <= span.start { lo = mid + 1 } else { hi = mid }
        }
        guard lo < sentences.count, sentences[lo].start <= span.start else { return false }
        // Only marks, brackets, dashes and ellipses between the sentence start and the quotation: it opens it.
        for k in sentences[lo].start..<span.start {
            let c = text.scalars[k]
            if !(c.isQuoteMark || c.isSpace || c.isOpeningBracket || c.isDash || c == "." || c.value == 0x2026) {
                return true
            }
        }
        return false
    }

    /// Whether a span holds at least one letter or digit.
    private func hasWords(_ span: TextSpan) -> Bool {
        guard span.length > 0 else { return false }
        for k in span.start..<span.end where text.scalars[k].isLetter || text.scalars[k].isDigit { return true }
        return false
    }
}
