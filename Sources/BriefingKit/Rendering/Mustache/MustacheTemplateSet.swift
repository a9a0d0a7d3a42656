/// Compiled templates by name; each can include the others as partials, as in a swift-mustache library.
struct MustacheTemplateSet: Sendable {
    private let templates: [String: [MustacheNode]]
    /// A theme's missing partial is an error; the spec wants it to render as nothing.
    let reportsMissingPartials: Bool

    init(_ templates: [String: [MustacheNode]], reportsMissingPartials: Bool) {
        self.templates = templates
        self.reportsMissingPartials = reportsMissingPartials
    }

    /// Every template name.
    var names: Set<String> { Set(templates.keys) }

    func nodes(_ name: String) -> [MustacheNode]? {
        templates[name]
    }

    /// Template `name` rendered with `value`, or nil when there is no such template.
    func render(_ name: String, _ value: TemplateValue) throws(MustacheRenderError) -> String? {
        guard let nodes = templates[name] else { return nil }
        // Most pages fit; bigger ones grow the buffer by doubling, once or twice.
        var render = MustacheRender(value, templates: self, capacity: 1 << 16)
        try render.render(nodes, MustacheRender.Frame())
        return render.output
    }

    /// The templates rendering `name` reads: itself and every partial and parent it names, followed through;
    /// nil when a dynamic partial (`{{>*key}}`) leaves that to the values rendered.
    func dependencies(of name: String) -> Set<String>? {
        var seen: Set<String> = []
        var pending = [name]
        var dynamic = false
        func visit(_ nodes: [MustacheNode]) {
            for node in nodes {
                switch node {
                case .section(_, let children), .inverted(_, let children), .block(_, let children, _):
                    visit(children)
                case .partial(let partial):
                    switch partial.target {
                    case .name(let included): pending.append(included)
                    case .dynamic: dynamic = true
                    }
                    for overrides in (partial.overrides ?? [:]).values { visit(overrides) }
                case .text, .variable, .contentType:
                    break
                }
            }
        }
        while let next = pending.popLast() {
            guard seen.insert(next).inserted, let nodes = templates[next] else { continue }
            visit(nodes)
        }
        return dynamic ? nil : seen
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
        func visit(_ nodes: [MustacheNode], in template: String) {
            for node in nodes {
                switch node {
                case .section(_, let children), .inverted(_, let children), .block(_, let children, _):
                    visit(children, in: template)
                case .partial(let partial):
                    if case .name(let name) = partial.target, templates[name] == nil {
                        missing.append(MissingPartial(template: template, partial: name, line: partial.line, column: partial.column))
                    }
                    for name in (partial.overrides ?? [:]).keys.sorted() {
                        visit(partial.overrides?[name] ?? [], in: template)
                    }
                case .text, .variable, .contentType:
                    break
                }
            }
        }
        for name in templates.keys.sorted() {
            visit(templates[name] ?? [], in: name)
        }
        return missing
    }
}
