/// Front matter as nearly every file writes it — one `key: value` line per field, the value a plain word or
/// phrase, a quoted string without escapes, or a one-line list of plain words — read without a YAML parser,
/// which costs about forty times as much for these few lines. Anything else (indentation, block scalars,
/// anchors, escapes, comments after a value, a key written twice, an empty value) is left to Yams: the fast
/// path gives nil and never an answer of its own that Yams would not give.
extension FrontMatter {
    /// The mapping Yams would give for `yaml`, when every line is of the plain kinds above; nil otherwise.
    /// Lines and columns are counted as Yams counts them (from 1, in characters), lines from `firstLine`.
    static func plainMapping(_ yaml: String, file: String, firstLine: Int) -> [String: FrontMatterValue]? {
        let scalars = Array(yaml.unicodeScalars)
        var fields: [String: FrontMatterValue] = [:]
        var start = 0
        var line = firstLine
        while start <= scalars.count {
            var end = start
            while end < scalars.count, scalars[end] != "\n" { end += 1 }
            var last = end
            if last > start, scalars[last - 1] == "\r" { last -= 1 }
            let reader = LineReader(scalars: scalars, start: start, end: last, line: line, file: file)
            switch reader.entry() {
            case .skip: break
            case .other: return nil
            case .field(let key, let value):
                guard fields[key] == nil else { return nil }
                fields[key] = value
            }
            start = end + 1
            line += 1
        }
        return fields
    }

    /// One line of front matter.
    private struct LineReader {
        enum Entry {
            /// A blank or comment line.
            case skip
            /// A line only YAML itself can read.
            case other
            case field(String, FrontMatterValue)
        }

        let scalars: [Unicode.Scalar]
        let start: Int
        let end: Int
        let line: Int
        let file: String

        func entry() -> Entry {
            var i = start
            while i < end, scalars[i] == " " { i += 1 }
            if i == end { return .skip }
            if i == start, scalars[i] == "#" {
                // A comment runs to the line's end, which for YAML is also a lone CR, NEL or line separator.
                return scalars[i..<end].allSatisfy { Self.isPrintable($0) || $0 == "\t" } ? .skip : .other
            }
            guard i == start, Self.isKeyStart(scalars[i]) else { return .other }
            while i < end, Self.isKeyPart(scalars[i]) { i += 1 }
            // libyaml refuses a key of more than 1,024 characters.
            guard i - start <= 1024 else { return .other }
            let key = string(start..<i)
            guard i < end, scalars[i] == ":", i + 1 < end, scalars[i + 1] == " " else { return .other }
            i += 1
            while i < end, scalars[i] == " " { i += 1 }
            guard i < end, let value = value(at: i) else { return .other }
            return .field(key, value)
        }

        private func location(_ index: Int) -> SourceLocation {
            SourceLocation(file: file, line: line, column: index - start + 1)
        }

        /// The value starting at `index` and running to the end of the line.
        private func value(at index: Int) -> FrontMatterValue? {
            switch scalars[index] {
            case "\"", "'":
                let mark = scalars[index]
                guard let close = (index + 1..<end).first(where: { scalars[$0] == mark }),
                    onlySpaces(after: close),
                    scalars[(index + 1)..<close].allSatisfy({ $0 != "\\" && Self.isPrintable($0) })
                else { return nil }
                let text = string((index + 1)..<close)
                return FrontMatterValue(shape: .scalar(text, quoted: true), location: location(index))
            case "[":
                return list(at: index)
            default:
                guard let text = plain(index..<trimmedEnd(index..<end), inList: false) else { return nil }
                return FrontMatterValue(shape: FrontMatterValue.plainShape(text), location: location(index))
            }
        }

        /// A one-line list of plain items: `[a, b c, d]` or `[]`.
        private func list(at index: Int) -> FrontMatterValue? {
            guard let close = (index + 1..<end).first(where: { scalars[$0] == "]" }), onlySpaces(after: close) else { return nil }
            var items: [FrontMatterValue] = []
            var i = index + 1
            while i < close, scalars[i] == " " { i += 1 }
            if i < close {
                while true {
                    while i < close, scalars[i] == " " { i += 1 }
                    let itemStart = i
                    while i < close, scalars[i] != "," { i += 1 }
                    guard let text = plain(itemStart..<trimmedEnd(itemStart..<i), inList: true) else { return nil }
                    items.append(FrontMatterValue(shape: FrontMatterValue.plainShape(text), location: location(itemStart)))
                    if i == close { break }
                    i += 1  // past the comma
                }
            }
            return FrontMatterValue(shape: .list(items), location: location(index))
        }

        /// A plain scalar's text, when YAML would read `range` as exactly that: it starts with a letter or
        /// digit, holds no comment (" #"), no ": " and no line-breaking or unprintable character, and does not
        /// end with ":"; in a list, no flow indicator or mark of any kind either.
        private func plain(_ range: Range<Int>, inList: Bool) -> String? {
            guard let first = range.first, Self.isPlainStart(scalars[first]), scalars[range.upperBound - 1] != ":" else { return nil }
            for i in range {
                let scalar = scalars[i]
                guard Self.isPrintable(scalar) else { return nil }
                if scalar == "#", scalars[i - 1] == " " { return nil }
                if scalar == ":", i + 1 < range.upperBound, scalars[i + 1] == " " { return nil }
                if inList, "{}[],:#\"'`".unicodeScalars.contains(scalar) { return nil }
            }
            return string(range)
        }

        /// The text of `range`, encoded straight to UTF-8: building it through `String.UnicodeScalarView` goes
        /// through a generic append per scalar, which made front matter a third of loading an article.
        private func string(_ range: Range<Int>) -> String {
            String(unsafeUninitializedCapacity: range.count * 4) { buffer in
                var n = 0
                for i in range {
                    UTF8.encode(scalars[i]) { byte in
                        buffer[n] = byte
                        n += 1
                    }
                }
                return n
            }
        }

        private func trimmedEnd(_ range: Range<Int>) -> Int {
            var end = range.upperBound
            while end > range.lowerBound, scalars[end - 1] == " " { end -= 1 }
            return end
        }

        private func onlySpaces(after index: Int) -> Bool {
            (index + 1..<end).allSatisfy { scalars[$0] == " " }
        }

        private static func isKeyStart(_ scalar: Unicode.Scalar) -> Bool {
            (scalar.value >= 0x61 && scalar.value <= 0x7A) || (scalar.value >= 0x41 && scalar.value <= 0x5A) || scalar == "_"
        }

        private static func isKeyPart(_ scalar: Unicode.Scalar) -> Bool {
            isKeyStart(scalar) || (scalar.value >= 0x30 && scalar.value <= 0x39) || scalar == "-"
        }

        private static func isPlainStart(_ scalar: Unicode.Scalar) -> Bool {
            isKeyStart(scalar) && scalar != "_" || (scalar.value >= 0x30 && scalar.value <= 0x39)
                || (scalar.value >= 0xA0 && isPrintable(scalar))
        }

        /// Printable in YAML's sense and not a line break: no control characters (tab included), no C1 range
        /// (NEL is a line break there), no line or paragraph separator, no byte-order mark or non-character.
        private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
            let value = scalar.value
            if value < 0x80 { return value >= 0x20 && value != 0x7F }
            return value >= 0xA0 && value != 0x2028 && value != 0x2029 && value != 0xFEFF && value != 0xFFFE && value != 0xFFFF
        }
    }
}
