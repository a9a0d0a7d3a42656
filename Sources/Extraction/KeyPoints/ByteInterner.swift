/// Gives each distinct byte string a small integer id, with an open-addressing table over one shared byte
/// store: an article's words are interned without building a `String` per word.
struct ByteInterner: Sendable {
    /// Open-addressing table; its size is a power of two. A slot holds the hash in its high half and id + 1 in
    /// its low half (0: empty), so a probe that meets another string usually stops at the slot itself.
    private var slots: [UInt64]
    /// Per id: where its bytes start and end in `store`.
    private var bounds: [(start: Int32, end: Int32)] = []
    private var store: [UInt8] = []

    /// Number of distinct strings interned.
    var count: Int { bounds.count }

    /// An empty interner sized for about `expected` distinct strings.
    init(expected: Int = 64) {
        var capacity = 16
        while capacity < expected * 2 { capacity <<= 1 }
        slots = [UInt64](repeating: 0, count: capacity)
        bounds.reserveCapacity(expected)
        store.reserveCapacity(expected * 8)
    }

    /// An interner holding `words` (ids in the order given), with room for about `expected` strings in all.
    init(words: some Collection<String>, expected: Int) {
        self.init(expected: max(expected, words.count))
        for word in words { _ = id(Array(word.utf8)) }
    }

    /// The id of `bytes`, interning them if new.
    mutating func id(_ bytes: [UInt8]) -> Int32 {
        bytes.withUnsafeBufferPointer { id($0) }
    }

    /// The id of `bytes`, interning them if new.
    mutating func id(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        id(bytes, hash: Self.hash(bytes))
    }

    /// The id of `bytes`, whose `hash(_:)` is `hash`, interning them if new.
    mutating func id(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int32 {
        let (found, slot) = probe(bytes, hash: hash)
        if found >= 0 { return found }
        let id = Int32(bounds.count)
        let start = Int32(store.count)
        store.append(contentsOf: bytes)
        bounds.append((start, Int32(store.count)))
        slots[slot] = UInt64(hash) << 32 | UInt64(UInt32(id) + 1)
        if bounds.count * 2 > slots.count { grow() }
        return id
    }

    /// The id of `bytes` (whose `hash(_:)` is `hash`) if they were interned, without interning them.
    func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int32? {
        let (found, _) = probe(bytes, hash: hash)
        return found >= 0 ? found : nil
    }

    /// The id of `bytes` (or -1) and the slot where the search ended, read through raw buffers: this runs for
    /// every word of every article.
    @inline(__always)
    private func probe(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt32) -> (id: Int32, slot: Int) {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Int(hash) & mask
            while true {
                let value = slots[slot]
                if value == 0 { return (-1, slot) }
                if UInt32(truncatingIfNeeded: value >> 32) == hash {
                    let id = Int32(truncatingIfNeeded: value & 0xFFFF_FFFF) - 1
                    if matches(id, bytes) { return (id, slot) }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    @inline(__always)
    private func matches(_ id: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let (start, end) = bounds[Int(id)]
        guard Int(end - start) == bytes.count else { return false }
        return store.withUnsafeBufferPointer { store in
            var k = 0
            let base = Int(start)
            while k < bytes.count, store[base + k] == bytes[k] { k += 1 }
            return k == bytes.count
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for value in old where value != 0 {
            var slot = Int(value >> 32) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = value
        }
    }

    /// FNV-1a: per-article keys need no protection against crafted collisions, only speed.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in bytes { h = (h ^ UInt32(b)) &* 16_777_619 }
        return h
    }
}
