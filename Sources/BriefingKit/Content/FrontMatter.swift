import Yams

/// YAML front matter split from the body of a content file.
struct FrontMatter: Sendable {
    /// The parsed mapping, empty when the file has none.
    var fields: [String: FrontMatterValue]
    /// The text after the closing `---`.
    var body: String
    /// 1-based line of the file on which `body` starts.
    var bodyLine: Int
    /// Number of Unicode scalars before `body` in the file's text.
    var bodyOffset: Int

    /// Splits and parses `text`; `file` names the file in errors.
    static func parse(_ text: String, file: String) throws(BuildError) -> FrontMatter {
        // Work on scalars: a "\r\n" pair is one Character, and offsets must be scalar offsets.
        var scalars = Substring(text).unicodeScalars
        var skipped = 0
        if scalars.first == "\u{FEFF}" {
            scalars = scalars.dropFirst()
            skipped = 1
        }
        // Read lines only until the closing fence: the body is never split.
        func nextLine(from start: String.Index) -> (line: Range<String.Index>, next: String.Index?) {
            var end = start
            while end != scalars.endIndex, scalars[end] != "\n" { end = scalars.index(after: end) }
            return (start..<end, end == scalars.endIndex ? nil : scalars.index(after: end))
        }
        func isFence(_ range: Range<String.Index>, _ fences: [String]) -> Bool {
            var line = Substring(text.unicodeScalars[range])
            while let last = line.unicodeScalars.last, last == " " || last == "\t" || last == "\r" {
                line = Substring(line.unicodeScalars.dropLast())
            }
            return fences.contains(String(line))
        }
        let first = nextLine(from: scalars.startIndex)
        guard isFence(first.line, ["---"]), var cursor = first.next else {
            return FrontMatter(fields: [:], body: String(text[scalars.startIndex...]), bodyLine: 1, bodyOffset: skipped)
        }
        var yamlLines: [Substring] = []
        var closingLine = 1
        var bodyStart: String.Index?
        while true {
            let current = nextLine(from: cursor)
            closingLine += 1
            if isFence(current.line, ["---", "..."]) {
                bodyStart = current.next ?? scalars.endIndex
                break
            }
            yamlLines.append(Substring(text.unicodeScalars[current.line]))
            guard let next = current.next else { break }
            cursor = next
        }
        guard let bodyStart else {
            throw BuildError(
                stage: "load", location: SourceLocation(file: file, line: 1, column: 1),
                message: "front matter opened with '---' is never closed",
                hint: "add a line with '---' after the last front-matter field")
        }
        let yaml = yamlLines.joined(separator: "\n")
        let closing = closingLine - 1
        let bodyOffset = skipped + scalars.distance(from: scalars.startIndex, to: bodyStart)
        let body = String(text[bodyStart...])
        let fields = try parseMapping(yaml, file: file, firstLine: 2)
        return FrontMatter(fields: fields, body: body, bodyLine: closing + 2, bodyOffset: bodyOffset)
    }

    /// Parses a YAML mapping; errors name `file` with line numbers counted from `firstLine`.
    static func parseMapping(_ yaml: String, file: String, firstLine: Int) throws(BuildError) -> [String: FrontMatterValue] {
        if let fields = plainMapping(yaml, file: file, firstLine: firstLine) { return fields }
        return try yamlMapping(yaml, file: file, firstLine: firstLine)
    }

    /// `parseMapping` through Yams, for any YAML.
    static func yamlMapping(_ yaml: String, file: String, firstLine: Int) throws(BuildError) -> [String: FrontMatterValue] {
        let node: Node?
        do {
            // The encoding given: its default reads the whole environment on every call.
            node = try Yams.compose(yaml: yaml, .default, .default, .utf8)
        } catch let error as YamlError {
            throw yamlError(error, yaml: yaml, file: file, firstLine: firstLine)
        } catch {
            throw BuildError(stage: "load", location: SourceLocation(file: file), message: "\(error)")
        }
        guard let node else { return [:] }
        guard case .mapping(let mapping) = node else {
            throw BuildError(
                stage: "load", location: SourceLocation(file: file, line: node.mark.map { $0.line + firstLine - 1 }),
                message: "front matter must be a mapping of 'key: value' lines")
        }
        var fields: [String: FrontMatterValue] = [:]
        var seen: [String: Int] = [:]
        for (key, value) in mapping {
            let line = (key.mark?.line ?? 1) + firstLine - 1
            guard let name = key.string else {
                throw BuildError(stage: "load", location: SourceLocation(file: file, line: line), message: "a key must be a plain string")
            }
            if let earlier = seen[name] {
                throw BuildError(
                    stage: "load", location: SourceLocation(file: file, line: line, column: key.mark?.column),
                    message: "duplicate key '\(name)' (first set on line \(earlier))",
                    hint: "keep one '\(name):' line")
            }
            seen[name] = line
            fields[name] = FrontMatterValue(value, file: file, firstLine: firstLine)
        }
        return fields
    }

    private static func yamlError(_ error: YamlError, yaml: String, file: String, firstLine: Int) -> BuildError {
        func located(_ problem: String, _ mark: Mark, _ context: YamlError.Context?) -> BuildError {
            var message = problem
            if let context { message = "\(context.text.isEmpty ? "" : context.text + ": ")\(problem)" }
            return BuildError(
                stage: "load", location: SourceLocation(file: file, line: mark.line + firstLine - 1, column: mark.column),
                message: "invalid YAML: \(message)",
                hint: "check the indentation and quoting of this line")
        }
        switch error {
        case .scanner(let context, let problem, let mark, _):
            // A token left open to the end (an unclosed quote) is fixed where it begins, which the context marks;
            // any other problem is where the problem's mark is.
            let unclosed = problem.contains("end of stream") || problem.contains("end of the stream")
            return located(problem, unclosed ? context?.mark ?? mark : mark, context)
        case .parser(let context, let problem, let mark, _): return located(problem, mark, context)
        case .composer(let context, let problem, let mark, _): return located(problem, mark, context)
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams points at the mapping; point at the repeated key instead.
            let key = duplicates.first ?? ""
            let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
            let uses = lines.indices.filter { index in
                let line = lines[index].drop { $0 == " " }
                return line.hasPrefix(key + ":") || line.hasPrefix("\"\(key)\":") || line.hasPrefix("'\(key)':")
            }
            let line = uses.count > 1 ? uses[1] + 1 : context.mark.line
            return BuildError(
                stage: "load", location: SourceLocation(file: file, line: line + firstLine - 1),
                message: "duplicate key '\(key)'" + (uses.count > 1 ? " (first set on line \(uses[0] + firstLine))" : ""),
                hint: "keep one '\(key):' line")
        default:
            return BuildError(stage: "load", location: SourceLocation(file: file, line: firstLine), message: "invalid YAML: \(error)")
        }
    }
}

