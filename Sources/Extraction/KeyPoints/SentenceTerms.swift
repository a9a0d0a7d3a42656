/// The words of one sentence as the key-point ranker sees them.
struct SentenceTerms: Sendable {
    /// Content-word term ids in text order, repeats kept.
    var tokens: [Int32] = []
    /// Distinct content-word term ids, ascending (so two sentences intersect by merging).
    var distinct: [Int32] = []
    /// Every run of letters or digits, stopwords included: the sentence's length in words.
    var wordCount = 0
    /// Capitalised words after the first word: a model-free stand-in for the names the sentence mentions.
    var names: [Int32] = []
}

/// Turns sentences into term ids that are shared across one article, so that the graph and the similarity
/// measures work on small integers instead of strings.
///
/// Each distinct lower-cased word form is interned once; its stopword status and stemmed term are worked out
/// the first time it is seen, so every later occurrence costs one hash look-up.
struct TermTable {
    /// Word forms, seeded with the stopwords so that they are known before the first sentence.
    private var forms = Self.seeded
    /// Term id of each form (-1 for stopwords).
    private var termOfForm = [Int32](repeating: -1, count: Self.seeded.count)
    private var terms = ByteInterner(expected: 512)
    /// Scratch room for one sentence's tokens and names, reused from sentence to sentence so that each result
    /// array is allocated once at its final size.
    private var scratchTokens: [Int32] = []
    private var scratchNames: [Int32] = []

    /// Number of distinct content terms seen so far.
    var termCount: Int { terms.count }

    /// Upper bound of the ids used in `SentenceTerms.names`.
    var nameCount: Int { forms.count }

    /// The terms of `span` in `text`, whose folded form is `folded`.
    mutating func terms(of span: TextSpan, in text: ScalarText, folded: FoldedText) -> SentenceTerms {
        var result = SentenceTerms()
        scratchTokens.removeAll(keepingCapacity: true)
        scratchNames.removeAll(keepingCapacity: true)
        folded.bytes.withUnsafeBufferPointer { bytes in
            var i = span.start
            while i < span.end {
                guard FoldedText.isWordByte(bytes[i]) else {
                    i += 1
                    continue
                }
                let start = i
                var ascii = true
                // The interning hash is worked out on the way, so the word's bytes are read once more, not twice.
                var hash: UInt32 = 2_166_136_261
                while i < span.end, FoldedText.isWordByte(bytes[i]) {
                    if bytes[i] == FoldedText.otherLetter { ascii = false }
                    hash = (hash ^ UInt32(bytes[i])) &* 16_777_619
                    i += 1
                }
                result.wordCount += 1
                guard i - start >= 2 else { continue }
                let form: Int32
                if ascii {
                    let word = UnsafeBufferPointer(rebasing: bytes[start..<i])
                    form = forms.id(word, hash: hash)
                    if Int(form) == termOfForm.count { termOfForm.append(termId(ofNewForm: word)) }
                } else {
                    let word = Self.lowercasedUTF8(text, start, i)
                    form = forms.id(word)
                    if Int(form) == termOfForm.count {
                        termOfForm.append(word.withUnsafeBufferPointer { termId(ofNewForm: $0) })
                    }
                }
                let term = termOfForm[Int(form)]
                guard term >= 0 else { continue }
                // The form (not the stem) names an actor: "Brown" and "Browns" may be different things.
                if result.wordCount > 1, text.scalars[start].isUpper { scratchNames.append(form) }
                scratchTokens.append(term)
            }
        }
        result.tokens = scratchTokens
        result.distinct = Self.sortedUnique(&scratchTokens)
        result.names = Self.sortedUnique(&scratchNames)
        return result
    }

    private mutating func termId(ofNewForm form: UnsafeBufferPointer<UInt8>) -> Int32 {
        let n = form.count
        let s = UInt8(ascii: "s")
        if n > 4, form[n - 3] == UInt8(ascii: "i"), form[n - 2] == UInt8(ascii: "e"), form[n - 1] == s {
            var stemmed = Array(form)
            Self.stem(&stemmed)
            return terms.id(stemmed)
        }
        if n > 3, form[n - 1] == s, form[n - 2] != s, form[n - 2] != UInt8(ascii: "u"), form[n - 2] != UInt8(ascii: "i") {
            // Same rule as `stem`, without copying: drop the final "s".
            return terms.id(UnsafeBufferPointer(rebasing: form[0..<(n - 1)]))
        }
        return terms.id(form)
    }

    /// An interner holding the stopwords, copied (copy-on-write) into each article's table.
    private static let seeded = ByteInterner(words: Stopwords.english.sorted(), expected: 1024)

    /// Letters and digits; the general-punctuation block (curly quotes, dashes) is settled without a property look-up.
    @inline(__always)
    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v >= 0x30 && v <= 0x39) || ((v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A) }
        if v >= 0x2000 && v <= 0x206F { return false }
        return c.properties.isAlphabetic || c.properties.numericType != nil
    }

    /// The ids ascending without repeats; insertion sort, since a sentence has a few dozen words at most. Sorts
    /// `ids` (scratch) in place and returns a copy of the result at its exact size.
    private static func sortedUnique(_ ids: inout [Int32]) -> [Int32] {
        guard ids.count > 1 else { return Array(ids) }
        let count = ids.withUnsafeMutableBufferPointer { buffer -> Int in
            for k in 1..<buffer.count {
                let value = buffer[k]
                var j = k
                while j > 0, buffer[j - 1] > value {
                    buffer[j] = buffer[j - 1]
                    j -= 1
                }
                buffer[j] = value
            }
            var unique = 1
            for k in 1..<buffer.count where buffer[k] != buffer[unique - 1] {
                buffer[unique] = buffer[k]
                unique += 1
            }
            return unique
        }
        return Array(ids[0..<count])
    }

    /// UTF-8 of the lower-cased scalars between two offsets (words with letters beyond ASCII).
    private static func lowercasedUTF8(_ text: ScalarText, _ start: Int, _ end: Int) -> [UInt8] {
        var word: [UInt8] = []
        for i in start..<end {
            let v = text.scalars[i].value
            if v < 0x80 {
                word.append(UInt8(v >= 0x41 && v <= 0x5A ? v + 0x20 : v))
            } else {
                word.append(contentsOf: text.scalars[i].properties.lowercaseMapping.utf8)
            }
        }
        return word
    }

    /// Folds plurals onto their singular ("profits" → "profit", "companies" → "company") so that the same
    /// thing named twice links two sentences; anything stronger starts merging unrelated words.
    static func stem(_ word: inout [UInt8]) {
        let n = word.count
        if n > 4, word[n - 3] == UInt8(ascii: "i"), word[n - 2] == UInt8(ascii: "e"), word[n - 1] == UInt8(ascii: "s") {
            word.removeLast(3)
            word.append(UInt8(ascii: "y"))
        } else if n > 3, word[n - 1] == UInt8(ascii: "s"), word[n - 2] != UInt8(ascii: "s"),
            word[n - 2] != UInt8(ascii: "u"), word[n - 2] != UInt8(ascii: "i")
        {
            word.removeLast()
        }
    }

    /// `stem` on a string, for tests and callers outside the hot path.
    static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        stem(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
