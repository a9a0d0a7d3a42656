/// Gives each distinct byte string a small integer id, with an open-addressing table over one shared byte
/// store: an article's words are interned without building a `String` per word.
struct ByteInterner: Sendable {
    private var slots: [Int32]
    private var hashes: [UInt32] = []
    private var offsets: [Int32] = [0]
    private var store: [UInt8] = []

    /// Number of distinct strings interned.
    var count: Int { hashes.count }

    /// An empty interner sized for about `expected` distinct strings.
    init(expected: Int = 64) {
        var capacity = 16
        while capacity < expected * 2 { capacity <<= 1 }
        slots = [Int32](repeating: -1, count: capacity)
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
        var slot = Int(hash) & (slots.count - 1)
        while slots[slot] >= 0 {
            if matches(slots[slot], bytes, hash) { return slots[slot] }
            slot = (slot + 1) & (slots.count - 1)
        }
        let id = Int32(hashes.count)
        hashes.append(hash)
        store.append(contentsOf: bytes)
        offsets.append(Int32(store.count))
        slots[slot] = id
        if hashes.count * 2 > slots.count { grow() }
        return id
    }

    /// The id of `bytes` (whose `hash(_:)` is `hash`) if they were interned, without interning them.
    func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int32? {
        var slot = Int(hash) & (slots.count - 1)
        while slots[slot] >= 0 {
            if matches(slots[slot], bytes, hash) { return slots[slot] }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    @inline(__always)
    private func matches(_ id: Int32, _ bytes: UnsafeBufferPointer<UInt8>, _ hash: UInt32) -> Bool {
        let index = Int(id)
        guard hashes[index] == hash else { return false }
        let start = Int(offsets[index])
        guard Int(offsets[index + 1]) - start == bytes.count else { return false }
        for k in 0..<bytes.count where store[start + k] != bytes[k] { return false }
        return true
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for (id, hash) in hashes.enumerated() {
            var slot = Int(hash) & (slots.count - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(id)
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
