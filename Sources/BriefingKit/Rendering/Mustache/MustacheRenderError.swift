/// A render that cannot finish: a template or partial that does not exist, or partials that never stop nesting.
struct MustacheRenderError: Error, Sendable, Equatable {
    var message: String
    var hint: String
}
