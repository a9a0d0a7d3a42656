/// Writes compact JSON with keys in the order given, so output is deterministic and fast to produce.
///
/// The JSON is built as UTF-8 bytes: a site's search index and data files are megabytes of escaped text, and
/// appending bytes costs a fraction of appending strings.
public struct JSONWriter: Sendable {
    /// The JSON written so far, as UTF-8.
    public private(set) var bytes: [UInt8] = []
    /// Whether the innermost open array or object (or the top level) already holds a value: read and set for
    /// every value, so it is kept apart from the same flags of the containers around it, in `outer`.
    private var needsComma = false
    private var outer: [Bool] = []

    /// The JSON written so far.
    public var output: String { String(decoding: bytes, as: UTF8.self) }

    /// Creates an empty writer.
    public init() {
        bytes.reserveCapacity(4096)
    }

    /// Starts an object, as a value or under `key`.
    public mutating func beginObject(_ key: String? = nil) {
        prefix(key)
        bytes.append(UInt8(ascii: "{"))
        outer.append(needsComma)
        needsComma = false
    }

    /// Ends the innermost object.
    public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = outer.removeLast()
    }

    /// Starts an array, as a value or under `key`.
    public mutating func beginArray(_ key: String? = nil) {
        prefix(key)
        bytes.append(UInt8(ascii: "["))
        outer.append(needsComma)
        needsComma = false
    }

    /// Ends the innermost array.
    public mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = outer.removeLast()
    }

    /// A string value, or null.
    public mutating func string(_ value: String?, key: String? = nil) {
        prefix(key)
        if let value { Self.appendQuoted(value, to: &bytes) } else { append("null") }
    }

    /// A two-number array, `[first,second]`, as `beginArray`, two `int`s and `endArray` write it.
    public mutating func intPair(_ first: Int, _ second: Int) {
        prefix(nil)
        bytes.append(UInt8(ascii: "["))
        Self.appendDecimal(first, to: &bytes)
        bytes.append(UInt8(ascii: ","))
        Self.appendDecimal(second, to: &bytes)
        bytes.append(UInt8(ascii: "]"))
    }

    /// An integer value.
    public mutating func int(_ value: Int, key: String? = nil) {
        prefix(key)
        Self.appendDecimal(value, to: &bytes)
    }

    /// Appends an integer's digits without allocating a string for it.
    public static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { raw in
            let out = raw.bindMemory(to: UInt8.self)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: out[0..<writeDecimal(value, into: out)]))
        }
    }

    /// Writes an integer's digits (with "-" when negative) at the start of `out`, which has room for 20 bytes,
    /// and returns how many it wrote.
    public static func writeDecimal(_ value: Int, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var magnitude = value.magnitude
        var digits = 0
        repeat {
            digits += 1
            magnitude /= 10
        } while magnitude > 0
        let sign = value < 0 ? 1 : 0
        if sign == 1 { out[0] = UInt8(ascii: "-") }
        magnitude = value.magnitude
        var index = sign + digits
        repeat {
            index -= 1
            out[index] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
            magnitude /= 10
        } while magnitude > 0
        return sign + digits
    }

    /// A number rounded to four decimals.
    public mutating func number(_ value: Double, key: String? = nil) {
        prefix(key)
        guard value.isFinite else { return append("0") }
        let scaled = (value * 10_000).rounded()
        let whole = Int(scaled) / 10_000
        var fraction = abs(Int(scaled)) % 10_000
        if scaled < 0 && whole == 0 { bytes.append(UInt8(ascii: "-")) }
        Self.appendDecimal(whole, to: &bytes)
        guard fraction != 0 else { return }
        bytes.append(UInt8(ascii: "."))
        var divisor = 1_000
        while fraction != 0 {
            bytes.append(UInt8(truncatingIfNeeded: fraction / divisor) + 0x30)
            fraction %= divisor
            divisor /= 10
        }
    }

    /// A boolean value.
    public mutating func bool(_ value: Bool, key: String? = nil) {
        prefix(key)
        append(value ? "true" : "false")
    }

    /// A pre-encoded JSON value.
    public mutating func raw(_ json: String, key: String? = nil) {
        prefix(key)
        bytes.append(contentsOf: json.utf8)
    }

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func prefix(_ key: String?) {
        if needsComma { bytes.append(UInt8(ascii: ",")) } else { needsComma = true }
        if let key {
            Self.appendQuoted(key, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
        }
    }

    /// Appends `value` as a JSON string literal; `<`, `>`, `&` and U+2028/2029 are escaped as well, so the
    /// result can sit inside an HTML `<script>` element.
    static func appendQuoted(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            // Runs of plain bytes are copied at once; only the bytes that need an escape stop the scan.
            var plainStart = 0
            var index = 0
            let count = utf8.count
            while index < count {
                // Eight bytes at a time past plain text (nearly all of it).
                index = ByteWord.skip(utf8, from: index, until: containsByteNeedingEscape)
                guard index < count else { break }
                let byte = utf8[index]
                guard needsEscape(byte) else {
                    index += 1
                    continue
                }
                var escape: StaticString?
                var skip = 1
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x3C: escape = "\\u003c"
                case 0x3E: escape = "\\u003e"
                case 0x26: escape = "\\u0026"
                case 0xE2:
                    // U+2028 and U+2029 (E2 80 A8 / E2 80 A9) end lines in JavaScript.
                    if index + 2 < count, utf8[index + 1] == 0x80, utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9 {
                        escape = utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                        skip = 3
                    }
                default: break
                }
                if byte < 0x20, escape == nil {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart..<index]))
                    bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hexDigit(byte >> 4), hexDigit(byte & 0xF)])
                    index += 1
                    plainStart = index
                    continue
                }
                guard let escape else {
                    index += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart..<index]))
                escape.withUTF8Buffer { bytes.append(contentsOf: $0) }
                index += skip
                plainStart = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart..<count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x61 + value - 10
    }

    /// Whether any of the eight bytes of `word` is one `needsEscape` stops at: below 0x20 (control characters),
    /// `"`, `&`, `<` or `>` (one test: they differ in bit 1), `\`, or 0xE2.
    @inline(__always)
    static func containsByteNeedingEscape(_ word: UInt64) -> Bool {
        ByteWord.hasByte(below: 0x20, in: word) || ByteWord.hasByte(0x22, in: word) || ByteWord.hasByte(0x26, in: word)
            || ByteWord.hasByte(0x3E, orWithout: 0x02, in: word) || ByteWord.hasByte(0x5C, in: word) || ByteWord.hasByte(0xE2, in: word)
    }

    /// Control characters, `"`, `\`, `<`, `>`, `&`, and the lead byte of U+2028/2029 stop the scan of plain bytes.
    @inline(__always) private static func needsEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x00..<0x20, 0x22, 0x26, 0x3C, 0x3E, 0x5C, 0xE2: return true
        default: return false
        }
    }
}
