import Testing

@testable import BriefingKit

@Suite struct HTMLEscapingTests {
    @Test func theEightByteScanStopsAtExactlyTheEscapedBytes() {
        let escaped: Set<UInt8> = [0x22, 0x26, 0x27, 0x3C, 0x3E]
        for position in 0..<8 {
            for value in 0...255 {
                // Every other byte an ordinary letter, or a byte next to the escaped ones in value.
                for filler: UInt8 in [0x61, 0x21, 0x23, 0x25, 0x28, 0x3B, 0x3D, 0x3F, 0xA6] {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[position] = UInt8(value)
                    let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    #expect(HTMLEscaping.containsEscapedByte(word) == bytes.contains { escaped.contains($0) }, "byte \(value) at \(position) among \(filler)")
                }
            }
        }
    }

    @Test func everyPlaceInALongStringIsEscaped() {
        let entities = ["<": "&lt;", ">": "&gt;", "&": "&amp;", "\"": "&quot;", "'": "&#39;"]
        for (special, entity) in entities {
            for position in 0..<20 {
                let before = String(repeating: "a", count: position)
                let after = String(repeating: "é", count: 9) + "z"
                let output = PageBuffer(capacity: 8)
                HTMLEscaping.append(before + special + "b" + after, to: output)
                #expect(output.string == before + entity + "b" + after)
            }
        }
    }
}
