/// A template that cannot be parsed, with the 1-based position of the tag at fault.
struct MustacheSyntaxError: Error, Sendable, Equatable {
    var message: String
    var line: Int
    var column: Int
}

/// A render that cannot finish: a template or partial that does not exist, or partials that never stop nesting.
struct MustacheRenderError: Error, Sendable, Equatable {
    var message: String
    var hint: String
}
