/// Reading the template text: characters, delimiters, names and the small tags that hold no content.
extension MustacheParser {
    var atEnd: Bool { position >= chars.count }

    var current: Character { position < chars.count ? chars[position] : "\0" }

    mutating func readWhile(_ accept: (Character) -> Bool) -> [Character] {
        let start = position
        while position < chars.count, accept(chars[position]) { position += 1 }
        return Array(chars[start..<position])
    }

    mutating func skipWhitespace() {
        while position < chars.count, chars[position].isWhitespace { position += 1 }
    }

    func matches(_ delimiter: [Character]) -> Bool {
        guard position + delimiter.count <= chars.count else { return false }
        return chars[position..<(position + delimiter.count)].elementsEqual(delimiter)
    }

    /// Text up to a line end (left unread) or an opening delimiter (read).
    mutating func readText(_ state: State) -> [Character] {
        var text: [Character] = []
        while position < chars.count {
            let c = chars[position]
            if c == "\n" || c == "\r\n" { break }
            if c == state.open[0], matches(state.open) {
                position += state.open.count
                break
            }
            text.append(c)
            position += 1
        }
        return text
    }

    /// A tag stands alone when only whitespace precedes it on its line and only whitespace follows; the rest of the
    /// line, with its line break, is then consumed.
    mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var end = position
        while end < chars.count, chars[end] == " " || chars[end] == "\t" { end += 1 }
        guard end < chars.count, chars[end].isNewline else { return false }
        position = end + 1
        return true
    }

    mutating func readName(_ state: State, tag: Int, characters: Set<Character> = nameCharacters)
        throws(MustacheSyntaxError) -> String
    {
        skipWhitespace()
        let name = String(readWhile { characters.contains($0) })
        skipWhitespace()
        guard matches(state.close) else {
            let found = atEnd ? "the end of the file" : "'\(current)'"
            throw error("expected '\(String(state.close))' to close the tag '\(name)', found \(found)", at: tag)
        }
        position += state.close.count
        if name.contains("(") || name.contains(")") {
            throw error("'\(name)': transforms such as 'name(value)' are not supported", at: tag)
        }
        return name
    }

    mutating func skipComment(_ state: State, tag: Int) throws(MustacheSyntaxError) {
        while position < chars.count {
            if matches(state.close) {
                position += state.close.count
                return
            }
            position += 1
        }
        throw error("comment is never closed with '\(String(state.close))'", at: tag)
    }

    /// `{{=<% %>=}}`.
    mutating func readDelimiters(_ state: State, tag: Int) throws(MustacheSyntaxError) -> State {
        skipWhitespace()
        let open = readWhile { !$0.isWhitespace }
        skipWhitespace()
        let close = readWhile { $0 != "=" && !$0.isWhitespace }
        skipWhitespace()
        guard !atEnd, !open.isEmpty, !close.isEmpty, current == "=" else {
            throw error("set delimiters as '{{=<% %>=}}': two delimiters separated by a space, between '='", at: tag)
        }
        position += 1
        guard matches(state.close) else { throw error("expected '=\(String(state.close))' to end the delimiter change", at: tag) }
        position += state.close.count
        var changed = state
        changed.open = open
        changed.close = close
        changed.inParentBody = false
        return changed
    }

    /// `{{% CONTENT_TYPE: TEXT }}`, swift-mustache's switch between HTML-escaped and plain variables.
    mutating func readPragma(_ state: State, tag: Int) throws(MustacheSyntaxError) -> MustacheNode {
        skipWhitespace()
        let name = String(readWhile { Self.pragmaCharacters.contains($0) })
        skipWhitespace()
        guard current == ":" else { throw error("pragmas read '{{% CONTENT_TYPE: TEXT}}'", at: tag) }
        position += 1
        skipWhitespace()
        let value = String(readWhile { Self.pragmaCharacters.contains($0) })
        skipWhitespace()
        guard matches(state.close) else { throw error("pragmas read '{{% CONTENT_TYPE: TEXT}}'", at: tag) }
        position += state.close.count
        guard name == "CONTENT_TYPE", value == "HTML" || value == "TEXT" else {
            throw error("unknown pragma '\(name): \(value)'; only 'CONTENT_TYPE: HTML' and 'CONTENT_TYPE: TEXT' exist", at: tag)
        }
        return .contentType(escapesHTML: value == "HTML")
    }

    func location(of index: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for i in 0..<min(index, chars.count) where chars[i].isNewline {
            line += 1
            lineStart = i + 1
        }
        return (line, index - lineStart + 1)
    }

    func error(_ message: String, at index: Int) -> MustacheSyntaxError {
        let (line, column) = location(of: index)
        return MustacheSyntaxError(message: message, line: line, column: column)
    }
}
