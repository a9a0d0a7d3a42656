import Foundation
import Testing

@testable import BriefingKit

/// The hash of a file written in pieces is the hash of its bytes read back whole, however they were cut.
@Suite struct StreamingHashTests {
    /// 1,000 bytes that do not repeat in any short period.
    let bytes: [UInt8] = (0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 / 13) }

    @Test(arguments: [[1000], [1, 999], [31, 1, 968], [32, 32, 936], [0, 5, 0, 27, 0, 968], [7, 7, 7, 7, 7, 965]])
    func sameHoweverCut(_ cuts: [Int]) {
        var hash = StreamingHash()
        var start = 0
        for length in cuts {
            bytes[start..<(start + length)].withUnsafeBytes { hash.update($0) }
            start += length
        }
        #expect(start == bytes.count)
        #expect(hash.value == StreamingHash.of(bytes))
    }

    @Test func everyByteCounts() {
        let whole = StreamingHash.of(bytes)
        for index in [0, 7, 8, 31, 32, 500, 999] {
            var changed = bytes
            changed[index] ^= 0x40
            #expect(StreamingHash.of(changed) != whole, "byte \(index)")
        }
        #expect(StreamingHash.of(bytes + [0]) != whole)
        #expect(StreamingHash.of(Array(bytes.dropLast())) != whole)
        #expect(StreamingHash.of([UInt8]()) != StreamingHash.of([0]))
    }

    @Test func streamingFileGivesTheHashOfWhatItWrote() throws {
        let path = NSTemporaryDirectory() + "streaming-hash-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { unlink(path) }
        var file = try StreamingFile(path: path)
        file.append(bytes[..<100])
        file.append(bytes[100...])
        let digest = try file.finish()
        #expect(digest == StreamingHash.of([UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))))
        #expect(digest == StreamingHash.of(bytes))
    }
}
