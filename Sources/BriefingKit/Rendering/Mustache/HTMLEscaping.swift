/// Variable text as UTF-8 bytes, escaped the way swift-mustache escapes it: `<` `>` `&` `"` `'` become
/// `&lt;` `&gt;` `&amp;` `&quot;` `&#39;`, and nothing else changes.
enum HTMLEscaping {
    /// Appends `text` unchanged.
    static func appendRaw(_ text: String, to output: inout [UInt8]) {
        if text.utf8.withContiguousStorageIfAvailable({ output.append(contentsOf: $0) }) == nil {
            output.append(contentsOf: text.utf8)
        }
    }

    /// Appends `text` escaped for HTML.
    static func append(_ text: String, to output: inout [UInt8]) {
        let start = output.count
        let done = text.utf8.withContiguousStorageIfAvailable { bytes in appendEscaped(bytes, to: &output) }
        if done != true {
            output.removeSubrange(start...)
            appendEscapedCharacters(text, to: &output)
        }
    }

    /// The byte-wise escape; false (with partial output) when a special character touches a non-ASCII byte.
    /// swift-mustache escapes whole Characters, and a combining mark after `"`, or a prepended mark before it,
    /// makes one Character that is not `"` and so is left alone; those rare strings take the Character path.
    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) -> Bool {
        var runStart = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            // '"' 0x22 … '>' 0x3E: one range check keeps the common bytes fast.
            if byte &- 0x22 <= 0x1C, let replacement = replacement(for: byte) {
                if (index > 0 && bytes[index - 1] >= 0x80) || (index + 1 < count && bytes[index + 1] >= 0x80) { return false }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                replacement.withUTF8Buffer { output.append(contentsOf: $0) }
                runStart = index + 1
            }
            index += 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
        return true
    }

    @inline(__always)
    private static func replacement(for byte: UInt8) -> StaticString? {
        switch byte {
        case 0x3C: return "&lt;"
        case 0x3E: return "&gt;"
        case 0x26: return "&amp;"
        case 0x22: return "&quot;"
        case 0x27: return "&#39;"
        default: return nil
        }
    }

    private static func appendEscapedCharacters(_ text: String, to output: inout [UInt8]) {
        for character in text {
            switch character {
            case "<": output.append(contentsOf: "&lt;".utf8)
            case ">": output.append(contentsOf: "&gt;".utf8)
            case "&": output.append(contentsOf: "&amp;".utf8)
            case "\"": output.append(contentsOf: "&quot;".utf8)
            case "'": output.append(contentsOf: "&#39;".utf8)
            default: output.append(contentsOf: character.utf8)
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
            let entries = fields.sorted { $0.key < $1.key }.map { "\($0.key.debugDescription): \(describe($0.value, nested: true))" }
            return "[" + entries.joined(separator: ", ") + "]"
        }
    }
}
