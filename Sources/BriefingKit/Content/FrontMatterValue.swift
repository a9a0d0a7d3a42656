import Yams

/// A front-matter value with the line it came from, so that type errors can point at it.
struct FrontMatterValue: Sendable {
    /// The YAML shape of a value.
    enum Shape: Sendable {
        case scalar(String, quoted: Bool)
        case list([FrontMatterValue])
        case map([(String, FrontMatterValue)])
        case null
    }

    var shape: Shape
    var location: SourceLocation

    init(_ node: Node, file: String, firstLine: Int) {
        location = SourceLocation(file: file, line: node.mark.map { $0.line + firstLine - 1 }, column: node.mark?.column)
        switch node {
        case .scalar(let scalar):
            shape = scalar.style == .plain ? Self.plainShape(scalar.string) : .scalar(scalar.string, quoted: true)
        case .sequence(let sequence):
            shape = .list(sequence.map { FrontMatterValue($0, file: file, firstLine: firstLine) })
        case .mapping(let mapping):
            shape = .map(mapping.compactMap { key, value in
                key.string.map { ($0, FrontMatterValue(value, file: file, firstLine: firstLine)) }
            })
        case .alias:
            shape = .null
        }
    }

    init(shape: Shape, location: SourceLocation) {
        self.shape = shape
        self.location = location
    }

    /// An unquoted scalar: null when YAML's null words (or nothing) are written, else the text.
    static func plainShape(_ text: String) -> Shape {
        ["", "~", "null", "Null", "NULL"].contains(text) ? .null : .scalar(text, quoted: false)
    }

    private func typeError(_ key: String, expected: String) -> BuildError {
        BuildError(stage: "load", location: location, message: "'\(key)' must be \(expected)")
    }

    /// A text value; numbers and dates are taken as written.
    func string(_ key: String) throws(BuildError) -> String? {
        switch shape {
        case .scalar(let text, _): return text
        case .null: return nil
        default: throw typeError(key, expected: "a single text value")
        }
    }

    /// A yes/no value.
    func bool(_ key: String) throws(BuildError) -> Bool {
        switch shape {
        case .scalar(let text, false):
            switch text.lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: break
            }
        case .null: return false
        default: break
        }
        throw typeError(key, expected: "true or false")
    }

    /// A list of text values; a single value is a list of one.
    func strings(_ key: String) throws(BuildError) -> [String] {
        switch shape {
        case .scalar(let text, _): return [text]
        case .null: return []
        case .list(let items):
            var result: [String] = []
            for item in items {
                guard case .scalar(let text, _) = item.shape else {
                    throw item.typeError(key, expected: "a list of text values")
                }
                result.append(text)
            }
            return result
        case .map: throw typeError(key, expected: "a list of text values")
        }
    }

    /// Tags: a list of text values, or one line of them separated by commas ("tags: russia, ukraine"), trimmed,
    /// without empty ones.
    func tags(_ key: String) throws(BuildError) -> [String] {
        if case .scalar(let text, _) = shape {
            return text.split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
        }
        return try strings(key).map(\.trimmed).filter { !$0.isEmpty }
    }

    /// A whole number.
    func int(_ key: String) throws(BuildError) -> Int {
        if case .scalar(let text, _) = shape, let value = Int(text) { return value }
        throw typeError(key, expected: "a whole number")
    }

    /// The entries of a mapping, in file order.
    func entries(_ key: String) throws(BuildError) -> [(String, FrontMatterValue)] {
        switch shape {
        case .map(let entries): return entries
        case .null: return []
        default: throw typeError(key, expected: "a mapping of 'name: value' entries")
        }
    }

    /// The items of a list.
    func items(_ key: String) throws(BuildError) -> [FrontMatterValue] {
        switch shape {
        case .list(let items): return items
        case .null: return []
        default: throw typeError(key, expected: "a list")
        }
    }
}
