/// One page being rendered: the output and the context stack, threaded `inout` through every node so that nothing
/// is copied but the references a push retains. The output is bytes appended from valid pieces (template text,
/// strings, whole escapes), so they need no checking at the end and become the page's file as they are.
struct MustacheRender {
    let output: PageBuffer
    private var stack: [TemplateValue]
    private let templates: MustacheTemplateSet
    private var depth = 0

    /// Partials nested deeper than this are a template that includes itself without end.
    static let maximumDepth = 200

    init(_ value: TemplateValue, templates: MustacheTemplateSet, capacity: Int) {
        stack = [value]
        stack.reserveCapacity(16)
        output = PageBuffer(capacity: capacity)
        self.templates = templates
    }

    /// What one render call hands down: swift-mustache's context without the stack.
    struct Frame {
        /// Put before each line the call renders (a standalone partial's or block's indentation).
        var indentation = ""
        /// `{{$block}}` bodies given by including templates; the outermost definition wins.
        var overrides: [String: [MustacheNode]] = [:]
        var escapesHTML = true
    }

    /// Renders `nodes` as one swift-mustache render call. With an indentation, a node's output is indented when
    /// it is not empty and this call's output so far ends a line; as in swift-mustache, the first node of each
    /// call (and so of each section item) is not, and a line ending "\r\n" does not count.
    mutating func render(_ nodes: [MustacheNode], _ given: Frame) throws(MustacheRenderError) {
        var frame = given
        if frame.indentation.isEmpty {
            for node in nodes { try render(node, &frame) }
            return
        }
        let start = output.count
        for node in nodes {
            if case .text(let text) = node {
                appendIndented(text, frame.indentation, callStart: start)
                continue
            }
            let before = output.count
            let indents = endsLine(since: start)
            try render(node, &frame)
            if indents, output.count > before {
                output.insert(frame.indentation, at: before)
            }
        }
    }

    private mutating func render(_ node: MustacheNode, _ frame: inout Frame) throws(MustacheRenderError) {
        switch node {
        case .text(let text):
            output.append(text)
        case .variable(let path, let escaped):
            guard let value = lookup(path) else { return }
            append(value, escaped: escaped && frame.escapesHTML)
        case .section(let path, let nodes):
            guard let value = lookup(path) else { return }
            switch value {
            case .list(let items):
                for item in items {
                    stack.append(item)
                    try render(nodes, frame)
                    stack.removeLast()
                }
            case .bool(let flag):
                if flag { try render(nodes, frame) }
            case .string, .object:
                stack.append(value)
                try render(nodes, frame)
                stack.removeLast()
            }
        case .inverted(let path, let nodes):
            switch lookup(path) {
            case nil, .bool(false):
                try render(nodes, frame)
            case .list(let items) where items.isEmpty:
                stack.append(.list(items))
                try render(nodes, frame)
                stack.removeLast()
            default:
                break
            }
        case .partial(let partial):
            try include(partial, frame)
        case .block(let name, let defaultNodes, let indentation):
            var inner = frame
            inner.indentation += indentation
            try render(frame.overrides[name] ?? defaultNodes, inner)
        case .contentType(let escapesHTML):
            frame.escapesHTML = escapesHTML
        }
    }

    private mutating func include(_ partial: MustachePartial, _ frame: Frame) throws(MustacheRenderError) {
        let name: String
        switch partial.target {
        case .name(let fixed):
            name = fixed
        case .dynamic(let path, _):
            guard case .string(let named)? = lookup(path) else { return }
            name = named
        }
        guard let nodes = templates.nodes(name) else {
            guard templates.reportsMissingPartials else { return }
            throw MustacheRenderError(
                message: "partial '\(name).mustache' not found", hint: "add it to the templates folder or fix the name")
        }
        guard depth < Self.maximumDepth else {
            throw MustacheRenderError(
                message: "partials nest more than \(Self.maximumDepth) deep at '\(name).mustache'",
                hint: "a partial includes itself without a section that ends the recursion")
        }
        var inner = Frame(indentation: frame.indentation, overrides: frame.overrides, escapesHTML: true)
        if let indentation = partial.indentation { inner.indentation += indentation }
        if let overrides = partial.overrides, !overrides.isEmpty {
            inner.overrides = frame.overrides.merging(overrides) { outer, _ in outer }
        }
        depth += 1
        try render(nodes, inner)
        depth -= 1
    }

    /// The value a path names: the first key is searched from the top of the stack down, the rest below it.
    private func lookup(_ path: MustachePath) -> TemplateValue? {
        switch path {
        case .climbing(let first, let rest):
            var index = stack.count - 1
            while index >= 0 {
                if case .object(let fields) = stack[index], let found = fields[first] {
                    return rest.isEmpty ? found : Self.descend(found, rest)
                }
                index -= 1
            }
            return nil
        case .current:
            return stack.last
        case .anchored(let keys):
            return stack.last.flatMap { Self.descend($0, keys) }
        }
    }

    private static func descend(_ value: TemplateValue, _ keys: [String]) -> TemplateValue? {
        var value = value
        for key in keys {
            guard case .object(let fields) = value, let next = fields[key] else { return nil }
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
    private mutating func appendIndented(_ text: String, _ indentation: String, callStart: Int) {
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        while lineStart < utf8.endIndex {
            let end = utf8[lineStart...].firstIndex(of: 0x0A).map(utf8.index(after:)) ?? utf8.endIndex
            if endsLine(since: callStart) { output.append(indentation) }
            output.append(text[lineStart..<end])
            lineStart = end
        }
    }

    /// Whether the output since `start` is not empty and its last Character is "\n" (not "\r\n").
    private func endsLine(since start: Int) -> Bool {
        let count = output.count
        guard count > start, output[count - 1] == 0x0A else { return false }
        return !(count - 2 >= start && output[count - 2] == 0x0D)
    }
}
