/// Small scanning helpers shared by the sentence splitter and the quotation finder; they look at scalars in
/// place so that the hot loops never build strings.
extension ScalarText {
    /// The offset of the first non-space scalar at or after `index`, or `limit`.
    @inline(__always)
    func skipSpaces(from index: Int, limit: Int) -> Int {
        var j = index
        while j < limit, scalars[j].isSpace { j += 1 }
        return j
    }

    /// The offset one past the last non-space scalar before `index`, or `floor`.
    @inline(__always)
    func skipSpacesBackward(from index: Int, floor: Int) -> Int {
        var j = index
        while j > floor, scalars[j - 1].isSpace { j -= 1 }
        return j
    }

    /// The end of the run of letters (and word-internal apostrophes and hyphens) that starts at `index`.
    func wordEnd(from index: Int, limit: Int) -> Int {
        var j = index
        while j < limit {
            let c = scalars[j]
            if c.isLetter || c.isDigit {
                j += 1
            } else if c == "'" || c == "\u{2019}" || c == "-", j + 1 < limit, scalars[j + 1].isLetter, j > index {
                j += 1
            } else {
                break
            }
        }
        return j
    }

    /// The start of the run of letters and digits that ends at `index`.
    func wordStart(endingAt index: Int, floor: Int) -> Int {
        var j = index
        while j > floor, scalars[j - 1].isLetter || scalars[j - 1].isDigit { j -= 1 }
        return j
    }

    /// The lower-cased ASCII form of the text between two offsets; nil when it holds anything but ASCII letters,
    /// digits, dots, apostrophes and hyphens or is longer than `maxLength` (a cheap key for small word lists).
    func asciiKey(_ start: Int, _ end: Int, maxLength: Int = 16) -> String? {
        guard end > start, end - start <= maxLength else { return nil }
        var key = ""
        key.unicodeScalars.reserveCapacity(end - start)
        for i in start..<end {
            var v = scalars[i].value
            if v >= 0x41 && v <= 0x5A { v += 0x20 }
            let ok = (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) || v == 0x2E || v == 0x27 || v == 0x2D
            guard ok, let scalar = Unicode.Scalar(v) else { return nil }
            key.unicodeScalars.append(scalar)
        }
        return key
    }

    /// Spans of the lines that hold something other than white space, trimmed: the same spans as
    /// `nonBlankLines()`, found without a Unicode property look-up for ASCII text.
    func paragraphSpans() -> [TextSpan] {
        var lines: [TextSpan] = []
        lines.reserveCapacity(scalars.count / 200 + 4)
        scalars.withUnsafeBufferPointer { scalars in
            let n = scalars.count
            var start = 0
            var i = 0
            while i <= n {
                if i == n || scalars[i] == "\n" || scalars[i] == "\r" {
                    var a = start
                    var b = i
                    while a < b, scalars[a].isSpace { a += 1 }
                    while b > a, scalars[b - 1].isSpace { b -= 1 }
                    if b > a { lines.append(TextSpan(a, b)) }
                    start = i + 1
                }
                i += 1
            }
        }
        return lines
    }

    /// A 64-bit FNV-1a hash of the lower-cased ASCII text between two offsets (letters, digits, "-", "'" and
    /// "."), or nil when it holds anything else; word lists keyed by `Self.hash(_:)` are searched without
    /// building strings.
    func asciiHash(_ start: Int, _ end: Int) -> UInt64? {
        guard end > start else { return nil }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in start..<end {
            var v = scalars[i].value
            if v >= 0x41 && v <= 0x5A { v += 0x20 }
            guard (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) || v == 0x2D || v == 0x27 || v == 0x2E else {
                return nil
            }
            hash = (hash ^ UInt64(v)) &* 0x100_0000_01b3
        }
        return hash
    }

    /// The hash `asciiHash(_:_:)` gives the lower-cased ASCII word `word`.
    static func hash(_ word: String) -> UInt64 {
        ScalarText(word.lowercased()).asciiHash(0, word.unicodeScalars.count) ?? 0
    }

    /// The text between two offsets, encoded straight to UTF-8 (faster than `string(_:_:)` for the many short
    /// strings an extraction returns).
    func utf8String(_ start: Int, _ end: Int) -> String {
        let lower = max(0, min(start, scalars.count))
        let upper = max(lower, min(end, scalars.count))
        // The exact length first: a string of up to 15 bytes is stored inline only when created with at most that
        // capacity, and most names are that short.
        var length = 0
        for i in lower..<upper {
            let v = scalars[i].value
            length += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
        }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var n = 0
            for i in lower..<upper {
                let v = scalars[i].value
                if v < 0x80 {
                    buffer[n] = UInt8(v)
                    n += 1
                } else if v < 0x800 {
                    buffer[n] = UInt8(0xC0 | (v >> 6))
                    buffer[n + 1] = UInt8(0x80 | (v & 0x3F))
                    n += 2
                } else if v < 0x10000 {
                    buffer[n] = UInt8(0xE0 | (v >> 12))
                    buffer[n + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    buffer[n + 2] = UInt8(0x80 | (v & 0x3F))
                    n += 3
                } else {
                    buffer[n] = UInt8(0xF0 | (v >> 18))
                    buffer[n + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
                    buffer[n + 2] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    buffer[n + 3] = UInt8(0x80 | (v & 0x3F))
                    n += 4
                }
            }
            return n
        }
    }

    /// The lower-cased ASCII word that starts at `index` (letters only), or nil.
    func asciiWord(at index: Int, limit: Int, maxLength: Int = 16) -> String? {
        var j = index
        while j < limit, scalars[j].isLetter { j += 1 }
        return asciiKey(index, j, maxLength: maxLength)
    }
}

extension Unicode.Scalar {
    /// A double quotation mark of any style except the apostrophe pair: " “ ” „ ‟ « » and the full-width one.
    @inline(__always) var isDoubleQuoteMark: Bool {
        switch value {
        case 0x22, 0x201C, 0x201D, 0x201E, 0x201F, 0xAB, 0xBB, 0xFF02: return true
        default: return false
        }
    }

    /// A single quotation mark or apostrophe: ' ‘ ’ ‚ ‛ ‹ › and the back-tick.
    @inline(__always) var isSingleQuoteMark: Bool {
        switch value {
        case 0x27, 0x60, 0x2018, 0x2019, 0x201A, 0x201B, 0x2039, 0x203A: return true
        default: return false
        }
    }

    /// Any quotation mark.
    @inline(__always) var isQuoteMark: Bool { isDoubleQuoteMark || isSingleQuoteMark }

    /// A closing bracket.
    @inline(__always) var isClosingBracket: Bool { self == ")" || self == "]" || self == "}" }

    /// An opening bracket.
    @inline(__always) var isOpeningBracket: Bool { self == "(" || self == "[" || self == "{" }

    /// A dash or hyphen used as punctuation between words.
    @inline(__always) var isDash: Bool {
        switch value {
        case 0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: return true
        default: return false
        }
    }

    /// Sentence-final punctuation (the ellipsis character included).
    @inline(__always) var isTerminator: Bool {
        self == "." || self == "!" || self == "?" || value == 0x2026 || value == 0x203D
    }

    /// Whether the scalar can be a quotation mark or start a markup tag; the quotation finder skips the others
    /// with this one test.
    @inline(__always) var mayStartMarkOrTag: Bool {
        value < 0x80 ? (value == 0x22 || value == 0x27 || value == 0x3C || value == 0x60) : value >= 0xAB
    }

    /// Whether the scalar can be a sentence terminator or a bullet; the sentence splitter skips the others with
    /// this one test.
    @inline(__always) var mayEndSentenceOrItem: Bool {
        value < 0x80 ? (value == 0x2E || value == 0x21 || value == 0x3F) : value >= 0x2000
    }

    /// A bullet that starts a list item.
    @inline(__always) var isBullet: Bool {
        switch value {
        case 0x2022, 0x2043, 0x2023, 0x25E6, 0x25AA, 0x25CF: return true
        default: return false
        }
    }
}
