/// Eight bytes of text tested at once as one 64-bit word, for the scans that copy plain runs of UTF-8 and stop
/// only at the few bytes they must rewrite (escapes, line ends).
///
/// `(v - n…n) & ~v & 0x80…80` is non-zero exactly when some byte of `v` is below `n` (for `n` ≤ 0x80): a borrow
/// only starts at such a byte, and a byte with its top bit set is masked out by `~v`. XOR with a byte repeated
/// turns "equals" into "is zero", that is "below 1".
public enum ByteWord {
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
    @usableFromInline static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether some byte of `word` is below `limit` (at most 0x80).
    @inlinable @inline(__always)
    public static func hasByte(below limit: UInt8, in word: UInt64) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highs != 0
    }

    /// Whether some byte of `word` is `value`.
    @inlinable @inline(__always)
    public static func hasByte(_ value: UInt8, in word: UInt64) -> Bool {
        hasByte(below: 1, in: word ^ (ones &* UInt64(value)))
    }

    /// Whether some byte of `word` is `value` or `value` with bit `mask` cleared (`mask` one bit that `value`
    /// has): two bytes in one test, such as `&` and `'` (0x26, 0x27) or `<` and `>` (0x3C, 0x3E).
    @inlinable @inline(__always)
    public static func hasByte(_ value: UInt8, orWithout mask: UInt8, in word: UInt64) -> Bool {
        hasByte(below: 1, in: (word | ones &* UInt64(mask)) ^ (ones &* UInt64(value)))
    }

    /// Whether every byte of `word` is ASCII.
    @inlinable @inline(__always)
    public static func isASCII(_ word: UInt64) -> Bool { word & highs == 0 }

    /// How many bytes of `word` continue a UTF-8 sequence (10xxxxxx).
    @inlinable @inline(__always)
    public static func continuationCount(_ word: UInt64) -> Int { (word & ~(word << 1) & highs).nonzeroBitCount }

    /// The first position from `index` on where `bytes` may hold a byte `stops` looks for, skipping eight bytes
    /// at a time while `stops` says a word has none; `bytes.count` when none is left. Positions past a skipped
    /// word are not checked one by one: `stops` must never miss a byte the caller stops at.
    @inlinable @inline(__always)
    public static func skip(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, until stops: (UInt64) -> Bool) -> Int {
        guard let base = bytes.baseAddress else { return index }
        var index = index
        while index + 8 <= bytes.count, !stops(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) { index += 8 }
        return index
    }

    /// The eight bytes at `index` (which must leave eight in `bytes`) as one word.
    @inlinable @inline(__always)
    public static func load(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64 {
        UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
    }
}
