import Foundation

/// A value a template can read: the view models handed to templates are built from these, never from the
/// domain model, so any Mustache renderer can read them without reflection.
public enum TemplateValue: Sendable, Hashable {
    /// Text; escaped by `{{name}}`, raw in `{{{name}}}`.
    case string(String)
    /// A flag for `{{#name}}…{{/name}}` and `{{^name}}…{{/name}}`.
    case bool(Bool)
    /// A list iterated by a section.
    case list([TemplateValue])
    /// Named fields.
    case object(TemplateObject)

    /// An integer shown as text.
    public static func int(_ value: Int) -> TemplateValue { .string(String(value)) }

    /// The field named `key` of an object; nil for anything else. Read in place, the object borrowed rather
    /// than taken out of the value.
    @inline(__always)
    func field(_ key: String) -> TemplateValue? {
        guard case .object(let object) = self else { return nil }
        return object[key]
    }

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
        self = .object(TemplateObject(elements))
    }
}

/// The named fields of a view-model object, kept in the order they were given.
///
/// View models have a handful to a few dozen fields and are built once per page, so an array searched from the
/// front is cheaper than a dictionary: no hashing when building or reading, one allocation per object.
public struct TemplateObject: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    /// The fields in order, as (name, value); a name appears at most once. Kept as the very pairs a literal
    /// hands over, so that building an object allocates once and copies nothing.
    public private(set) var fields: [(String, TemplateValue)]

    /// An object with `elements`, whose names must differ (a repeated name is read as its first value).
    public init(_ elements: [(String, TemplateValue)]) {
        fields = elements
    }

    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self.init(elements)
    }

    public static func == (lhs: TemplateObject, rhs: TemplateObject) -> Bool {
        lhs.fields.count == rhs.fields.count && zip(lhs.fields, rhs.fields).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(fields.count)
        for (key, value) in fields {
            hasher.combine(key)
            hasher.combine(value)
        }
    }

    /// Whether the object has no fields.
    public var isEmpty: Bool { fields.isEmpty }

    /// The value named `key`.
    public subscript(key: String) -> TemplateValue? {
        get {
            // Compared where they lie: iterating the fields would copy each one, retaining its name and value.
            fields.withUnsafeBufferPointer { fields in
                for index in fields.indices where fields[index].0 == key { return fields[index].1 }
                return nil
            }
        }
        set {
            if let index = fields.firstIndex(where: { $0.0 == key }) {
                if let newValue { fields[index].1 = newValue } else { fields.remove(at: index) }
            } else if let newValue {
                fields.append((key, newValue))
            }
        }
    }
}

/// Renders a named template with a view model.
public protocol PageRenderer: Sendable {
    /// The names of the templates that can be rendered.
    var templateNames: Set<String> { get }
    /// Renders template `name` with `value`; a missing template is an error.
    func render(_ name: String, _ value: TemplateValue) throws(BuildError) -> String
    /// The same page as UTF-8 bytes, for writing.
    func renderData(_ name: String, _ value: TemplateValue) throws(BuildError) -> Data
    /// The templates rendering `name` reads (itself, its partials and parents), so that a page is rendered
    /// again only when one of them changes; nil when that is not known and any template change counts.
    func templates(readBy name: String) -> Set<String>?
}

extension PageRenderer {
    /// Unknown: any template change counts.
    public func templates(readBy name: String) -> Set<String>? { nil }

    /// The rendered text's bytes.
    public func renderData(_ name: String, _ value: TemplateValue) throws(BuildError) -> Data {
        Data(try render(name, value).utf8)
    }
}
