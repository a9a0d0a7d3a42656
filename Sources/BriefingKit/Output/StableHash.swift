/// A fast 64-bit hash of bytes that is the same in every process and on every run (unlike `Hasher`), for
/// build manifests and caches. Not cryptographic.
struct StableHash: Sendable {
    private var state: UInt64

    /// A hash seeded with `seed`.
    init(seed: UInt64 = 0x9E37_79B9_7F4A_7C15) {
        state = seed
    }

    /// Mixes in `bytes`, eight at a time.
    mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        var index = 0
        let count = bytes.count
        while index + 8 <= count {
            let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            mix(UInt64(littleEndian: word))
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < count {
            tail |= UInt64(bytes[index]) << shift
            shift += 8
            index += 1
        }
        mix(tail ^ UInt64(count))
    }

    /// Mixes in a string's UTF-8.
    mutating func combine(_ text: String) {
        var copy = text
        copy.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
    }

    /// Mixes in a list of strings: its length, then each one (so that ["a b"] and ["a", "b"] differ).
    mutating func combine(_ texts: [String]) {
        combine(texts.count)
        for text in texts { combine(text) }
    }

    /// Mixes in an integer.
    mutating func combine(_ value: Int) {
        mix(UInt64(bitPattern: Int64(value)))
    }

    fileprivate mutating func mix(_ word: UInt64) {
        let product = (state ^ word).multipliedFullWidth(by: 0xA076_1D64_78BD_642F)
        state = (product.high ^ product.low) &+ 0xE703_7ED1_A0B4_28DB
    }

    /// The hash so far.
    var value: UInt64 {
        let product = (state ^ 0x8EBC_6AF0_9C88_C6E3).multipliedFullWidth(by: 0x5899_65CC_7537_4CC3)
        return product.high ^ product.low
    }

    /// The hash of `data`'s bytes.
    static func of(_ bytes: some ContiguousBytes) -> UInt64 {
        var hash = StableHash()
        bytes.withUnsafeBytes { hash.combine($0) }
        return hash.value
    }
}

/// A hash of bytes that arrive in pieces, the same however they are cut: for a file written in parts and
/// read back whole. Four lanes take turns over 32-byte blocks, so that the multiplications of one block do
/// not wait for one another (a cache read hashes every byte it decodes).
struct StreamingHash {
    private var lanes = (StableHash(seed: 1), StableHash(seed: 2), StableHash(seed: 3), StableHash(seed: 4))
    /// The bytes of a block not yet complete.
    private var pending: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var pendingCount = 0
    private var count = 0

    private mutating func mix(_ bytes: UnsafeRawBufferPointer, at offset: Int) {
        lanes.0.mix(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
        lanes.1.mix(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)))
        lanes.2.mix(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)))
        lanes.3.mix(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)))
    }

    /// Mixes in the next bytes.
    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        count += bytes.count
        var index = 0
        if pendingCount > 0 {
            let taken = min(32 - pendingCount, bytes.count)
            withUnsafeMutableBytes(of: &pending) { block in
                block.baseAddress!.advanced(by: pendingCount).copyMemory(from: bytes.baseAddress!, byteCount: taken)
            }
            pendingCount += taken
            index = taken
            guard pendingCount == 32 else { return }
            var block = pending
            withUnsafeBytes(of: &block) { mix($0, at: 0) }
            pending = (0, 0, 0, 0)
            pendingCount = 0
        }
        while index + 32 <= bytes.count {
            mix(bytes, at: index)
            index += 32
        }
        if index < bytes.count {
            let rest = bytes.count - index
            withUnsafeMutableBytes(of: &pending) { block in
                block.baseAddress!.copyMemory(from: bytes.baseAddress!.advanced(by: index), byteCount: rest)
            }
            pendingCount = rest
        }
    }

    mutating func update(_ bytes: some ContiguousBytes) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The hash of `bytes` in one piece: what a `StreamingFile` that wrote them returns.
    static func of(_ bytes: some ContiguousBytes) -> UInt64 {
        var hash = StreamingHash()
        hash.update(bytes)
        return hash.value
    }

    /// The hash of everything so far.
    var value: UInt64 {
        var final = StableHash(seed: UInt64(count))
        for lane in [lanes.0, lanes.1, lanes.2, lanes.3] { final.mix(lane.value) }
        final.mix(pending.0)
        final.mix(pending.1)
        final.mix(pending.2)
        final.mix(pending.3)
        return final.value
    }
}

import Foundation
