/// One piece of a compiled template: parsing happens once, rendering walks these.
indirect enum MustacheNode: Sendable {
    /// Literal template text, appended as it is.
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (raw).
    case variable(MustachePath, escaped: Bool)
    /// `{{#name}}…{{/name}}`.
    case section(MustachePath, [MustacheNode])
    /// `{{^name}}…{{/name}}`.
    case inverted(MustachePath, [MustacheNode])
    /// `{{>name}}`, `{{>*name}}`, or `{{<parent}}…{{/parent}}` with block overrides.
    case partial(MustachePartial)
    /// `{{$name}}default{{/name}}`: replaced by an override from an including template, if any.
    case block(name: String, defaultNodes: [MustacheNode], indentation: String)
    /// `{{% CONTENT_TYPE: TEXT }}` / `HTML`: whether later variables of the same render are HTML-escaped.
    case contentType(escapesHTML: Bool)
}

/// A name as a tag writes it, split once so that rendering only looks keys up.
enum MustachePath: Sendable, Hashable {
    /// `{{.}}`: the top of the context stack.
    case current
    /// `{{.a.b}}`: keys below the top of the stack only, with no search down the stack.
    case anchored([String])
    /// `{{a.b}}`: `first` is searched down the stack, then `rest` is followed from what was found.
    case climbing(first: String, rest: [String])

    /// The path a tag's name stands for, with the same reading of dots as swift-mustache.
    init(_ name: String) {
        let keys = name.split(separator: ".").map(String.init)
        if name == "." {
            self = .current
        } else if name.first == "." {
            self = keys.isEmpty ? .current : .anchored(keys)
        } else if let first = keys.first {
            self = .climbing(first: first, rest: Array(keys.dropFirst()))
        } else {
            self = .current
        }
    }
}

/// Where a partial comes from, how it is indented and which blocks it overrides.
struct MustachePartial: Sendable {
    /// How the template to include is named.
    enum Target: Sendable {
        /// A fixed template name.
        case name(String)
        /// `{{>*key}}`: the name is the string value of `key` at render time.
        case dynamic(MustachePath, key: String)
    }

    var target: Target
    /// Added to every line the partial renders; nil when the tag was not standalone.
    var indentation: String?
    /// `{{$block}}` definitions of a `{{<parent}}` tag; nil for a plain partial.
    var overrides: [String: [MustacheNode]]?
    /// 1-based position of the tag, for reporting a partial that does not exist.
    var line: Int
    var column: Int
}
