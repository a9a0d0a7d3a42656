#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
        bytes = [UInt8](unsafeUninitializedCapacity: text.count) { bytes, initialized in
            text.scalars.withUnsafeBufferPointer { scalars in
                for i in 0..<scalars.count {
                    let v = scalars[i].value
                    if v < 0x80 {
                        bytes[i] = UInt8(truncatingIfNeeded: v &- 0x41 < 26 ? v + 0x20 : v)
                    } else {
                        bytes[i] = TermTable.isWordScalar(scalars[i]) ? Self.otherLetter : 0x20
                    }
                }
            }
            initialized = text.count
        }
    }

    /// The offsets of every occurrence of `needle` in the text, in order (overlapping ones included), found in
    /// one pass: the ranker asks the same question of every sentence.
    func occurrences(of needle: [UInt8]) -> [Int] {
        guard !needle.isEmpty, needle.count <= bytes.count else { return [] }
        var found: [Int] = []
        bytes.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                guard let hayBase = hay.baseAddress, let pinBase = pin.baseAddress else { return }
                // The C library's memchr finds the needle's rarest byte many bytes at a time; each hit is checked
                // in full.
                let anchor = Self.rarestByte(in: pin)
                let byte = Int32(pin[anchor])
                let last = hay.count - pin.count
                var i = anchor
                while i <= last + anchor, let match = memchr(hayBase + i, byte, last + anchor - i + 1) {
                    let offset = UnsafeRawPointer(match) - UnsafeRawPointer(hayBase) - anchor
                    if memcmp(hayBase + offset, pinBase, pin.count) == 0 { found.append(offset) }
                    i = offset + anchor + 1
                }
            }
        }
        return found
    }

    /// The index of the needle byte least common in English text (letters by frequency, anything else rarer
    /// than letters except the space).
    private static func rarestByte(in needle: UnsafeBufferPointer<UInt8>) -> Int {
        let common = Array(" etaoinshrdlcumwfgypbvkjxqz".utf8)
        var best = 0
        var bestRank = -1
        for (index, byte) in needle.enumerated() {
            let rank = common.firstIndex(of: byte) ?? common.count
            if rank > bestRank {
                bestRank = rank
                best = index
            }
        }
        return best
    }

    /// The first of `offsets` (occurrences of a needle `length` bytes long, in order) that lies inside `span`:
    /// the same answer as `firstOffset(of:in:)` for that needle.
    func firstOccurrence(in offsets: [Int], length: Int, span: TextSpan) -> Int? {
        guard length > 0, span.start >= 0, span.end <= bytes.count, span.length >= length else { return nil }
        var low = 0
        var high = offsets.count
        while low < high {
            let mid = (low + high) / 2
            if offsets[mid] < span.start { low = mid + 1 } else { high = mid }
        }
        return low < offsets.count && offsets[low] + length <= span.end ? offsets[low] : nil
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
