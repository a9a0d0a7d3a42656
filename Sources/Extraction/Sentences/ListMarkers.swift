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
        var i = line.start
        while i < line.end {
            let c = text.scalars[i]
            let atItemStart = i == line.start || text.scalars[i - 1].isSpace || text.scalars[i - 1].isBullet
            guard atItemStart, c.isDigit || c.isLetter else { i += 1; continue }
            var j = i
            var value = 0
            var isLetter = false
            if c.isDigit {
                while j < line.end, text.scalars[j].isDigit, j - i < 2 {
                    value = value * 10 + Int(text.scalars[j].value - 0x30)
                    j += 1
                }
                if j < line.end, text.scalars[j].isDigit { i = j; continue }
            } else if c.isLower, c.value < 0x80, j + 1 < line.end, !text.scalars[j + 1].isLetter {
                isLetter = true
                value = Int((c.value | 0x20) - 0x60)
                j += 1
            } else {
                i += 1
                continue
            }
            // The marker's punctuation: ".", ")" or ".)", then a space and something.
            var end = j
            if end < line.end, text.scalars[end] == "." { end += 1 }
            if end < line.end, text.scalars[end] == ")" { end += 1 }
            if end > j, end + 1 < line.end, text.scalars[end].isSpace, !text.scalars[end + 1].isSpace {
                let leading = i == line.start || (i > line.start && text.scalars[i - 1].isBullet)
                candidates.append(
                    Candidate(start: i, end: end, value: value, isLetter: isLetter, confirmed: leading && !isLetter))
            }
            i = max(end, i + 1)
        }
        guard !candidates.isEmpty else { return [] }
        // Link each candidate to the latest earlier one with the previous value of the same kind (linear time).
        var latest: [Int: Int] = [:]
        for b in candidates.indices {
            let offset = candidates[b].isLetter ? 1_000 : 0
            let key = offset + candidates[b].value
            let previousKey = key - 1
            if let a = latest[previousKey], !candidates[b].isLetter || candidates[a].confirmed || candidates[a].value == 1 {
                candidates[a].confirmed = true
                candidates[b].confirmed = true
            }
            latest[key] = b
        }
        return candidates.filter(\.confirmed).map { Marker(start: $0.start, end: $0.end) }
    }
}
