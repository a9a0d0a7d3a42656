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

    /// Finds the credits at the end of `text`, or nil when the text has none.
    static func find(in text: String) -> CreditsBlock? {
        let scalars = Array(text.unicodeScalars)
        var lines: [(start: Int, text: String)] = []
        var lineStart = 0
        for i in 0...scalars.count where i == scalars.count || scalars[i] == "\n" {
            let line = String(String.UnicodeScalarView(scalars[lineStart..<i])).trimmed
            if !line.isEmpty { lines.append((lineStart, line)) }
            lineStart = i + 1
        }
        var block = CreditsBlock(start: scalars.count, lines: [], source: nil, reporters: [], contributors: [])
        for line in lines.reversed() {
            guard block.absorb(line.text) else { break }
            block.start = line.start
            block.lines.insert(line.text, at: 0)
        }
        // Trim blank lines before the credits so the body ends on text.
        guard !block.lines.isEmpty else { return nil }
        while block.start > 0, scalars[block.start - 1].properties.isWhitespace { block.start -= 1 }
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

