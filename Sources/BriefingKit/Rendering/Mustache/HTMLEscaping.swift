import Extraction

/// Variable text escaped the way swift-mustache escapes it: `<` `>` `&` `"` `'` become `&lt;` `&gt;` `&amp;`
/// `&quot;` `&#39;`, and nothing else changes.
enum HTMLEscaping {
    /// Appends `text` escaped for HTML to a page's bytes: unchanged runs are copied from `text` as they lie.
    static func append(_ text: String, to output: PageBuffer) {
        let start = output.count
        let done = text.utf8.withContiguousStorageIfAvailable { bytes in appendEscaped(bytes, to: output) }
        if done != true {
            output.truncate(to: start)
            var escaped = ""
            appendEscapedCharacters(text, to: &escaped)
            output.append(escaped)
        }
    }

    /// The byte-wise escape; false (with partial output) when a special character touches a non-ASCII byte.
    /// swift-mustache escapes whole Characters, and a combining mark after `"`, or a prepended mark before it,
    /// makes one Character that is not `"` and so is left alone; those rare strings take the Character path.
    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: PageBuffer) -> Bool {
        var runStart = 0
        var index = 0
        let count = bytes.count
        while index < count {
            // Eight bytes at a time past text with nothing to escape (nearly all of it).
            index = ByteWord.skip(bytes, from: index, until: containsEscapedByte)
            guard index < count else { break }
            let byte = bytes[index]
            // '"' 0x22 … '>' 0x3E: one range check keeps the common bytes fast.
            if byte &- 0x22 <= 0x1C, let replacement = replacement(for: byte) {
                if (index > 0 && bytes[index - 1] >= 0x80) || (index + 1 < count && bytes[index + 1] >= 0x80) { return false }
                if runStart < index { output.append(UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                output.append(replacement)
                runStart = index + 1
            }
            index += 1
        }
        if runStart < count { output.append(UnsafeBufferPointer(rebasing: bytes[runStart..<count])) }
        return true
    }

    /// Whether any of the eight bytes of `word` is `"`, `&` or `'` (one test: they differ in bit 0), `<` or `>`
    /// (one test: bit 1).
    @inline(__always)
    static func containsEscapedByte(_ word: UInt64) -> Bool {
        ByteWord.hasByte(0x22, in: word) || ByteWord.hasByte(0x27, orWithout: 0x01, in: word) || ByteWord.hasByte(0x3E, orWithout: 0x02, in: word)
    }

    /// The entity for one of the escaped ASCII bytes.
    @inline(__always)
    static func replacement(for byte: UInt8) -> String? {
        switch byte {
        case 0x3C: return "&lt;"
        case 0x3E: return "&gt;"
        case 0x26: return "&amp;"
        case 0x22: return "&quot;"
        case 0x27: return "&#39;"
        default: return nil
        }
    }

    private static func appendEscapedCharacters(_ text: String, to output: inout String) {
        for character in text {
            switch character {
            case "<": output.append("&lt;")
            case ">": output.append("&gt;")
            case "&": output.append("&amp;")
            case "\"": output.append("&quot;")
            case "'": output.append("&#39;")
            default: output.append(character)
            }
        }
    }

    /// A list or object as `{{name}}` shows it: Swift's description of the array or dictionary swift-mustache
    /// is handed (`["a", "b"]`), with keys sorted so that output is stable.
    static func describe(_ value: TemplateValue, nested: Bool = false) -> String {
        switch value {
        case .string(let text):
            return nested ? text.debugDescription : text
        case .bool(let flag):
            return flag ? "true" : "false"
        case .list(let items):
            return "[" + items.map { describe($0, nested: true) }.joined(separator: ", ") + "]"
        case .object(let fields):
            guard !fields.isEmpty else { return "[:]" }
            let entries = fields.fields.sorted { $0.0 < $1.0 }.map { "\($0.0.debugDescription): \(describe($0.1, nested: true))" }
            return "[" + entries.joined(separator: ", ") + "]"
        }
    }
}
