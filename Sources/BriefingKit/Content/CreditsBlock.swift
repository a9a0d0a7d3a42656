import Foundation

/// The trailing credits of a plain-text news article ("X reported from Y.", "… contributed to this report.",
/// "Excerpts: The Washington Post", "COMMENTS"), which are metadata rather than body text.
struct CreditsBlock: Hashable, Sendable {
    /// Scalar offset where the credits start (the body ends here).
    var start: Int
    /// The credit lines, trimmed.
    var lines: [String]
    /// Publication named by "Excerpts:" or "Source:".
    var source: String?
    /// People who "reported from" somewhere.
    var reporters: [String]
    /// People who "contributed to this report".
    var contributors: [String]

    /// Finds the credits at the end of `text`, or nil when the text has none. Reads lines backwards from the
    /// end and stops at the first that is not a credit, so the cost does not grow with the article.
    static func find(in text: String) -> CreditsBlock? {
        let scalars = text.unicodeScalars
        var block = CreditsBlock(start: 0, lines: [], source: nil, reporters: [], contributors: [])
        var blockStart: String.Index?
        var lineEnd = scalars.endIndex
        while lineEnd > scalars.startIndex {
            var lineStart = lineEnd
            while lineStart > scalars.startIndex, scalars[scalars.index(before: lineStart)] != "\n" {
                lineStart = scalars.index(before: lineStart)
            }
            let line = String(text[lineStart..<lineEnd]).trimmed
            if !line.isEmpty {
                guard block.absorb(line) else { break }
                block.lines.insert(line, at: 0)
                blockStart = lineStart
            }
            lineEnd = lineStart > scalars.startIndex ? scalars.index(before: lineStart) : lineStart
        }
        guard var start = blockStart, !block.lines.isEmpty else { return nil }
        // Blank lines before the credits go too, so the body ends on text.
        while start > scalars.startIndex, scalars[scalars.index(before: start)].properties.isWhitespace {
            start = scalars.index(before: start)
        }
        block.start = scalars.distance(from: scalars.startIndex, to: start)
        return block
    }

    /// Takes `line` into the block when it is a credit line.
    private mutating func absorb(_ line: String) -> Bool {
        let lower = line.lowercased()
        if ["comments", "comment", "advertisement", "share this article", "related"].contains(lower) { return true }
        for prefix in ["excerpts:", "source:", "excerpted from:"] where lower.hasPrefix(prefix) {
            source = String(line.dropFirst(prefix.count)).trimmed
            return true
        }
        guard line.count < 400 else { return false }
        var matched = false
        for sentence in Self.sentences(of: line) {
            let lowerSentence = sentence.lowercased()
            if let range = lowerSentence.range(of: " contributed to this report") {
                contributors += Self.names(in: String(sentence[..<range.lowerBound]))
                matched = true
            } else if let range = lowerSentence.range(of: " reported from ") ?? lowerSentence.range(of: " reported this story") {
                reporters += Self.names(in: String(sentence[..<range.lowerBound]))
                matched = true
            } else if lowerSentence.hasPrefix("reporting by ") || lowerSentence.hasPrefix("additional reporting by ") {
                contributors += Self.names(in: String(sentence.drop { $0 != " " }.dropFirst().drop { $0 != " " }))
                matched = true
            }
        }
        return matched
    }

    /// The sentences of a credit line: a full stop ends one only after a word of two or more letters, so
    /// initials ("David L. Stern") stay inside.
    static func sentences(of line: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        var letters = 0
        for character in line {
            if character == ".", letters >= 2 {
                sentences.append(current.trimmed)
                current = ""
                letters = 0
                continue
            }
            current.append(character)
            letters = character.isLetter ? letters + 1 : 0
        }
        if !current.trimmed.isEmpty { sentences.append(current.trimmed) }
        return sentences.filter { !$0.isEmpty }
    }

    /// Names in a credit list ("Mary Ilyushina in Berlin; Natalia Abbakumova in Riga, Latvia; and David L. Stern
    /// and Serhii Korolchuk in Kyiv"): groups split at ";", places after " in " dropped, then names split at
    /// "," and " and ".
    static func names(in list: String) -> [String] {
        var names: [String] = []
        let parts = list.split(separator: ";").flatMap { group -> [String] in
            var text = String(group).trimmed
            if text.hasPrefix("and ") { text = String(text.dropFirst(4)) }
            if let range = text.range(of: " in ") { text = String(text[..<range.lowerBound]) }
            return text.components(separatedBy: ",").flatMap { $0.components(separatedBy: " and ") }.map { part in
                var name = part.trimmed
                if name.hasPrefix("and ") { name = String(name.dropFirst(4)) }
                return name
            }
        }
        for part in parts where !part.isEmpty {
            let words = part.split(separator: " ")
            // A name is a short run of capitalised words; place names after "in" were cut above.
            if words.count <= 4, words.allSatisfy({ $0.first?.isUppercase == true }) { names.append(part) }
        }
        return names
    }
}

