/// An article's text as an array of Unicode scalars, so that offsets are scalar positions and every
/// look-up is O(1).
public struct ScalarText: Sendable {
    /// The scalars of the text.
    public let scalars: [Unicode.Scalar]

    /// Wraps `text`.
    public init(_ text: String) {
        scalars = Array(text.unicodeScalars)
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
        let lower = max(0, min(start, scalars.count))
        let upper = max(lower, min(end, scalars.count))
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[lower..<upper])
        return String(view)
    }

    /// The span with leading and trailing white space removed.
    public func trimmed(_ span: TextSpan) -> TextSpan {
        var start = span.start
        var end = span.end
        while start < end, scalars[start].properties.isWhitespace { start += 1 }
        while end > start, scalars[end - 1].properties.isWhitespace { end -= 1 }
        return TextSpan(start, end)
    }

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
        return properties.isUppercase
    }

    /// Lower-case letter.
    @inline(__always) var isLower: Bool {
        if value < 0x80 { return value >= 0x61 && value <= 0x7A }
        return properties.isLowercase
    }

    /// Letter of any case or script.
    @inline(__always) var isLetter: Bool {
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        return properties.isAlphabetic
    }

    /// ASCII digit.
    @inline(__always) var isDigit: Bool { value >= 0x30 && value <= 0x39 }

    /// Space, tab, line end or another white-space scalar.
    @inline(__always) var isSpace: Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return properties.isWhitespace
    }
}
