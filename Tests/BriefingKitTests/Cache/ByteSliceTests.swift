import Foundation
import Testing

@testable import BriefingKit

@Suite("Byte slices")
struct ByteSliceTests {
    private func bytes(_ slice: ByteSlice) -> [UInt8] {
        slice.withUnsafeBufferPointer { Array($0) }
    }

    @Test func aSliceOfASliceCountsFromItsOwnStart() {
        let whole = ByteSlice(Array("0123456789".utf8))
        let middle = whole[2..<8]
        #expect(middle.count == 6)
        #expect(bytes(middle) == Array("234567".utf8))
        #expect(bytes(middle[1..<3]) == Array("34".utf8))
        #expect(bytes(middle[6..<6]).isEmpty)
    }

    @Test func aMappedFileHoldsItsBytesAfterTheFileIsRemoved() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("byte-slice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("shard.bin").path
        let written = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(written).write(to: URL(fileURLWithPath: path))

        let mapped = try ByteSlice.mapping(path)
        let part = mapped[65_536..<65_546]
        // The cache removes files no index names while slices of them may still be in use.
        try FileManager.default.removeItem(atPath: path)
        #expect(mapped.count == written.count)
        #expect(bytes(mapped) == written)
        #expect(bytes(part) == Array(written[65_536..<65_546]))
        #expect(StreamingHash.of(mapped) == StreamingHash.of(written))
    }

    @Test func anEmptyFileIsAnEmptySliceAndAMissingOneAnError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("byte-slice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty.bin").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        #expect(try ByteSlice.mapping(empty).count == 0)

        let missing = folder.appendingPathComponent("missing.bin").path
        #expect(throws: FileError.self) { try ByteSlice.mapping(missing) }
    }

    @Test func textReadFromAMappedFileIsTheTextWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("byte-slice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var writer = BinaryWriter(capacity: 64)
        writer.int(7)
        writer.string("“Not yet,” said Ana Brown.")
        let path = folder.appendingPathComponent("text.bin").path
        try Data(writer.bytes).write(to: URL(fileURLWithPath: path))

        let text = try BinaryReader.reading(try ByteSlice.mapping(path)) { reader throws(BinaryReader.Corrupt) in
            #expect(try reader.int() == 7)
            return try reader.deferredText()
        }
        #expect(text.string == "“Not yet,” said Ana Brown.")
    }
}
