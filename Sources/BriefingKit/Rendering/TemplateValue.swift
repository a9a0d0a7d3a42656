/// A value a template can read: the view models handed to templates are built from these, never from the
/// domain model, so any Mustache renderer can read them without reflection.
public indirect enum TemplateValue: Sendable, Hashable {
    /// Text; escaped by `{{name}}`, raw in `{{{name}}}`.
    case string(String)
    /// A flag for `{{#name}}…{{/name}}` and `{{^name}}…{{/name}}`.
    case bool(Bool)
    /// A list iterated by a section.
    case list([TemplateValue])
    /// Named fields.
    case object([String: TemplateValue])

    /// An integer shown as text.
    public static func int(_ value: Int) -> TemplateValue { .string(String(value)) }

    /// Text, or false when nil so that sections skip it.
    public static func optional(_ value: String?) -> TemplateValue {
        value.map(TemplateValue.string) ?? .bool(false)
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

/// Renders a named template with a view model.
public protocol PageRenderer: Sendable {
    /// The names of the templates that can be rendered.
    var templateNames: Set<String> { get }
    /// Renders template `name` with `value`; a missing template is an error.
    func render(_ name: String, _ value: TemplateValue) throws(BuildError) -> String
}
