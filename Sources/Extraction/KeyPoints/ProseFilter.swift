/// Tells the article's prose from the lines around it: headline, datelines, bylines, credits and page furniture.
enum ProseFilter {
    /// What a sentence is, for the ranker.
    enum Role: Equatable {
        /// Body prose: part of the similarity graph and a possible key point.
        case prose
        /// The article's headline: its words mark what the story is about, but it is not a key point.
        case headline
        /// Not article content (credits, boilerplate, datelines, bylines): left out of the graph altogether.
        case furniture
    }

    /// The role of each sentence in `sentences`.
    static func roles(_ text: ScalarText, sentences: [TextSpan], folded: FoldedText) -> [Role] {
        let headline = headlineLine(text)
        let phrases = Phrases(folded)
        return sentences.map { span in
            if let headline, span.isInside(headline) { return .headline }
            return isFurniture(text, span, folded: folded, phrases: phrases) ? .furniture : .prose
        }
    }

    /// Where the phrases that mark credits occur in the whole text, found once rather than per sentence.
    struct Phrases {
        let contribut: [Int]
        let reportedFrom: [Int]

        init(_ folded: FoldedText) {
            contribut = folded.occurrences(of: ProseFilter.contribut)
            reportedFrom = folded.occurrences(of: ProseFilter.reportedFrom)
        }
    }

    /// Whether a prose sentence reads as a finished statement: at least five words, ending with a full stop,
    /// an exclamation mark or an ellipsis. A line ending in a colon or a dash introduces something else, and a
    /// question (a subhead, a rhetorical aside) states nothing.
    static func isComplete(_ text: ScalarText, _ span: TextSpan, wordCount: Int) -> Bool {
        guard wordCount >= 5 else { return false }
        var j = span.end
        while j > span.start, closers.contains(text.scalars[j - 1]) || text.scalars[j - 1].isSpace { j -= 1 }
        guard j > span.start else { return false }
        return terminals.contains(text.scalars[j - 1]) && text.scalars[j - 1] != "?"
    }

    /// The first non-blank line when a blank line follows it and it reads as a headline: no terminal punctuation,
    /// or title case ("Gingrich: Trump Must Decide If He Wants a Two-Pirate Ticket." — some sources add a full stop).
    static func headlineLine(_ text: ScalarText) -> TextSpan? {
        var start = 0
        while start < text.count, text.scalars[start].isSpace { start += 1 }
        var end = start
        while end < text.count, text.scalars[end] != "\n", text.scalars[end] != "\r" { end += 1 }
        while end > start, text.scalars[end - 1].isSpace { end -= 1 }
        guard end > start else { return nil }
        var newlines = 0
        var j = end
        while j < text.count, text.scalars[j].isSpace {
            if text.scalars[j] == "\n" { newlines += 1 }
            j += 1
        }
        guard newlines >= 2 || j == text.count else { return nil }
        let last = text.scalars[end - 1]
        let punctuated = terminals.contains(last) || closers.contains(last)
        let line = TextSpan(start, end)
        if !punctuated || isTitleCased(text, line) { return line }
        // A short sentence-case line is a headline when the story under it opens with a dateline:
        // "Judge rejects request to unseal file." / "WASHINGTON (AP) — …".
        return j < text.count && text.wordCount(line) <= 14 && startsWithDateline(text, at: j) ? line : nil
    }

    /// A paragraph opening with a place in capitals and then a comma, a bracket or a dash: "HEMPSTEAD, N.Y.,",
    /// "WASHINGTON (AP) —", "LOS ANGELES, Sept. 28".
    private static func startsWithDateline(_ text: ScalarText, at start: Int) -> Bool {
        let scalars = text.scalars
        var i = start
        var capitals = 0
        // Capitals and full stops, with single spaces between words in capitals: "LOS ANGELES", "U.N.".
        while i < text.count {
            if scalars[i].isUpper {
                capitals += 1
            } else if scalars[i] == " ", capitals > 0, i + 1 < text.count, scalars[i + 1].isUpper {
            } else if scalars[i] != "." {
                break
            }
            i += 1
        }
        guard capitals >= 3, i < text.count else { return false }
        if scalars[i] == "," || scalars[i] == "(" { return true }
        guard scalars[i] == " ", i + 1 < text.count else { return false }
        return scalars[i + 1] == "(" || datelineDashes.contains(scalars[i + 1])
    }

    /// The dashes that end a dateline: em, en, horizontal bar, hyphen.
    private static let datelineDashes: Set<Unicode.Scalar> = ["\u{2014}", "\u{2013}", "\u{2015}", "-"]

    /// Where the story starts after a dateline that opens the sentence at `start` ("ROTTERDAM — Dock workers…",
    /// "WASHINGTON (Reuters) - The…", "LONDON, March 3 (AP) — …"): just after the dash and its space; nil when
    /// the sentence has no dateline or no dash soon after it.
    static func afterDateline(_ text: ScalarText, at start: Int) -> Int? {
        guard startsWithDateline(text, at: start) else { return nil }
        let scalars = text.scalars
        let limit = min(text.count - 2, start + 60)
        var i = start
        while i < limit {
            if scalars[i] == " ", datelineDashes.contains(scalars[i + 1]) {
                var j = i + 2
                while j < text.count, scalars[j] == "-" { j += 1 }
                guard j < text.count, scalars[j] == " " else { return nil }
                while j < text.count, scalars[j] == " " { j += 1 }
                return j < text.count && scalars[j].isUpper ? j : nil
            }
            if scalars[i] == "\n" { return nil }
            i += 1
        }
        return nil
    }

    /// Most words of four letters or more capitalised, as in a headline; a lead sentence full of names
    /// still has its verbs and common nouns in lower case.
    private static func isTitleCased(_ text: ScalarText, _ span: TextSpan) -> Bool {
        var long = 0
        var capitalised = 0
        var i = span.start
        while i < span.end {
            guard text.scalars[i].isLetter else {
                i += 1
                continue
            }
            let start = i
            while i < span.end, text.scalars[i].isLetter { i += 1 }
            if i - start >= 4 {
                long += 1
                if text.scalars[start].isUpper { capitalised += 1 }
            }
        }
        return long >= 2 && long <= 25 && capitalised * 10 >= long * 7
    }

    /// Whether `sentence` is credits, boilerplate, a dateline or other text about the page rather than the story.
    static func isFurniture(_ sentence: String) -> Bool {
        let text = ScalarText(sentence)
        let folded = FoldedText(text)
        return isFurniture(text, TextSpan(0, text.count), folded: folded, phrases: Phrases(folded))
    }

    /// Credits, boilerplate, datelines and other lines that are about the page rather than the story. Works on
    /// folded ASCII bytes because it runs on every sentence of every article.
    static func isFurniture(_ text: ScalarText, _ span: TextSpan, folded: FoldedText, phrases: Phrases) -> Bool {
        guard span.length > 0 else { return true }
        if span.length <= 64 {
            let trimmed = folded.trimmedBytes(span)
            if boilerplateList.contains(where: { $0.elementsEqual(trimmed) }) { return true }
        }
        if prefixInitials.contains(folded.bytes[span.start]),
            furniturePrefixes.contains(where: { folded.hasPrefix($0, at: span.start) })
        {
            return true
        }
        if text[safe: span.start] == "\u{00A9}" { return true }
        if folded.firstOccurrence(in: phrases.contribut, length: contribut.count, span: span) != nil,
            creditPhrases.contains(where: { folded.firstOffset(of: $0, in: span) != nil })
        {
            return true
        }
        if let offset = folded.firstOccurrence(in: phrases.reportedFrom, length: reportedFrom.count, span: span),
            isNameList(text, TextSpan(span.start, offset), folded: folded) {
            return true
        }
        return !hasLowercaseWord(text, span, folded: folded)
    }

    /// "Dixon reported from Riga, Latvia." — only names before "reported from" make a credit, unlike
    /// "The agency reported from its own sources".
    private static func isNameList(_ text: ScalarText, _ span: TextSpan, folded: FoldedText) -> Bool {
        var words = 0
        var i = span.start
        while i < span.end {
            guard FoldedText.isWordByte(folded.bytes[i]) else {
                i += 1
                continue
            }
            let start = i
            while i < span.end, FoldedText.isWordByte(folded.bytes[i]) || folded.bytes[i] == UInt8(ascii: ".") { i += 1 }
            words += 1
            let isAnd = i - start == 3 && folded.hasPrefix(and, at: start) && text.scalars[start] == "a"
            guard text.scalars[start].isUpper || isAnd else { return false }
        }
        return words > 0 && words <= 8
    }

    /// Prose has verbs and function words in lower case; a dateline ("KYIV, Ukraine —"), a byline ("By Jane Doe"),
    /// a timestamp ("Feb. 12, 2025, 9:01 p.m. EST") or a title-case heading has none beyond these.
    private static func hasLowercaseWord(_ text: ScalarText, _ span: TextSpan, folded: FoldedText) -> Bool {
        var i = span.start
        while i < span.end {
            guard FoldedText.isWordByte(folded.bytes[i]) else {
                i += 1
                continue
            }
            let start = i
            while i < span.end, FoldedText.isWordByte(folded.bytes[i]) || folded.bytes[i] == UInt8(ascii: ".") { i += 1 }
            if text.scalars[start].isLower, !datelineWordList.contains(where: { $0.elementsEqual(folded.bytes[start..<i]) }) {
                return true
            }
        }
        return false
    }

    private static let terminals: Set<Unicode.Scalar> = [".", "!", "?", "\u{2026}"]
    private static let closers: Set<Unicode.Scalar> = ["\"", "'", "\u{201D}", "\u{2019}", ")", "]"]
    private static let and = Array("and".utf8)
    private static let reportedFrom = Array(" reported from ".utf8)
    // Short lists searched without building an array per word.
    private static let datelineWordList: [[UInt8]] =
        ["a.m.", "p.m.", "am", "pm", "a.m", "p.m", "at", "and", "by", "of", "the", "on", "updated", "published", "last"]
        .map { Array($0.utf8) }
    private static let boilerplateList: [[UInt8]] =
        [
            "comments", "advertisement", "story continues below advertisement", "continue reading",
            "skip advertisement", "advertisement continue reading the main story", "subscribe", "share",
            "share this article", "share this story", "listen to this article", "read more", "related",
            "related coverage", "sign up", "loading", "this story has been updated", "this article has been updated",
        ].map { Array($0.utf8) }
    private static let furniturePrefixes: [[UInt8]] = [
        "excerpts:", "excerpt:", "reporting by", "(reporting by", "additional reporting", "editing by", "writing by",
        "compiled by", "follow us", "copyright", "all rights reserved", "sign up for", "click here",
        "read more:", "related:", "photo:", "image:", "caption:", "watch:", "listen:", "correction:",
        "story continues", "this story has been updated", "this article has been updated", "contact the author",
    ].map { Array($0.utf8) }
    private static let prefixInitials = Set(furniturePrefixes.compactMap(\.first))
    private static let contribut = Array("contribut".utf8)
    private static let creditPhrases: [[UInt8]] = [
        "contributed to this report", "contributed reporting", "contributed to this article",
        "contributed to this story",
    ].map { Array($0.utf8) }
}
