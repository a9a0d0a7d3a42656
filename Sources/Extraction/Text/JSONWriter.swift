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
        Self.appendDecimal(value, to: &output)
    }

    /// Appends an integer's digits without allocating a string for it.
    static func appendDecimal(_ value: Int, to output: inout String) {
        if value < 0 { output += "-" }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
            UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var index = buffer.count
            repeat {
                index -= 1
                buffer[index] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
                magnitude /= 10
            } while magnitude > 0
            output += String(decoding: UnsafeRawBufferPointer(rebasing: buffer[index...]), as: UTF8.self)
        }
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
        // Copy runs of plain text as substrings: appending scalar views one by one would copy `output`.
        let utf8 = value.utf8
        var plainStart = utf8.startIndex
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            var escape: String?
            switch byte {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x3C: escape = "\\u003c"
            case 0x3E: escape = "\\u003e"
            case 0x26: escape = "\\u0026"
            case 0x00..<0x20:
                let hex = String(byte, radix: 16)
                escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            case 0xE2:
                // U+2028 and U+2029 (E2 80 A8 / E2 80 A9) end lines in JavaScript.
                let next = utf8.index(after: index)
                if next != utf8.endIndex, utf8[next] == 0x80 {
                    let third = utf8.index(after: next)
                    if third != utf8.endIndex, utf8[third] == 0xA8 || utf8[third] == 0xA9 {
                        output += value[plainStart..<index]
                        output += utf8[third] == 0xA8 ? "\\u2028" : "\\u2029"
                        index = utf8.index(after: third)
                        plainStart = index
                        continue
                    }
                }
            default: break
            }
            if let escape {
                output += value[plainStart..<index]
                output += escape
                plainStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        output += value[plainStart..<utf8.endIndex]
        output += "\""
    }
}
