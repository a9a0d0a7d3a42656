import BriefingKit

/// A failed build as the browser overlay and the terminal show it.
public struct BuildFailure: Sendable, Hashable, Codable {
    /// The file at fault, as the build names it, when there is one.
    public var file: String?
    /// Its line, 1-based, when known.
    public var line: Int?
    /// Its column, 1-based, when known.
    public var column: Int?
    /// What went wrong.
    public var message: String
    /// What to do about it.
    public var hint: String?
    /// The whole error as the terminal prints it (`file:line:column: error: message`).
    public var text: String

    /// The failure a build error describes.
    public init(_ error: BuildError) {
        file = error.location?.file
        line = error.location?.line
        column = error.location?.column
        message = error.message
        hint = error.hint
        text = error.description
    }
}
