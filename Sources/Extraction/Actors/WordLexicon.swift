/// The word lists of a gazetteer keyed by the UTF-8 bytes of a one-word key, so that the tokenizer can look a
/// word up with the hash it already worked out for interning, without building a `String`.
struct WordLexicon: Sendable {
    private var table: ByteInterner
    private var classes: [WordClass]
    /// A Bloom filter over the keys (64 Kbit, two bits a key): most words of an article are on no list, and the
    /// filter, small enough to stay in cache, turns them away without touching the table.
    private var filter = [UInt64](repeating: 0, count: 1024)

    /// A lexicon of `entries` (key → lists).
    init(_ entries: [String: WordClass]) {
        table = ByteInterner(expected: entries.count)
        classes = []
        classes.reserveCapacity(entries.count)
        // Ids only index `classes`, so the keys go in as the dictionary lists them.
        for (key, lists) in entries {
            var key = key
            key.withUTF8 { bytes in
                let hash = ByteInterner.hash(bytes)
                if Int(table.id(bytes, hash: hash)) == classes.count { classes.append(lists) }
                let (a, b) = Self.filterBits(hash)
                filter[a >> 6] |= 1 << UInt64(a & 63)
                filter[b >> 6] |= 1 << UInt64(b & 63)
            }
        }
    }

    @inline(__always)
    private static func filterBits(_ hash: UInt32) -> (Int, Int) {
        (Int(hash >> 16), Int((hash &* 0x9E37_79B1) >> 16))
    }

    /// The lists the key with UTF-8 `bytes` (and `ByteInterner.hash` `hash`) is on.
    @inline(__always)
    func wordClass(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt32) -> WordClass {
        let (a, b) = Self.filterBits(hash)
        guard filter[a >> 6] & (1 << UInt64(a & 63)) != 0, filter[b >> 6] & (1 << UInt64(b & 63)) != 0 else { return [] }
        return table.find(bytes, hash: hash).map { classes[Int($0)] } ?? []
    }

    /// The lists `key` is on.
    func wordClass(_ key: String) -> WordClass {
        var key = key
        return key.withUTF8 { wordClass($0, hash: ByteInterner.hash($0)) }
    }
}
