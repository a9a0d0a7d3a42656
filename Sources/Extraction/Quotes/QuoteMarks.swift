/// A double quotation mark found in a paragraph, with the side it can stand on.
struct QuoteMark {
    /// What the mark can do, judged from its glyph and from what touches it.
    enum Role {
        case open, close, either
    }

    /// The mark's scalars (two for '' and ‘’).
    var span: TextSpan
    var style: QuoteMarkStyle
    var role: Role

    /// A clear opener: white space or the paragraph start before, a word after.
    var isClearOpener: Bool

    /// Curly marks and the others (straight, doubled apostrophes) are the two kinds that nest in each other.
    var isCurly: Bool { style == .curly }
}

/// Finds the quotation marks of a paragraph. In a text with double marks, single marks are apostrophes or
/// quotations nested inside a double one and only their doubled form ('' or ‘’) counts; a text without any
/// double mark quotes with single marks (British style), read strictly so that apostrophes never count.
enum QuoteMarkScanner {
    /// Whether `text` has no double quotation mark at all (nor a doubled apostrophe standing for one).
    static func usesSingleMarks(_ text: ScalarText) -> Bool {
        var previousSingle = false
        for c in text.scalars {
            if c.value < 0x22 || (c.value > 0x27 && c.value < 0x60) {
                previousSingle = false
                continue
            }
            if c.isDoubleQuoteMark { return false }
            let single = c.isSingleQuoteMark
            if single && previousSingle { return false }
            previousSingle = single
        }
        return true
    }

    /// The marks of `paragraph` in text order; markup tags (`<tweet author="…">`) are skipped. With
    /// `singleMarks`, single marks that clearly open or close a quotation count too.
    static func marks(
        in text: ScalarText, paragraph: TextSpan, singleMarks: Bool = false, into marks: inout [QuoteMark]
    ) {
        let s = text.scalars
        var i = paragraph.start
        while i < paragraph.end {
            let c = s[i]
            // Most scalars are letters and spaces: skip them with one comparison or two.
            guard c.mayStartMarkOrTag else {
                i += 1
                continue
            }
            if c == "<", let tagEnd = tagEnd(text, from: i, limit: paragraph.end) {
                i = tagEnd
                continue
            }
            if c == "\"", isInchMark(text, at: i, floor: paragraph.start) {
                i += 1
                continue
            }
            if c.isDoubleQuoteMark {
                let style: QuoteMarkStyle =
                    c == "\"" || c.value == 0xFF02
                    ? .straight : (c.value == 0x201C || c.value == 0x201D ? .curly : .other)
                marks.append(mark(text, TextSpan(i, i + 1), style: style, glyph: c, paragraph: paragraph))
                i += 1
                continue
            }
            if c.isSingleQuoteMark {
                var j = i + 1
                while j < paragraph.end, s[j].isSingleQuoteMark { j += 1 }
                if j - i >= 2 {
                    // A run of three is a nested single mark beside the double one: the double mark is the pair
                    // on the outer side ("'''Tis" opens with the first two, "lives.'''" closes with the last two).
                    let closing = i > paragraph.start && !s[i - 1].isSpace && (j == paragraph.end || !s[j].isLetter)
                    let span = closing ? TextSpan(j - 2, j) : TextSpan(i, i + 2)
                    marks.append(mark(text, span, style: .doubledApostrophe, glyph: "\"", paragraph: paragraph))
                } else if singleMarks, let single = singleMark(text, at: i, paragraph: paragraph) {
                    marks.append(single)
                }
                i = j
                continue
            }
            i += 1
        }
    }

    /// A single mark that opens a quotation (space or bracket before, a letter after) or closes one (a comma or
    /// full stop before it, or punctuation or the paragraph end after it); apostrophes (don’t, players’ union,
    /// the ’90s) are neither.
    private static func singleMark(_ text: ScalarText, at index: Int, paragraph: TextSpan) -> QuoteMark? {
        let s = text.scalars
        let before: Unicode.Scalar? = index > paragraph.start ? s[index - 1] : nil
        let after: Unicode.Scalar? = index + 1 < paragraph.end ? s[index + 1] : nil
        let span = TextSpan(index, index + 1)
        let openSide = before.map { $0.isSpace || $0.isOpeningBracket || $0.isDash || $0.isDoubleQuoteMark } ?? true
        if openSide, let after, after.isLetter, s[index].value != 0x2019 {
            return QuoteMark(span: span, style: .single, role: .open, isClearOpener: true)
        }
        guard let before, !before.isSpace, !before.isOpeningBracket, s[index].value != 0x2018 else { return nil }
        let punctuationBefore =
            before == "," || before == "." || before == "!" || before == "?" || before.value == 0x2026
        let punctuationAfter =
            after.map {
                $0 == "," || $0 == "." || $0 == ";" || $0 == ":" || $0 == "!" || $0 == "?" || $0.isClosingBracket
                    || $0.isDash
            } ?? true
        guard punctuationBefore || punctuationAfter else { return nil }
        return QuoteMark(span: span, style: .single, role: .close, isClearOpener: false)
    }

    /// The inch mark of a height or length written in feet and inches (6'3").
    private static func isInchMark(_ text: ScalarText, at index: Int, floor: Int) -> Bool {
        let s = text.scalars
        var j = index
        while j > floor, s[j - 1].isDigit, index - j < 2 { j -= 1 }
        guard j < index, j - 1 > floor, s[j - 1] == "'" || s[j - 1].value == 0x2019 || s[j - 1].value == 0x2032 else {
            return false
        }
        return s[j - 2].isDigit
    }

    /// One past the `>` of a markup tag starting at `index` ("<tweet …>", "</p>"), or nil when `<` is text.
    private static func tagEnd(_ text: ScalarText, from index: Int, limit: Int) -> Int? {
        let s = text.scalars
        guard index + 1 < limit, s[index + 1].isLetter || s[index + 1] == "/" else { return nil }
        var j = index + 1
        while j < limit, j - index < 2_000 {
            if s[j] == ">" { return j + 1 }
            if s[j] == "<" { return nil }
            j += 1
        }
        return nil
    }

    private static func mark(
        _ text: ScalarText, _ span: TextSpan, style: QuoteMarkStyle, glyph: Unicode.Scalar, paragraph: TextSpan
    ) -> QuoteMark {
        let s = text.scalars
        let before: Unicode.Scalar? = span.start > paragraph.start ? s[span.start - 1] : nil
        let after: Unicode.Scalar? = span.end < paragraph.end ? s[span.end] : nil
        // Can open: something that can start a quotation follows. Can close: a word or punctuation precedes.
        var canOpen = false
        if let after, !after.isSpace {
            if after == "." {
                canOpen = span.end + 1 < paragraph.end && s[span.end + 1] == "."  // an opening ellipsis
            } else {
                canOpen =
                    !(after == "," || after == ";" || after == ":" || after == "!" || after == "?"
                    || after.isClosingBracket)
            }
        }
        var canClose = false
        if let before, !before.isSpace, !before.isOpeningBracket { canClose = true }
        let spaceBefore = before.map { $0.isSpace || $0.isOpeningBracket || $0.isDash || $0 == "/" } ?? true
        let isClearOpener = canOpen && spaceBefore

        let role: QuoteMark.Role
        if before == nil || after == nil {
            // At the paragraph's edges the side is plain, whatever the glyph (”… at the start of a paragraph).
            role = before == nil ? .open : .close
            return QuoteMark(span: span, style: style, role: role, isClearOpener: before == nil && canOpen)
        }
        switch glyph.value {
        case 0x201C, 0x201E, 0x201F, 0xAB:
            // An opening glyph stands for a closing mark only when nothing could follow it ("False.“").
            role = canOpen || !canClose ? .open : .close
        case 0x201D, 0xBB:
            // A closing glyph opens only when a word follows and nothing precedes it (”Mr. Trump …).
            role = canClose || !canOpen ? .close : .open
        default:
            if canOpen && !canClose {
                role = .open
            } else if canClose && !canOpen {
                role = .close
            } else if canOpen && spaceBefore {
                role = .open
            } else {
                role = .either
            }
        }
        return QuoteMark(span: span, style: style, role: role, isClearOpener: isClearOpener)
    }
}
