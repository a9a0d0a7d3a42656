/// A template that cannot be parsed, with the 1-based position of the tag at fault.
struct MustacheSyntaxError: Error, Sendable, Equatable {
    var message: String
    var line: Int
    var column: Int
}
