/// An article folded to one byte per scalar: ASCII lower-cased, any other letter or digit 0x80, any other scalar
/// a space. Phrase tests, word boundaries and ASCII word keys then work on bytes at the text's own offsets,
/// and the text is folded once for every step of the ranker.
struct FoldedText {
    /// One byte per scalar of the text.
    let bytes: [UInt8]

    /// Byte standing for a non-ASCII letter or digit.
    static let otherLetter: UInt8 = 0x80

    /// Folds `text`.
    init(_ text: ScalarText) {
        var bytes = [UInt8](repeating: 0x20, count: text.count)
        for i in 0..<text.count {
            let v = text.scalars[i].value
            if v < 0x80 {
                bytes[i] = UInt8(v >= 0x41 && v <= 0x5A ? v + 0x20 : v)
            } else if TermTable.isWordScalar(text.scalars[i]) {
                bytes[i] = Self.otherLetter
            }
        }
        self.bytes = bytes
    }

    /// ASCII letter or digit, or a stand-in for another.
    @inline(__always)
    static func isWordByte(_ b: UInt8) -> Bool {
        b &- 0x61 < 26 || b &- 0x30 < 10 || b == otherLetter
    }

    /// Whether the text at `offset` starts with `prefix`.
    func hasPrefix(_ prefix: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset + prefix.count <= bytes.count else { return false }
        for k in 0..<prefix.count where bytes[offset + k] != prefix[k] { return false }
        return true
    }

    /// Offset of the first occurrence of `needle` inside `span`, or nil.
    func firstOffset(of needle: [UInt8], in span: TextSpan) -> Int? {
        guard !needle.isEmpty, span.start >= 0, span.end <= bytes.count, span.length >= needle.count else { return nil }
        return bytes.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin -> Int? in
                let first = pin[0]
                var i = span.start
                let last = span.end - pin.count
                search: while i <= last {
                    defer { i += 1 }
                    guard hay[i] == first else { continue }
                    for k in 1..<pin.count where hay[i + k] != pin[k] { continue search }
                    return i
                }
                return nil
            }
        }
    }

    /// The bytes of `span` without leading and trailing non-word bytes ("— Advertisement —" → "advertisement").
    func trimmedBytes(_ span: TextSpan) -> ArraySlice<UInt8> {
        var start = span.start
        var end = span.end
        while start < end, !Self.isWordByte(bytes[start]) { start += 1 }
        while end > start, !Self.isWordByte(bytes[end - 1]) { end -= 1 }
        return bytes[start..<end]
    }
}
