/// One page being rendered: the output and the context stack, threaded `inout` through every node so that nothing
/// is copied but the references a push retains. The output is bytes appended from valid pieces (template text,
/// strings, whole escapes), so they need no checking at the end and become the page's file as they are.
struct MustacheRender {
    let output: PageBuffer
    private var stack: [TemplateValue]
    private let program: MustacheProgram
    private let reportsMissingPartials: Bool
    private var depth = 0

    /// Partials nested deeper than this are a template that includes itself without end.
    static let maximumDepth = 200

    init(_ value: TemplateValue, program: MustacheProgram, reportsMissingPartials: Bool, capacity: Int) {
        stack = [value]
        stack.reserveCapacity(16)
        output = PageBuffer(capacity: capacity)
        self.program = program
        self.reportsMissingPartials = reportsMissingPartials
    }

    /// What one render call hands down besides whether variables are escaped: swift-mustache's context without
    /// the stack.
    struct Frame {
        /// Put before each line the call renders (a standalone partial's or block's indentation).
        var indentation = ""
        /// `{{$block}}` bodies given by including templates; the outermost definition wins.
        var overrides: [String: Range<Int>] = [:]
    }

    /// Renders the nodes in `range` as one swift-mustache render call, which starts escaping variables as
    /// `escapes` says (a `{{%CONTENT_TYPE}}` tag changes it for the rest of the call). With an indentation, a
    /// node's output is indented when it is not empty and this call's output so far ends a line; as in
    /// swift-mustache, the first node of each call (and so of each section item) is not, and a line ending
    /// "\r\n" does not count.
    mutating func render(_ range: Range<Int>, _ frame: Frame, escapes given: Bool) throws(MustacheRenderError) {
        var escapes = given
        let ops = program.ops
        var index = range.lowerBound
        if frame.indentation.isEmpty {
            while index < range.upperBound { index = try run(ops, index, frame, &escapes) }
            return
        }
        let start = output.count
        while index < range.upperBound {
            if case .text(let offset, let count) = ops[index] {
                appendIndented(Int(offset), Int(count), frame.indentation, callStart: start)
                index += 1
                continue
            }
            let before = output.count
            let indents = endsLine(since: start)
            index = try run(ops, index, frame, &escapes)
            if indents, output.count > before {
                output.insert(frame.indentation, at: before)
            }
        }
    }

    /// Renders the node at `index` and returns the index of the node after it (and after its children).
    private mutating func run(
        _ ops: UnsafeBufferPointer<MustacheProgram.Op>, _ index: Int, _ frame: Frame, _ escapes: inout Bool
    ) throws(MustacheRenderError) -> Int {
        switch ops[index] {
        case .text(let offset, let count):
            output.append(UnsafeBufferPointer(rebasing: program.text[Int(offset)..<Int(offset + count)]))
            return index + 1
        case .variable(let path, let escaped):
            if let value = lookup(path) { append(value, escaped: escaped && escapes) }
            return index + 1
        case .section(let path, let end):
            let children = (index + 1)..<Int(end)
            guard let value = lookup(path) else { return Int(end) }
            switch value {
            case .list(let items):
                for item in items {
                    stack.append(item)
                    try render(children, frame, escapes: escapes)
                    stack.removeLast()
                }
            case .bool(let flag):
                if flag { try render(children, frame, escapes: escapes) }
            case .string, .object:
                stack.append(value)
                try render(children, frame, escapes: escapes)
                stack.removeLast()
            }
            return Int(end)
        case .inverted(let path, let end):
            let children = (index + 1)..<Int(end)
            switch lookup(path) {
            case nil, .bool(false):
                try render(children, frame, escapes: escapes)
            case .list(let items) where items.isEmpty:
                stack.append(.list(items))
                try render(children, frame, escapes: escapes)
                stack.removeLast()
            default:
                break
            }
            return Int(end)
        case .partial(let partial):
            try include(program.partials[Int(partial)], frame)
            return index + 1
        case .block(let number, let end):
            let block = program.blocks[Int(number)]
            var inner = frame
            inner.indentation += block.indentation
            try render(frame.overrides[block.name] ?? (index + 1)..<Int(end), inner, escapes: escapes)
            return Int(end)
        case .contentType(let escapesHTML):
            escapes = escapesHTML
            return index + 1
        }
    }

    /// Renders a template's nodes as the whole page.
    mutating func render(template nodes: Range<Int>) throws(MustacheRenderError) {
        try render(nodes, Frame(), escapes: true)
    }

    private mutating func include(_ partial: MustacheProgram.Partial, _ frame: Frame) throws(MustacheRenderError) {
        let name: String
        let found: Range<Int>?
        switch partial.target {
        case .name(let fixed):
            name = fixed
            found = partial.nodes
        case .dynamic(let path):
            guard case .string(let named)? = lookup(path) else { return }
            name = named
            found = program.entries[name]
        }
        guard let nodes = found else {
            guard reportsMissingPartials else { return }
            throw MustacheRenderError(
                message: "partial '\(name).mustache' not found", hint: "add it to the templates folder or fix the name")
        }
        guard depth < Self.maximumDepth else {
            throw MustacheRenderError(
                message: "partials nest more than \(Self.maximumDepth) deep at '\(name).mustache'",
                hint: "a partial includes itself without a section that ends the recursion")
        }
        var inner = frame
        if let indentation = partial.indentation { inner.indentation += indentation }
        if !partial.overrides.isEmpty {
            inner.overrides = frame.overrides.merging(partial.overrides) { outer, _ in outer }
        }
        depth += 1
        try render(nodes, inner, escapes: true)
        depth -= 1
    }

    /// The value a path names: the first key is searched from the top of the stack down, the rest below it.
    private func lookup(_ number: Int32) -> TemplateValue? {
        let path = program.paths[Int(number)]
        let keys = Int(path.firstKey)..<Int(path.firstKey + path.keyCount)
        switch path.kind {
        case .climbing:
            let first = program.keys[keys.lowerBound]
            var index = stack.count - 1
            while index >= 0 {
                if let found = stack[index].field(first) {
                    return keys.count == 1 ? found : descend(found, keys.dropFirst())
                }
                index -= 1
            }
            return nil
        case .current:
            return stack.last
        case .anchored:
            return stack.last.flatMap { descend($0, keys) }
        }
    }

    private func descend(_ value: TemplateValue, _ keys: Range<Int>) -> TemplateValue? {
        var value = value
        for key in keys {
            guard let next = value.field(program.keys[key]) else { return nil }
            value = next
        }
        return value
    }

    private mutating func append(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .string(let text):
            if escaped {
                HTMLEscaping.append(text, to: output)
            } else {
                output.append(text)
            }
        case .bool(let flag):
            output.append(flag ? "true" : "false")
        case .list, .object:
            let text = HTMLEscaping.describe(value)
            if escaped {
                HTMLEscaping.append(text, to: output)
            } else {
                output.append(text)
            }
        }
    }

    /// Appends template text line by line, indenting each line that starts where this call's output ends a line.
    private mutating func appendIndented(_ offset: Int, _ count: Int, _ indentation: String, callStart: Int) {
        let text = program.text
        var lineStart = offset
        let end = offset + count
        while lineStart < end {
            var lineEnd = lineStart
            while lineEnd < end, text[lineEnd] != 0x0A { lineEnd += 1 }
            if lineEnd < end { lineEnd += 1 }
            if endsLine(since: callStart) { output.append(indentation) }
            output.append(UnsafeBufferPointer(rebasing: text[lineStart..<lineEnd]))
            lineStart = lineEnd
        }
    }

    /// Whether the output since `start` is not empty and its last Character is "\n" (not "\r\n").
    private func endsLine(since start: Int) -> Bool {
        let count = output.count
        guard count > start, output[count - 1] == 0x0A else { return false }
        return !(count - 2 >= start && output[count - 2] == 0x0D)
    }
}
