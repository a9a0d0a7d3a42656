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

    /// The words of `text`, with their sentence and paragraph indices, key ids and the lists of `gazetteer` their
    /// keys are on (rules that read the words must use the same gazetteer).
    static func words(_ text: ScalarText, sentences: [TextSpan], gazetteer: Gazetteer = .shared) -> [ActorWord] {
        split(text, sentences: sentences, gazetteer: gazetteer).words
    }

    /// The words of `text` with the table of their keys.
    static func split(_ text: ScalarText, sentences: [TextSpan], gazetteer: Gazetteer = .shared) -> ArticleWords {
        let n = text.count
        // Room for the key of any ASCII word: one byte per scalar, plus a full stop.
        let keyBuffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: n + 2)
        defer { keyBuffer.deallocate() }
        return text.scalars.withUnsafeBufferPointer { s in
            var splitter = Splitter(text: text, s: s, keyBuffer: keyBuffer, sentences: sentences, gazetteer: gazetteer)
            return splitter.run()
        }
    }

    /// "al-Assad", "d'Estaing": a lower-case name particle glued to a capitalised name.
    static func isParticleBeforeName(_ word: String) -> Bool {
        guard let dash = word.firstIndex(where: { $0 == "-" || $0 == "'" || $0 == "\u{2019}" }) else { return false }
        let head = word[..<dash].lowercased()
        let after = word.index(after: dash)
        return ["al", "el", "bin", "ibn", "d", "de", "ul"].contains(head) && after < word.endIndex && word[after].isUppercase
    }

    /// Lower-cased key with curly apostrophes folded; the same function keys the gazetteers.
    static func foldKey(_ word: String) -> String {
        // ASCII words (nearly all) only need their capitals lowered, and most have none.
        var hasCapital = false
        var isASCII = true
        for b in word.utf8 {
            if b >= 0x80 {
                isASCII = false
                break
            }
            if b &- 0x41 < 26 { hasCapital = true }
        }
        if isASCII {
            guard hasCapital else { return word }
            let count = word.utf8.count
            return String(unsafeUninitializedCapacity: count) { buffer in
                var n = 0
                for b in word.utf8 {
                    buffer[n] = b &- 0x41 < 26 ? b + 32 : b
                    n += 1
                }
                return n
            }
        }
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
