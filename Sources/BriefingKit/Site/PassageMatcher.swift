import Extraction

/// Finds a quoted passage in an article's text, tolerant of case, white space, quotation marks, dashes and
/// ellipses standing for left-out words.
struct PassageMatcher: Sendable {
    private let folded: [Unicode.Scalar]
    private let offsets: [Int]

    /// Prepares `text` for searching.
    init(text: String) {
        var folded: [Unicode.Scalar] = []
        var offsets: [Int] = []
        folded.reserveCapacity(text.unicodeScalars.count)
        offsets.reserveCapacity(text.unicodeScalars.count)
        Self.fold(text) { scalar, offset in
            folded.append(scalar)
            offsets.append(offset)
        }
        self.folded = folded
        self.offsets = offsets
    }

    /// The span of `passage` in the text, or nil. An ellipsis in the passage ("…" or "...") matches any
    /// stretch of up to 600 characters.
    func find(_ passage: String) -> TextSpan? {
        var needle: [Unicode.Scalar] = []
        Self.fold(passage) { scalar, _ in needle.append(scalar) }
        while needle.last == " " { needle.removeLast() }
        guard needle.count >= 8 else { return nil }
        if let range = search(needle, from: 0, within: folded.count) {
            return span(range)
        }
        // Ellipses: match the pieces in order, each close after the previous one.
        let pieces = split(needle)
        guard pieces.count > 1 else { return nil }
        var start: Int?
        var position = 0
        var limit = folded.count
        for piece in pieces {
            guard let range = search(piece, from: position, within: limit) else { return nil }
            if start == nil { start = range.lowerBound }
            position = range.upperBound
            limit = min(folded.count, position + 600 + piece.count)
        }
        guard let start else { return nil }
        return span(start..<position)
    }

    private func span(_ range: Range<Int>) -> TextSpan {
        TextSpan(offsets[range.lowerBound], offsets[range.upperBound - 1] + 1)
    }

    private func split(_ needle: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var pieces: [[Unicode.Scalar]] = [[]]
        var i = 0
        while i < needle.count {
            if needle[i] == ".", i + 2 < needle.count, needle[i + 1] == ".", needle[i + 2] == "." {
                pieces.append([])
                i += 3
                continue
            }
            pieces[pieces.count - 1].append(needle[i])
            i += 1
        }
        return pieces.map { piece in
            var trimmed = piece
            while trimmed.first == " " { trimmed.removeFirst() }
            while trimmed.last == " " { trimmed.removeLast() }
            return trimmed
        }.filter { $0.count >= 3 }
    }

    private func search(_ needle: [Unicode.Scalar], from start: Int, within end: Int) -> Range<Int>? {
        guard !needle.isEmpty, end - start >= needle.count else { return nil }
        let first = needle[0]
        var i = start
        while i + needle.count <= end {
            if folded[i] == first {
                var j = 1
                while j < needle.count, folded[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i..<(i + j) }
            }
            i += 1
        }
        return nil
    }

    /// Lower-cases, drops quotation marks and bracket-free emphasis markers, turns dashes into "-", "…" into "...",
    /// and collapses white space to one space; `emit` receives each kept scalar with its offset in `text`.
    private static func fold(_ text: String, _ emit: (Unicode.Scalar, Int) -> Void) {
        var offset = 0
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            defer { offset += 1 }
            switch scalar {
            case "\"", "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}", "*", "_":
                continue
            case "'", "\u{2018}", "\u{2019}":
                // Apostrophes inside words stay (as '), quote marks around words go.
                emit("'", offset)
                lastWasSpace = false
            case "\u{2013}", "\u{2014}", "\u{2012}", "\u{2212}":
                emit("-", offset)
                lastWasSpace = false
            case "\u{2026}":
                for _ in 0..<3 { emit(".", offset) }
                lastWasSpace = false
            default:
                if scalar.properties.isWhitespace {
                    if !lastWasSpace { emit(" ", offset) }
                    lastWasSpace = true
                } else {
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars { emit(lower, offset) }
                    lastWasSpace = false
                }
            }
        }
    }
}
