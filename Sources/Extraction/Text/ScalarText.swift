/// An article's text as an array of Unicode scalars, so that offsets are scalar positions and every
/// look-up is O(1).
public struct ScalarText: Sendable {
    /// The scalars of the text.
    public let scalars: [Unicode.Scalar]

    /// Wraps `text`.
    public init(_ text: String) {
        var text = text
        scalars = text.withUTF8 { Self.decode($0) }
    }

    /// The scalars of valid UTF-8 (a `String`'s storage), decoded by hand: going through `unicodeScalars`
    /// costs about ten times as much per scalar.
    private static func decode(_ utf8: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
        var continuations = 0
        for byte in utf8 { continuations &+= byte & 0xC0 == 0x80 ? 1 : 0 }
        let count = utf8.count - continuations
        return [Unicode.Scalar](unsafeUninitializedCapacity: count) { buffer, initialized in
            var i = 0
            var n = 0
            let end = utf8.count
            while i < end, n < count {
                if utf8[i] < 0x80 {
                    buffer[n] = Unicode.Scalar(utf8[i])
                    n += 1
                    i += 1
                    continue
                }
                guard let (v, length) = decodeScalar(utf8, at: i) else { break }
                i += length
                // A `String` holds valid UTF-8, so every value is a scalar; the fallback only keeps this total.
                buffer[n] = Unicode.Scalar(v) ?? "\u{FFFD}"
                n += 1
            }
            initialized = n
        }
    }

    /// The value of the scalar whose UTF-8 starts at byte `index` of valid UTF-8, and its length in bytes; nil
    /// when the sequence would run past the end.
    @inlinable @inline(__always)
    public static func decodeScalar(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int)? {
        let b0 = UInt32(utf8[index])
        let end = utf8.count
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0, index + 1 < end { return ((b0 & 0x1F) << 6 | UInt32(utf8[index + 1] & 0x3F), 2) }
        if b0 < 0xF0, index + 2 < end {
            return ((b0 & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6 | UInt32(utf8[index + 2] & 0x3F), 3)
        }
        guard index + 3 < end else { return nil }
        return (
            (b0 & 0x07) << 18 | UInt32(utf8[index + 1] & 0x3F) << 12 | UInt32(utf8[index + 2] & 0x3F) << 6
                | UInt32(utf8[index + 3] & 0x3F), 4
        )
    }

    /// Number of scalars.
    public var count: Int { scalars.count }

    /// The scalar at `index`, or nil outside the text.
    @inline(__always)
    public subscript(safe index: Int) -> Unicode.Scalar? {
        index >= 0 && index < scalars.count ? scalars[index] : nil
    }

    /// The text of `span`.
    public func string(_ span: TextSpan) -> String {
        string(span.start, span.end)
    }

    /// The text between two offsets.
    public func string(_ start: Int, _ end: Int) -> String {
        // Encoded straight to UTF-8: appending to a `String.UnicodeScalarView` costs thousands of instructions
        // per call.
        utf8String(start, end)
    }

    /// The span with leading and trailing white space removed.
    public func trimmed(_ span: TextSpan) -> TextSpan {
        var start = span.start
        var end = span.end
        // `isSpace` answers as `properties.isWhitespace` does, without the look-up for ASCII and punctuation.
        while start < end, scalars[start].isSpace { start += 1 }
        while end > start, scalars[end - 1].isSpace { end -= 1 }
        return TextSpan(start, end)
    }

    /// The number of words, runs of non-space scalars, in `span`.
    func wordCount(_ span: TextSpan) -> Int {
        var count = 0
        var inWord = false
        for i in span.start..<span.end {
            let space = scalars[i].isSpace
            if !space && !inWord { count += 1 }
            inWord = !space
        }
        return count
    }

    /// Whether `scalar` is white space as the text's rules see it (`Unicode.Scalar.isSpace`).
    public static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar.isSpace }

    /// Spans of the lines that contain something other than white space.
    public func nonBlankLines() -> [TextSpan] {
        var lines: [TextSpan] = []
        var start = 0
        for i in 0...scalars.count {
            if i == scalars.count || scalars[i] == "\n" || scalars[i] == "\r" {
                let line = trimmed(TextSpan(start, i))
                if line.length > 0 { lines.append(line) }
                start = i + 1
            }
        }
        return lines
    }
}

extension Unicode.Scalar {
    /// Upper-case letter.
    @inline(__always) var isUpper: Bool {
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        if value &- 0x2000 < 0x70 { return false }  // General Punctuation: quotes, dashes, no letters
        return properties.isUppercase
    }

    /// Lower-case letter.
    @inline(__always) var isLower: Bool {
        if value < 0x80 { return value >= 0x61 && value <= 0x7A }
        if value &- 0x2000 < 0x70 { return false }
        return properties.isLowercase
    }

    /// Letter of any case or script.
    @inline(__always) var isLetter: Bool {
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        if value &- 0x2000 < 0x70 { return false }
        return properties.isAlphabetic
    }

    /// ASCII digit.
    @inline(__always) var isDigit: Bool { value >= 0x30 && value <= 0x39 }

    /// Space, tab, line end or another white-space scalar.
    @inline(__always) var isSpace: Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        if value &- 0x2000 < 0x70 {
            return value <= 0x200A || value == 0x2028 || value == 0x2029 || value == 0x202F || value == 0x205F
        }
        return properties.isWhitespace
    }
}
