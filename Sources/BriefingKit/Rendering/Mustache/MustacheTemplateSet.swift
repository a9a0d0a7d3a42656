/// Compiled templates by name; each can include the others as partials, as in a swift-mustache library.
struct MustacheTemplateSet: Sendable {
    private let templates: [String: [MustacheNode]]
    /// The same templates laid out for rendering.
    private let program: MustacheProgram
    /// A theme's missing partial is an error; the spec wants it to render as nothing.
    let reportsMissingPartials: Bool

    init(_ templates: [String: [MustacheNode]], reportsMissingPartials: Bool) {
        self.templates = templates
        program = MustacheProgram(templates)
        self.reportsMissingPartials = reportsMissingPartials
    }

    /// Every template name.
    var names: Set<String> { Set(templates.keys) }

    /// Template `name` rendered with `value`, or nil when there is no such template.
    func render(_ name: String, _ value: TemplateValue) throws(MustacheRenderError) -> PageBuffer? {
        guard let nodes = program.entries[name] else { return nil }
        // Most pages fit; bigger ones grow the buffer by doubling, once or twice.
        var render = MustacheRender(value, program: program, reportsMissingPartials: reportsMissingPartials, capacity: 1 << 16)
        try render.render(template: nodes)
        return render.output
    }

    /// The templates rendering `name` reads: itself and every partial and parent it names, followed through;
    /// nil when a dynamic partial (`{{>*key}}`) leaves that to the values rendered.
    func dependencies(of name: String) -> Set<String>? {
        var seen: Set<String> = []
        var pending = [name]
        var dynamic = false
        while let next = pending.popLast() {
            guard seen.insert(next).inserted, let nodes = templates[next] else { continue }
            Self.forEachPartial(in: nodes) { partial in
                switch partial.target {
                case .name(let included): pending.append(included)
                case .dynamic: dynamic = true
                }
            }
        }
        return dynamic ? nil : seen
    }

    /// Calls `body` with every partial and parent tag in `nodes`, in template order, inside sections, blocks and
    /// block overrides (these by name).
    static func forEachPartial(in nodes: [MustacheNode], _ body: (MustachePartial) -> Void) {
        for node in nodes {
            switch node {
            case .section(_, let children), .inverted(_, let children), .block(_, let children, _):
                forEachPartial(in: children, body)
            case .partial(let partial):
                body(partial)
                for name in (partial.overrides ?? [:]).keys.sorted() {
                    forEachPartial(in: partial.overrides?[name] ?? [], body)
                }
            case .text, .variable, .contentType:
                break
            }
        }
    }

    /// A partial tag naming a template that is not in the set.
    struct MissingPartial: Equatable, Sendable {
        var template: String
        var partial: String
        var line: Int
        var column: Int
    }

    /// Fixed partial names that name no template, in template order, so that a theme's typo is reported at load.
    func missingPartials() -> [MissingPartial] {
        var missing: [MissingPartial] = []
        for name in templates.keys.sorted() {
            Self.forEachPartial(in: templates[name] ?? []) { partial in
                if case .name(let included) = partial.target, templates[included] == nil {
                    missing.append(MissingPartial(template: name, partial: included, line: partial.line, column: partial.column))
                }
            }
        }
        return missing
    }
}
