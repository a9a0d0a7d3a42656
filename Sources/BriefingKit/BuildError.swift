import Foundation

/// A position in a source file, 1-based.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// Path of the file as the user gave or sees it.
    public var file: String
    /// Line, 1-based, when known.
    public var line: Int?
    /// Column, 1-based, when known.
    public var column: Int?

    /// Creates a location.
    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, leaving out what is unknown.
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }
}

/// Shows a location inside the content folder the way the user reaches it from the working directory:
/// "briefings/x/index.md" becomes "Content/briefings/x/index.md" (or the path given with --content). Locations
/// that are absolute or name no file of the content folder are left as they are.
public struct ContentPaths: Sendable {
    /// The content folder as the user gave it.
    public let content: String

    /// Creates the mapping for the content folder given as `content`.
    public init(content: String) {
        self.content = content
    }

    /// The location as seen from the working directory.
    public func callAsFunction(_ location: SourceLocation) -> SourceLocation {
        guard !location.file.hasPrefix("/") else { return location }
        let shown = content.hasSuffix("/") ? content + location.file : content + "/" + location.file
        var exists = ObjCBool(false)
        guard FileManager.default.fileExists(atPath: shown, isDirectory: &exists) else { return location }
        var moved = location
        moved.file = shown
        return moved
    }
}

/// The one error type the build reports: which stage failed, where, what went wrong and what to do.
public struct BuildError: Error, Sendable, CustomStringConvertible {
    /// The pipeline stage or command that failed ("load", "render", "write").
    public var stage: String
    /// Where the problem is, when it is in a file.
    public var location: SourceLocation?
    /// What went wrong.
    public var message: String
    /// What the user can do about it.
    public var hint: String?
    /// Further errors found in the same stage (other files that fail to load), reported together so that one
    /// build shows every broken file.
    public var others: [BuildError] = []

    /// This error and the others found with it, in file order.
    public var all: [BuildError] {
        var first = self
        first.others = []
        return [first] + others
    }

    /// Creates an error.
    public init(stage: String, location: SourceLocation? = nil, message: String, hint: String? = nil) {
        self.stage = stage
        self.location = location
        self.message = message
        self.hint = hint
    }

    /// The same error (and the others with it) with its paths shown from the working directory.
    public func relocated(_ paths: ContentPaths) -> BuildError {
        var moved = self
        moved.location = location.map { paths($0) }
        moved.others = others.map { $0.relocated(paths) }
        return moved
    }

    /// `file:line:column: error: message (hint)`, the form editors and terminals link.
    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "error: \(message)"
        if let hint { text += "\n  hint: \(hint)" }
        for other in others { text += "\n" + other.description }
        if !others.isEmpty { text += "\n\(others.count + 1) errors" }
        return text
    }
}

/// Something worth telling the user that does not stop the build.
public struct BuildWarning: Hashable, Sendable, CustomStringConvertible {
    /// Where the problem is.
    public var location: SourceLocation?
    /// What is wrong.
    public var message: String

    /// Creates a warning.
    public init(location: SourceLocation? = nil, message: String) {
        self.location = location
        self.message = message
    }

    /// The same warning with its path shown from the working directory.
    public func relocated(_ paths: ContentPaths) -> BuildWarning {
        BuildWarning(location: location.map { paths($0) }, message: message)
    }

    /// `file:line: warning: message`.
    public var description: String {
        (location.map { "\($0): " } ?? "") + "warning: \(message)"
    }
}
