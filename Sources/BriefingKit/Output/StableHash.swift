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
/// read back whole.
struct StreamingHash {
    private var hash = StableHash()
    private var carry: UInt64 = 0
    private var carried = 0
    private var count = 0

    /// Mixes in the next bytes.
    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var index = 0
        count += bytes.count
        while carried > 0, index < bytes.count {
            carry |= UInt64(bytes[index]) << (8 * UInt64(carried))
            carried += 1
            index += 1
            if carried == 8 {
                hash.mix(carry)
                carry = 0
                carried = 0
            }
        }
        while index + 8 <= bytes.count {
            hash.mix(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
            index += 8
        }
        while index < bytes.count {
            carry |= UInt64(bytes[index]) << (8 * UInt64(carried))
            carried += 1
            index += 1
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
        var final = hash
        final.mix(carry ^ UInt64(count) << 3)
        return final.value
    }
}

import Foundation
