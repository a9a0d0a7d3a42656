/// The words of an article with the table that gave their keys ids.
struct ArticleWords: Sendable {
    /// The words in text order.
    var words: [ActorWord]
    /// Every distinct key, by id.
    var keys: [String]
    /// The ids of the keys.
    var interner: ByteInterner

    /// The key of word `k`: lower-cased, apostrophes folded.
    @inline(__always) func key(_ k: Int) -> String { keys[Int(words[k].id)] }

    /// Number of distinct keys: ids run from 0 to this.
    var idCount: Int { interner.count }

    /// The id of `key` when some word of the article has that key.
    func id(ofKey key: String) -> Int32? {
        var key = key
        return key.withUTF8 { interner.find($0, hash: ByteInterner.hash($0)) }
    }
}

extension ActorTokenizer {
    /// One pass over an article's scalars. Each word's key, hash, case counts and shape come from a single loop
    /// over its scalars, and each distinct key is built as a `String` and looked up in the word lists once.
    struct Splitter {
        let text: ScalarText
        let s: UnsafeBufferPointer<Unicode.Scalar>
        /// Scratch room for the key of an ASCII word.
        let keyBuffer: UnsafeMutableBufferPointer<UInt8>
        let sentences: [TextSpan]
        let gazetteer: Gazetteer
        private var words: [ActorWord] = []
        private var interner: ByteInterner
        private var keys: [String] = []
        private var classes: [WordClass] = []

        init(
            text: ScalarText, s: UnsafeBufferPointer<Unicode.Scalar>, keyBuffer: UnsafeMutableBufferPointer<UInt8>,
            sentences: [TextSpan], gazetteer: Gazetteer
        ) {
            self.text = text
            self.s = s
            self.keyBuffer = keyBuffer
            self.sentences = sentences
            self.gazetteer = gazetteer
            interner = ByteInterner(expected: s.count / 12 + FixedWord.keys.count)
            words.reserveCapacity(s.count / 5)
            keys.reserveCapacity(s.count / 12 + FixedWord.keys.count)
            classes.reserveCapacity(s.count / 12 + FixedWord.keys.count)
            // The fixed words take the first ids, in order.
            for key in FixedWord.keys { _ = intern(key) }
        }

        /// What one word's scalars say, gathered in one loop.
        private struct Scan {
            var ascii = true
            var length = 0
            var hash: UInt32 = 2_166_136_261
            var upper = 0
            var lower = 0
            var joined = false
            var hasDot = false
            var allDigits = true
            var allDigitsOrDash = true
            var hasDigit = false
        }

        mutating func run() -> ArticleWords {
            let n = s.count
            var i = 0
            var sentence = 0
            var paragraph = 0
            var gap = ActorWord.Gap.paragraph
            var marks: GapMarks = []
            var gapCount = 0
            var lastMark: Unicode.Scalar = " "
            var lastSentenceSeen = -1
            var clauseStart = true
            while i < n {
                let c = s[i]
                // A plain space (a sixth of all scalars) changes nothing.
                if c.value == 0x20 {
                    i += 1
                    continue
                }
                if !(c.isLetter || c.isDigit) {
                    if c == "\n" || c == "\r" {
                        gap = .paragraph
                        paragraph += (c == "\n" || (i + 1 < n && s[i + 1] != "\n")) ? 1 : 0
                        clauseStart = true
                    } else if !c.isSpace {
                        marks.formUnion(GapMarks.bit(for: c))
                        if gapCount == 0 && c == "/" { marks.insert(.startsWithSlash) }
                        if c == "-" && gapCount > 0 && lastMark == "-" { marks.insert(.doubleHyphen) }
                        gapCount += 1
                        lastMark = c
                        if ActorTokenizer.isQuoteMark(c) {
                            if gap != .paragraph { gap = .quote }
                            if ActorTokenizer.opensQuote(text.scalars, at: i) { clauseStart = true }
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
                } else if j < n, s[j] == "'" || s[j] == "\u{2019}", s[j - 1] == "s", j + 1 >= n || !s[j + 1].isLetter {
                    possessive = true
                    j += 1
                }
                var scan = asciiScan(start, end)
                var slowKey: String?
                if !scan.ascii { slowKey = slowScan(start, end, &scan) }
                var dotted = false
                // A final full stop belongs to initials, dotted acronyms and known abbreviations.
                if !possessive, j < n, s[j] == "." {
                    let isInitial = end - start == 1 && s[start].isUpper
                    let bare = slowKey.map { gazetteer.wordClass($0) } ?? asciiClass(scan)
                    let isPlace = s[start].isUpper && bare.contains(.dottedPlace)
                    if isInitial || isPlace || scan.hasDot || bare.contains(.dottedAbbreviation) {
                        end += 1
                        j += 1
                        dotted = true
                        if let key = slowKey {
                            slowKey = key + "."
                        } else {
                            keyBuffer[scan.length] = 0x2E
                            scan.length += 1
                            scan.hash = (scan.hash ^ 0x2E) &* 16_777_619
                        }
                    }
                }
                while sentence + 1 < sentences.count, sentences[sentence].end <= start { sentence += 1 }
                let isSentenceStart = sentence != lastSentenceSeen && (sentence >= sentences.count || start >= sentences[sentence].start)
                if isSentenceStart { lastSentenceSeen = sentence }
                var capitalized = s[start].isUpper
                if !capitalized, scan.joined {
                    capitalized = scan.ascii
                        ? isASCIIParticleBeforeName(start, end)
                        : ActorTokenizer.isParticleBeforeName(text.string(start, end))
                }
                let id: Int32
                if let key = slowKey { id = intern(key) } else { id = internASCII(scan) }
                if gapCount > 0 {
                    if lastMark == "/" { marks.insert(.endsWithSlash) }
                    if lastMark == "(" { marks.insert(.endsWithOpenBracket) }
                    if gapCount == 1 && lastMark == ":" { marks.insert(.onlyColon) }
                }
                words.append(
                    ActorWord(
                        start: start, end: end, isCapitalized: capitalized,
                        isAllCaps: scan.upper >= 2 && scan.lower == 0, isPossessive: possessive, gap: gap, marks: marks,
                        sentence: sentence, isClauseInitial: isSentenceStart || clauseStart, paragraph: paragraph,
                        id: id, cls: classes[Int(id)], shape: shape(scan, start, end, dotted: dotted, id: id)))
                gap = .space
                marks = []
                gapCount = 0
                clauseStart = false
                i = j
            }
            return ArticleWords(words: words, keys: keys, interner: interner)
        }

        /// "al-Assad", "d'Estaing" for an ASCII word, without building it: the lower-cased letters before the first
        /// hyphen or apostrophe are a particle and a capital follows.
        private func isASCIIParticleBeforeName(_ start: Int, _ end: Int) -> Bool {
            var k = start
            while k < end, s[k] != "-", s[k] != "'", s[k] != "\u{2019}" { k += 1 }
            guard k + 1 < end, s[k + 1].value &- 0x41 < 26 else { return false }
            let head = UnsafeBufferPointer(rebasing: keyBuffer[0..<(k - start)])
            for particle in Self.particles where particle.elementsEqual(head) { return true }
            return false
        }

        private static let particles: [[UInt8]] = ["al", "el", "bin", "ibn", "d", "de", "ul"].map { Array($0.utf8) }

        /// Key bytes (into `keyBuffer`, one per scalar), hash, case counts and digits of an ASCII word (curly
        /// apostrophes allowed); stops at the first other scalar with `ascii` false.
        @inline(__always)
        private func asciiScan(_ start: Int, _ end: Int) -> Scan {
            var scan = Scan()
            for k in start..<end {
                let v = s[k].value
                // A curly apostrophe folds to a straight one ("don’t" → "don't"), as `foldKey` does.
                guard v < 0x80 || v == 0x2019 else {
                    scan.ascii = false
                    return scan
                }
                var b = UInt8(truncatingIfNeeded: v == 0x2019 ? 0x27 : v)
                if b &- 0x41 < 26 {
                    scan.upper += 1
                    b += 32
                } else if b &- 0x61 < 26 {
                    scan.lower += 1
                } else if b == 0x2D || b == 0x27 {
                    scan.joined = true
                } else if b == 0x2E {
                    scan.hasDot = true
                }
                if b &- 0x30 < 10 {
                    scan.hasDigit = true
                } else {
                    scan.allDigits = false
                    if b != 0x2D { scan.allDigitsOrDash = false }
                }
                keyBuffer[scan.length] = b
                scan.length += 1
                scan.hash = (scan.hash ^ UInt32(b)) &* 16_777_619
            }
            return scan
        }

        /// The key of a word with scalars beyond ASCII, through `foldKey`; fills the case counts of `scan`.
        private func slowScan(_ start: Int, _ end: Int, _ scan: inout Scan) -> String {
            let key = ActorTokenizer.foldKey(text.string(start, end))
            scan.upper = 0
            scan.lower = 0
            for k in start..<end {
                if s[k].isUpper { scan.upper += 1 } else if s[k].isLower { scan.lower += 1 }
            }
            scan.joined = (start..<end).contains { s[$0] == "-" || s[$0] == "'" || s[$0] == "\u{2019}" }
            scan.hasDot = key.utf8.contains(0x2E)
            return key
        }

        /// The lists of the ASCII key in `keyBuffer`.
        private func asciiClass(_ scan: Scan) -> WordClass {
            gazetteer.lexicon.wordClass(UnsafeBufferPointer(rebasing: keyBuffer[0..<scan.length]), hash: scan.hash)
        }

        /// The id of the ASCII key in `keyBuffer`, recording its string and lists when it is new.
        private mutating func internASCII(_ scan: Scan) -> Int32 {
            let bytes = UnsafeBufferPointer(rebasing: keyBuffer[0..<scan.length])
            let id = interner.id(bytes, hash: scan.hash)
            if Int(id) == keys.count {
                keys.append(String(decoding: bytes, as: UTF8.self))
                classes.append(gazetteer.lexicon.wordClass(bytes, hash: scan.hash))
            }
            return id
        }

        /// The id of `key`, recording its lists when it is new.
        private mutating func intern(_ key: String) -> Int32 {
            var key = key
            return key.withUTF8 { bytes in
                let hash = ByteInterner.hash(bytes)
                let id = interner.id(bytes, hash: hash)
                if Int(id) == keys.count {
                    keys.append(String(decoding: bytes, as: UTF8.self))
                    classes.append(gazetteer.lexicon.wordClass(bytes, hash: hash))
                }
                return id
            }
        }

        private func shape(_ scan: Scan, _ start: Int, _ end: Int, dotted: Bool, id: Int32) -> WordShape {
            guard scan.ascii else { return WordShape(text.string(start, end), key: keys[Int(id)]) }
            var shape: WordShape = []
            if scan.allDigits && !dotted { shape.insert(.allNumber) }
            if scan.allDigitsOrDash && !dotted { shape.insert(.allNumberOrDash) }
            if scan.hasDigit { shape.insert(.keyHasNumber) }
            let first = s[start].value
            if first &- 0x30 < 10 { shape.insert(.firstIsNumber) }
            if (first | 0x20) &- 0x61 < 26 { shape.insert(.firstIsLetter) }
            return shape
        }
    }
}
