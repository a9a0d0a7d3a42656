/// One word of an article, as the actor and speaker rules see it.
struct ActorWord: Sendable {
    /// What separates a word from the word before it.
    enum Gap: Sendable, Equatable {
        /// Only spaces or tabs on the same line.
        case space
        /// A comma (and spaces).
        case comma
        /// A line end: a new paragraph.
        case paragraph
        /// A quotation mark (opening or closing), possibly with spaces and other punctuation.
        case quote
        /// Anything else: full stops, colons, dashes, brackets, slashes.
        case other
    }

    /// First scalar of the word.
    var start: Int
    /// One past the last scalar, possessive `'s` excluded.
    var end: Int
    /// The word as written (without a possessive ending).
    var text: String
    /// Lower-cased look-up key, apostrophes folded.
    var key: String
    /// Starts with a capital letter (or is a name particle glued to one: "al-Assad").
    var isCapitalized: Bool
    /// Two or more letters, all capitals.
    var isAllCaps: Bool
    /// Ends in a possessive `'s` or `s'`, which `end` leaves out.
    var isPossessive: Bool
    /// The separator before this word.
    var gap: Gap
    /// The punctuation scalars between the previous word and this one (spaces dropped), for rules that need them.
    var gapText: String
    /// Index of the sentence holding the word.
    var sentence: Int
    /// First word of its sentence, or first after an opening quotation mark, colon or dash that starts a clause.
    var isClauseInitial: Bool
    /// Index of the paragraph (line) holding the word.
    var paragraph: Int

    /// Whether the punctuation before the word includes `mark`.
    @inline(__always) func gapHas(_ mark: Unicode.Scalar) -> Bool {
        !gapText.isEmpty && gapText.unicodeScalars.contains(mark)
    }
}

/// Splits text into `ActorWord`s in one pass over the scalars.
struct ActorTokenizer {
    /// Abbreviations whose final full stop belongs to the word.
    static let dottedAbbreviations: Set<String> = [
        "mr", "mrs", "ms", "mx", "dr", "jr", "sr", "st", "sen", "sens", "rep", "reps", "gov", "govs", "lt", "gen",
        "col", "sgt", "capt", "maj", "adm", "cpl", "pvt", "insp", "det", "supt", "const", "atty", "amb", "prof",
        "rev", "hon", "mt", "ft", "co", "corp", "inc", "ltd", "messrs", "mme", "mlle", "cmdr", "brig", "gens",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "pres", "sec", "no",
        "vs", "ave", "blvd",
    ]
    /// Abbreviated provinces and states ("Ont.", "Calif."), which take their full stop only when capitalised.
    static let dottedPlaces: Set<String> = [
        "ont", "alta", "sask", "man", "que", "nfld", "calif", "fla", "tex", "mo", "wis", "minn", "mich", "ill",
        "ind", "ky", "tenn", "ga", "ala", "miss", "la", "ark", "okla", "kan", "neb", "colo", "ariz", "nev", "ore",
        "wash", "mass", "conn", "pa", "va", "md", "del", "vt",
    ]

    /// The words of `text`, with their sentence and paragraph indices.
    static func words(_ text: ScalarText, sentences: [TextSpan]) -> [ActorWord] {
        let s = text.scalars
        let n = s.count
        var words: [ActorWord] = []
        words.reserveCapacity(n / 5)
        var i = 0
        var sentence = 0
        var paragraph = 0
        var gap = ActorWord.Gap.paragraph
        var gapText = ""
        var lastSentenceSeen = -1
        var clauseStart = true
        var bytes: [UInt8] = []
        var keyBytes: [UInt8] = []
        bytes.reserveCapacity(32)
        keyBytes.reserveCapacity(32)
        while i < n {
            let c = s[i]
            if !(c.isLetter || c.isDigit) {
                if c == "\n" || c == "\r" {
                    gap = .paragraph
                    paragraph += (c == "\n" || (i + 1 < n && s[i + 1] != "\n")) ? 1 : 0
                    clauseStart = true
                } else if !c.isSpace {
                    gapText.unicodeScalars.append(c)
                    if Self.isQuoteMark(c) {
                        if gap != .paragraph { gap = .quote }
                        if Self.opensQuote(s, at: i) { clauseStart = true }
                    } else if c == "," {
                        if gap == .space { gap = .comma }
                    } else {
                        if gap == .space || gap == .comma { gap = .other }
                        if c == ":" || c == "\u{2014}" || c == "(" || c == ";" || c == "\u{2013}" { clauseStart = true }
                    }
                }
                i += 1
                continue
            }
            // A word: letters and digits with inner apostrophes, hyphens, dots and ampersands.
            let start = i
            var j = i + 1
            while j < n {
                let d = s[j]
                if d.isLetter || d.isDigit || d == "\u{301}" { j += 1; continue }
                if d == "'" || d == "\u{2019}" || d == "-" || d == "." || d == "&" || d == "\u{2010}" || d == "\u{2011}",
                    j + 1 < n, s[j + 1].isLetter || s[j + 1].isDigit
                {
                    j += 2
                    continue
                }
                break
            }
            var end = j
            var possessive = false
            // Possessive endings: "Trump's", "Trump’s" and "Veterans'".
            if end - start > 2, s[end - 1] == "s" || s[end - 1] == "S", s[end - 2] == "'" || s[end - 2] == "\u{2019}" {
                end -= 2
                possessive = true
            } else if j < n, s[j] == "'" || s[j] == "\u{2019}", s[j - 1] == "s",
                j + 1 >= n || !s[j + 1].isLetter
            {
                possessive = true
                j += 1
            }
            var (wordText, wordKey) = Self.strings(s, start, end, &bytes, &keyBytes)
            // A final full stop belongs to initials, dotted acronyms and known abbreviations.
            if !possessive, j < n, s[j] == "." {
                let isInitial = end - start == 1 && s[start].isUpperScalar
                let isPlace = s[start].isUpperScalar && Self.dottedPlaces.contains(wordKey)
                if isInitial || isPlace || wordKey.utf8.contains(0x2E) || Self.dottedAbbreviations.contains(wordKey) {
                    end += 1
                    j += 1
                    wordText.append(".")
                    wordKey.append(".")
                }
            }
            while sentence + 1 < sentences.count, sentences[sentence].end <= start { sentence += 1 }
            let isSentenceStart = sentence != lastSentenceSeen && (sentence >= sentences.count || start >= sentences[sentence].start)
            if isSentenceStart { lastSentenceSeen = sentence }
            let first = s[start]
            var capitalized = first.isUpperScalar
            if !capitalized, (start..<end).contains(where: { s[$0] == "-" || s[$0] == "'" || s[$0] == "\u{2019}" }),
                let dash = wordText.firstIndex(where: { $0 == "-" || $0 == "'" || $0 == "\u{2019}" })
            {
                // Name particles glued to a capitalised name: al-Assad, d'Estaing.
                let head = wordText[..<dash].lowercased()
                let after = wordText.index(after: dash)
                if ["al", "el", "bin", "ibn", "d", "de", "ul"].contains(head), after < wordText.endIndex,
                    wordText[after].isUppercase
                {
                    capitalized = true
                }
            }
            var upper = 0
            var lower = 0
            for k in start..<end {
                if s[k].isUpperScalar { upper += 1 } else if s[k].isLowerScalar { lower += 1 }
            }
            words.append(
                ActorWord(
                    start: start, end: end, text: wordText, key: wordKey, isCapitalized: capitalized,
                    isAllCaps: upper >= 2 && lower == 0, isPossessive: possessive, gap: gap, gapText: gapText,
                    sentence: sentence, isClauseInitial: isSentenceStart || clauseStart, paragraph: paragraph))
            gap = .space
            gapText = ""
            clauseStart = false
            i = j
        }
        return words
    }

    /// The word and its key; ASCII words (nearly all) are built straight from bytes, without per-scalar appends.
    @inline(__always)
    private static func strings(
        _ s: [Unicode.Scalar], _ start: Int, _ end: Int, _ bytes: inout [UInt8], _ keyBytes: inout [UInt8]
    ) -> (String, String) {
        bytes.removeAll(keepingCapacity: true)
        keyBytes.removeAll(keepingCapacity: true)
        for k in start..<end {
            let v = s[k].value
            guard v < 0x80 else {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: s[start..<end])
                let text = String(view)
                return (text, foldKey(text))
            }
            bytes.append(UInt8(truncatingIfNeeded: v))
            keyBytes.append(UInt8(truncatingIfNeeded: v >= 0x41 && v <= 0x5A ? v + 32 : v))
        }
        return (String(decoding: bytes, as: UTF8.self), String(decoding: keyBytes, as: UTF8.self))
    }

    /// Lower-cased key with curly apostrophes folded; the same function keys the gazetteers.
    static func foldKey(_ word: String) -> String {
        var out = String.UnicodeScalarView()
        var ascii = true
        for scalar in word.unicodeScalars {
            let v = scalar.value
            if v >= 0x41 && v <= 0x5A, let lowered = Unicode.Scalar(v + 32) {
                out.append(lowered)
            } else if v == 0x2019 {
                out.append("'")
            } else {
                if v >= 0x80 { ascii = false }
                out.append(scalar)
            }
        }
        let folded = String(out)
        return ascii ? folded : folded.lowercased()
    }

    /// Straight or curly double or single quotation mark (not the apostrophe inside words, which never reaches here).
    static func isQuoteMark(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x22, 0x27, 0x201C, 0x201D, 0x2018, 0x2019, 0x201E, 0xAB, 0xBB, 0x60: return true
        default: return false
        }
    }

    /// Whether the mark at `index` opens a quotation (it is followed by a word and preceded by space or a line start).
    static func opensQuote(_ s: [Unicode.Scalar], at index: Int) -> Bool {
        let c = s[index]
        if c == "\u{201C}" || c == "\u{2018}" || c == "\u{201E}" || c == "\u{AB}" { return true }
        if c == "\u{201D}" || c == "\u{BB}" { return false }
        let before = index == 0 || s[index - 1].isSpace || s[index - 1] == "(" || s[index - 1] == "\u{2014}"
            || (index >= 1 && isQuoteMark(s[index - 1]) && (index < 2 || s[index - 2].isSpace))
        return before
    }
}

extension Unicode.Scalar {
    /// Upper-case letter (ASCII fast path).
    @inline(__always) fileprivate var isUpperScalar: Bool {
        value < 0x80 ? (value >= 0x41 && value <= 0x5A) : properties.isUppercase
    }

    /// Lower-case letter (ASCII fast path).
    @inline(__always) fileprivate var isLowerScalar: Bool {
        value < 0x80 ? (value >= 0x61 && value <= 0x7A) : properties.isLowercase
    }
}
