/// Writes compact JSON with keys in the order given, so output is deterministic and fast to produce.
public struct JSONWriter: Sendable {
    /// The JSON written so far.
    public private(set) var output: String = ""
    private var needsComma: [Bool] = [false]

    /// Creates an empty writer.
    public init() {
        output.reserveCapacity(4096)
    }

    /// Starts an object, as a value or under `key`.
    public mutating func beginObject(_ key: String? = nil) {
        prefix(key)
        output += "{"
        needsComma.append(false)
    }

    /// Ends the innermost object.
    public mutating func endObject() {
        output += "}"
        needsComma.removeLast()
    }

    /// Starts an array, as a value or under `key`.
    public mutating func beginArray(_ key: String? = nil) {
        prefix(key)
        output += "["
        needsComma.append(false)
    }

    /// Ends the innermost array.
    public mutating func endArray() {
        output += "]"
        needsComma.removeLast()
    }

    /// A string value, or null.
    public mutating func string(_ value: String?, key: String? = nil) {
        prefix(key)
        if let value { Self.appendQuoted(value, to: &output) } else { output += "null" }
    }

    /// An integer value.
    public mutating func int(_ value: Int, key: String? = nil) {
        prefix(key)
        output += String(value)
    }

    /// A number rounded to four decimals.
    public mutating func number(_ value: Double, key: String? = nil) {
        prefix(key)
        guard value.isFinite else { output += "0"; return }
        let scaled = (value * 10_000).rounded()
        let whole = Int(scaled) / 10_000
        let fraction = abs(Int(scaled)) % 10_000
        if scaled < 0 && whole == 0 { output += "-" }
        output += String(whole)
        if fraction != 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: 4 - digits.count) + digits
            while digits.hasSuffix("0") { digits.removeLast() }
            output += "." + digits
        }
    }

    /// A boolean value.
    public mutating func bool(_ value: Bool, key: String? = nil) {
        prefix(key)
        output += value ? "true" : "false"
    }

    /// A pre-encoded JSON value.
    public mutating func raw(_ json: String, key: String? = nil) {
        prefix(key)
        output += json
    }

    private mutating func prefix(_ key: String?) {
        if needsComma[needsComma.count - 1] { output += "," } else { needsComma[needsComma.count - 1] = true }
        if let key {
            Self.appendQuoted(key, to: &output)
            output += ":"
        }
    }

    /// Appends `value` as a JSON string literal; `<`, `>`, `&` and U+2028/2029 are escaped as well, so the
    /// result can sit inside an HTML `<script>` element.
    public static func appendQuoted(_ value: String, to output: inout String) {
        output += "\""
        var plainStart = value.unicodeScalars.startIndex
        let scalars = value.unicodeScalars
        var index = plainStart
        while index != scalars.endIndex {
            let scalar = scalars[index]
            let escape: String?
            switch scalar.value {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x3C: escape = "\\u003c"
            case 0x3E: escape = "\\u003e"
            case 0x26: escape = "\\u0026"
            case 0x2028: escape = "\\u2028"
            case 0x2029: escape = "\\u2029"
            case 0x00..<0x20:
                let hex = String(scalar.value, radix: 16)
                escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: escape = nil
            }
            if let escape {
                output.unicodeScalars.append(contentsOf: scalars[plainStart..<index])
                output += escape
                plainStart = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        output.unicodeScalars.append(contentsOf: scalars[plainStart..<scalars.endIndex])
        output += "\""
    }
}
