/// Turns template text into nodes. It reads whitespace, standalone tags and indentation exactly as swift-mustache
/// 2.1 does (including where that differs from the letter of the spec without the spec testing it), so that pages
/// come out byte for byte as they did; like swift-mustache it reads Characters, not bytes.
struct MustacheParser {
    let chars: [Character]
    var position = 0
    /// Leading whitespace of the first line of a standalone block's default content (see `blockExpansion`).
    private var measuredIndent: [Character] = []

    private init(_ text: String) {
        chars = Array(text)
    }

    /// The nodes of `text`, or the first syntax error.
    static func parse(_ text: String) throws(MustacheSyntaxError) -> [MustacheNode] {
        var parser = MustacheParser(text)
        var definitions: [String: [MustacheNode]] = [:]
        return try parser.parse(State(), definitions: &definitions)
    }

    /// What the parser knows at a point of the text; nested sections get a copy.
    struct State {
        var sectionName: String?
        /// Where the open section's tag starts, for "never closed".
        var sectionTag = 0
        /// At the start of a line (only whitespace read so far), where a tag may be standalone.
        var newLine = true
        /// Directly inside `{{<parent}}`, where `{{$name}}` defines an override.
        var inParentBody = false
        /// Inside an override definition, whose own indentation is removed from each line.
        var inDefinition = false
        var definitionIndent: Int?
        /// On the first line of a standalone block's default content, whose indentation is the block's.
        var measuresIndent = false
        var blockIndent = 0
        var open: [Character] = ["{", "{"]
        var close: [Character] = ["}", "}"]

        func section(_ name: String, tag: Int, newLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.sectionTag = tag
            state.inParentBody = false
            state.measuresIndent = false
            if !newLine { state.newLine = false }
            return state
        }

        func parentBody(_ name: String, tag: Int) -> State {
            var state = self
            state.sectionName = name
            state.sectionTag = tag
            state.newLine = true
            state.inDefinition = true
            state.inParentBody = true
            state.measuresIndent = false
            return state
        }
    }

    static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*()")
    static let partialNameCharacters = nameCharacters.union(["/"])
    static let pragmaCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")

    // swift-mustache's parse loop: text up to a tag or line end, then one tag; whitespace at a line start is held
    // back until it is known whether the tag after it stands alone on its line.
    private mutating func parse(_ given: State, definitions: inout [String: [MustacheNode]]) throws(MustacheSyntaxError)
        -> [MustacheNode]
    {
        var nodes: [MustacheNode] = []
        var state = given
        var whitespace: [Character] = []
        while !atEnd {
            if state.newLine { readIndentation(&state, into: &whitespace) }
            let text = readText(state)
            if current.isNewline {
                nodes.append(Self.text(whitespace + text + [current]))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(Self.text(whitespace + text))
                whitespace = []
                state.newLine = false
            }
            if atEnd { break }
            let tag = position - state.open.count
            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let name = try readName(state, tag: tag)
                if isStandalone(state) {
                    setNewLine = true
                } else {
                    flush(&whitespace, into: &nodes)
                }
                var ignored: [String: [MustacheNode]] = [:]
                let children = try parse(state.section(name, tag: tag, newLine: setNewLine), definitions: &ignored)
                nodes.append(inverted ? .inverted(MustachePath(name), children) : .section(MustachePath(name), children))
            case "/":
                position += 1
                let name = try readName(state, tag: tag, characters: Self.partialNameCharacters)
                guard name == state.sectionName else {
                    let opened = location(of: state.sectionTag).line
                    let message = state.sectionName.map {
                        "'{{/\(name)}}' closes section '\($0)' (opened on line \(opened)), which is still open"
                    }
                    throw error(message ?? "'{{/\(name)}}' closes a section that was never opened", at: tag)
                }
                if !isStandalone(state) { flush(&whitespace, into: &nodes) }
                return Self.merged(nodes)
            case "!":
                position += 1
                try skipComment(state, tag: tag)
                setNewLine = isStandalone(state)
            case "{", "&":
                flush(&whitespace, into: &nodes)
                let triple = current == "{"
                position += 1
                let name = try readName(state, tag: tag)
                if triple {
                    guard current == "}" else { throw error("'{{{\(name)' needs a third '}' to close it", at: tag) }
                    position += 1
                }
                nodes.append(.variable(MustachePath(name), escaped: false))
            case ">":
                position += 1
                skipWhitespace()
                let dynamic = current == "*"
                if dynamic { position += 1 }
                let name = try readName(state, tag: tag, characters: Self.partialNameCharacters)
                let indentation = whitespace
                flush(&whitespace, into: &nodes)
                setNewLine = isStandalone(state)
                nodes.append(.partial(partial(name, dynamic: dynamic, indentation: setNewLine ? indentation : nil, tag: tag)))
            case "<":
                position += 1
                skipWhitespace()
                let raw = try readName(state, tag: tag, characters: Self.partialNameCharacters)
                let indentation = whitespace
                flush(&whitespace, into: &nodes)
                setNewLine = isStandalone(state)
                var overrides: [String: [MustacheNode]] = [:]
                let body = try parse(state.parentBody(raw, tag: tag), definitions: &overrides)
                for node in body {
                    guard case .text = node else {
                        throw error("only '{{$block}}…{{/block}}' definitions may stand inside '{{<\(raw)}}'", at: tag)
                    }
                }
                let dynamic = raw.first == "*"
                var target = partial(dynamic ? String(raw.dropFirst()) : raw, dynamic: dynamic, indentation: indentation, tag: tag)
                target.overrides = overrides
                nodes.append(.partial(target))
            case "$":
                position += 1
                let name = try readName(state, tag: tag)
                setNewLine = isStandalone(state)
                if state.inParentBody {
                    var ignored: [String: [MustacheNode]] = [:]
                    definitions[name] = try parse(state.section(name, tag: tag, newLine: setNewLine), definitions: &ignored)
                } else {
                    nodes += try blockExpansion(name, tag: tag, standalone: setNewLine, state: state, whitespace: whitespace)
                    whitespace = []
                }
            case "=":
                position += 1
                state = try readDelimiters(state, tag: tag)
                setNewLine = isStandalone(state)
            case "%":
                position += 1
                nodes.append(try readPragma(state, tag: tag))
                setNewLine = isStandalone(state)
            default:
                flush(&whitespace, into: &nodes)
                let name = try readName(state, tag: tag)
                nodes.append(.variable(MustachePath(name), escaped: true))
            }
            state.newLine = setNewLine
        }
        if let open = state.sectionName {
            let at = state.sectionTag + state.open.count
            let sigil = at < chars.count && "#^$<".contains(chars[at]) ? String(chars[at]) : ""
            throw error("'{{\(sigil)\(open)}}' is opened here and never closed (add '{{/\(open)}}')", at: state.sectionTag)
        }
        return Self.merged(nodes)
    }

    /// `{{$name}}default{{/name}}` outside a parent tag. When the tag stands alone, the spec takes the block's
    /// indentation from its default content ("Intrinsic indentation"), which swift-mustache does not; the default
    /// theme has no such block, so following the spec here changes none of its pages.
    private mutating func blockExpansion(
        _ name: String, tag: Int, standalone: Bool, state: State, whitespace: [Character]
    ) throws(MustacheSyntaxError) -> [MustacheNode] {
        var child = state.section(name, tag: tag, newLine: standalone)
        child.measuresIndent = standalone
        measuredIndent = []
        var ignored: [String: [MustacheNode]] = [:]
        let defaults = try parse(child, definitions: &ignored)
        var indentation = whitespace
        if standalone, !measuredIndent.isEmpty, !defaults.isEmpty { indentation = measuredIndent }
        let text = String(indentation)
        return (text.isEmpty ? [] : [.text(text)]) + [.block(name: name, defaultNodes: defaults, indentation: text)]
    }

    private mutating func readIndentation(_ state: inout State, into whitespace: inout [Character]) {
        let read = readWhile { $0 == " " || $0 == "\t" }
        var updated = true
        if state.inDefinition && !state.inParentBody {
            if let indent = state.definitionIndent {
                whitespace = Array(read.dropFirst(indent))
            } else {
                // The first line of a definition sets the indentation to remove and keeps none of its own.
                state.definitionIndent = read.count
                updated = false
            }
        } else {
            whitespace = read
        }
        if updated && state.blockIndent > 0 { whitespace = Array(whitespace.dropFirst(state.blockIndent)) }
        if state.measuresIndent {
            state.measuresIndent = false
            measuredIndent = updated ? whitespace : []
            state.blockIndent += measuredIndent.count
            if updated { whitespace = [] }
        }
    }

    private func partial(_ name: String, dynamic: Bool, indentation: [Character]?, tag: Int) -> MustachePartial {
        let (line, column) = location(of: tag)
        return MustachePartial(
            target: dynamic ? .dynamic(MustachePath(name), key: name) : .name(name),
            indentation: indentation.map { String($0) }, overrides: nil, line: line, column: column)
    }

    private func flush(_ whitespace: inout [Character], into nodes: inout [MustacheNode]) {
        guard !whitespace.isEmpty else { return }
        nodes.append(Self.text(whitespace))
        whitespace = []
    }

    private static func text(_ characters: [Character]) -> MustacheNode {
        .text(String(characters))
    }

    /// Neighbouring text nodes joined: fewer appends, and the same indentation (see `MustacheRender`).
    private static func merged(_ nodes: [MustacheNode]) -> [MustacheNode] {
        var result: [MustacheNode] = []
        result.reserveCapacity(nodes.count)
        for node in nodes {
            if case .text(let next) = node, case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous + next)
            } else {
                result.append(node)
            }
        }
        return result
    }
}
