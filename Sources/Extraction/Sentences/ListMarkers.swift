/// Finds list-item markers inside one line ("1.", "2)", "3.)", "a.", "b)") so that each item becomes its own
/// sentence and the full stop of a marker is not taken for the end of a sentence.
struct ListMarkers {
    /// A marker: where it starts and one past its last scalar (the "." or ")").
    struct Marker: Equatable {
        var start: Int
        var end: Int
    }

    private struct Candidate {
        var start: Int
        var end: Int
        var value: Int
        var isLetter: Bool
        var confirmed: Bool
    }

    /// Markers of `line`, in text order. A number marker at the start of the line or right after a bullet counts
    /// on its own; any other marker counts only when its neighbour in the sequence (1 → 2) is in the line too,
    /// and letter markers are lower-case and start from "a", so that "in 2016. The" or the initials in
    /// "Franklin D. Roosevelt and Charles E. Schumer" are never read as list items.
    static func find(in text: ScalarText, line: TextSpan) -> [Marker] {
        var candidates: [Candidate] = []
        let s = text.scalars
        var i = line.start + 1
        // Markers end in "." or ")", which are rare enough to look back from.
        while i < line.end {
            defer { i += 1 }
            let c = s[i]
            guard c == "." || (c == ")" && s[i - 1] != ".") else { continue }
            let p = s[i - 1]
            var tokenStart = i - 1
            var value = 0
            var isLetter = false
            if p.isDigit {
                if tokenStart > line.start, s[tokenStart - 1].isDigit { tokenStart -= 1 }
                if tokenStart > line.start, s[tokenStart - 1].isDigit { continue }  // a year or a count, not an item
                for k in tokenStart..<i { value = value * 10 + Int(s[k].value - 0x30) }
            } else if p.value >= 0x61 && p.value <= 0x7A {
                if tokenStart > line.start, s[tokenStart - 1].isLetter { continue }
                isLetter = true
                value = Int(p.value - 0x60)
            } else {
                continue
            }
            guard tokenStart == line.start || s[tokenStart - 1].isSpace || s[tokenStart - 1].isBullet else { continue }
            // The marker's punctuation: ".", ")" or ".)", then a space and something.
            var end = i + 1
            if c == ".", end < line.end, s[end] == ")" { end += 1 }
            guard end + 1 < line.end, s[end].isSpace, !s[end + 1].isSpace else { continue }
            let leading = tokenStart == line.start || s[tokenStart - 1].isBullet
            candidates.append(
                Candidate(
                    start: tokenStart, end: end, value: value, isLetter: isLetter, confirmed: leading && !isLetter))
        }
        guard !candidates.isEmpty else { return [] }
        // Link each candidate to the latest earlier one with the previous value of the same kind (linear time).
        var latest: [Int: Int] = [:]
        for b in candidates.indices {
            let offset = candidates[b].isLetter ? 1_000 : 0
            let key = offset + candidates[b].value
            let previousKey = key - 1
            if let a = latest[previousKey],
                !candidates[b].isLetter || candidates[a].confirmed || candidates[a].value == 1
            {
                candidates[a].confirmed = true
                candidates[b].confirmed = true
            }
            latest[key] = b
        }
        return candidates.filter(\.confirmed).map { Marker(start: $0.start, end: $0.end) }
    }
}
