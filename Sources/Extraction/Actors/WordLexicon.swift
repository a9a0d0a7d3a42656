/// The word lists of a gazetteer keyed by the UTF-8 bytes of a one-word key, so that the tokenizer can look a
/// word up with the hash it already worked out for interning, without building a `String`.
struct WordLexicon: Sendable {
    private var table: ByteInterner
    private var classes: [WordClass]

    /// A lexicon of `entries` (key → lists).
    init(_ entries: [String: WordClass]) {
        table = ByteInterner(expected: entries.count)
        classes = []
        classes.reserveCapacity(entries.count)
        for key in entries.keys.sorted() {
            let id = table.id(Array(key.utf8))
            if Int(id) == classes.count { classes.append(entries[key] ?? []) }
        }
    }

    /// The lists the key with UTF-8 `bytes` (and `ByteInterner.hash` `hash`) is on.
    @inline(__always)
    func wordClass(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt32) -> WordClass {
        table.find(bytes, hash: hash).map { classes[Int($0)] } ?? []
    }

    /// The lists `key` is on.
    func wordClass(_ key: String) -> WordClass {
        var key = key
        return key.withUTF8 { wordClass($0, hash: ByteInterner.hash($0)) }
    }
}
