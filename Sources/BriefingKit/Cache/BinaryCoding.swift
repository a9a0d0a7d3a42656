/// A compact binary encoding for the build cache: variable-length integers and length-prefixed UTF-8, written
/// and read field by field by the types themselves. It is private to the cache, which is versioned and safe to
/// delete, so it needs no schema evolution: a version change discards the cache.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
    }

    mutating func int(_ value: Int) {
        // Zig-zag, then seven bits a byte.
        var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func uint64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func double(_ value: Double) {
        uint64(value.bitPattern)
    }

    mutating func bool(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    mutating func string(_ value: String) {
        // A native string lends its UTF-8 where it lies; only another kind is copied into one first.
        guard value.utf8.withContiguousStorageIfAvailable({ lengthPrefixed($0) }) == nil else { return }
        var copy = value
        copy.withUTF8 { lengthPrefixed($0) }
    }

    /// Text as `string(_:)` writes it, without making a string of text still held as UTF-8.
    mutating func text(_ value: DeferredText) {
        value.withUTF8 { lengthPrefixed($0) }
    }

    /// UTF-8 as a string is written: its length, then its bytes.
    private mutating func lengthPrefixed(_ utf8: UnsafeBufferPointer<UInt8>) {
        int(utf8.count)
        bytes.append(contentsOf: utf8)
    }

    mutating func optional<T>(_ value: T?, _ write: (inout BinaryWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    mutating func array<T>(_ values: [T], _ write: (inout BinaryWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }

    mutating func strings(_ values: [String]) {
        array(values) { $0.string($1) }
    }

    mutating func value<T: BinaryCodable>(_ value: T) {
        value.encode(to: &self)
    }

    /// Bytes another writer produced, copied as they are.
    mutating func raw(_ encoded: [UInt8]) {
        bytes.append(contentsOf: encoded)
    }

    /// The length of bytes that follow (written separately), for `BinaryReader.lengthPrefixed`.
    mutating func lengthPrefix(_ count: Int) {
        uint64(UInt64(count))
    }

    /// `value` encoded on its own, or `encoded` when it was read that way and has not changed.
    static func encoding<T: BinaryCodable>(of value: T, reusing encoded: ByteSlice?) -> ByteSlice {
        if let encoded { return encoded }
        var writer = BinaryWriter(capacity: 1 << 14)
        writer.value(value)
        return ByteSlice(writer.bytes)
    }
}

/// Reading what `BinaryWriter` wrote; any inconsistency throws, and the cache is then ignored.
///
/// A reader works on the bytes in place, through a pointer valid only inside `reading(_:_:)`: no copy, and no
/// reference count touched per read, so that many threads can decode parts of one buffer at once.
struct BinaryReader {
    struct Corrupt: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    /// The slice `bytes` points into, for text kept as it lies (`deferredText()`).
    private let owner: ByteSlice
    private var offset = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>, owner: ByteSlice) {
        self.bytes = bytes
        self.owner = owner
    }

    /// Runs `body` with a reader of `bytes`; positions count from the first of them. The reader points into
    /// `bytes` and must not leave `body` (return what it read, never the reader).
    static func reading<Result>(
        _ bytes: ByteSlice, _ body: (inout BinaryReader) throws(Corrupt) -> Result
    ) throws(Corrupt) -> Result {
        let outcome = bytes.withUnsafeBufferPointer { buffer -> Swift.Result<Result, Corrupt> in
            var reader = BinaryReader(buffer, owner: bytes)
            do throws(Corrupt) {
                return .success(try body(&reader))
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    static func reading<Result>(_ bytes: [UInt8], _ body: (inout BinaryReader) throws(Corrupt) -> Result) throws(Corrupt) -> Result {
        try reading(ByteSlice(bytes), body)
    }

    var isAtEnd: Bool { offset == bytes.count }

    /// Where the next read starts.
    var position: Int { offset }

    /// A length or count stored as a `uint64`; more than an `Int` holds is corrupt.
    mutating func length() throws(Corrupt) -> Int {
        guard let value = Int(exactly: try uint64()) else { throw Corrupt() }
        return value
    }

    /// Where the bytes stored after their length (`BinaryWriter.lengthPrefix`) lie, skipped.
    mutating func lengthPrefixed() throws(Corrupt) -> Range<Int> {
        try skip(try length())
    }

    /// Where the next `count` bytes lie, skipped.
    mutating func skip(_ count: Int) throws(Corrupt) -> Range<Int> {
        guard count >= 0, count <= bytes.count - offset else { throw Corrupt() }
        defer { offset += count }
        return offset..<(offset + count)
    }

    mutating func int() throws(Corrupt) -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Corrupt() }
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        let signed = Int64(bitPattern: result)
        return Int((signed >> 1) ^ -(signed & 1))
    }

    mutating func uint64() throws(Corrupt) -> UInt64 {
        guard bytes.count - offset >= 8 else { throw Corrupt() }
        defer { offset += 8 }
        return UInt64(littleEndian: UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    mutating func double() throws(Corrupt) -> Double {
        Double(bitPattern: try uint64())
    }

    mutating func bool() throws(Corrupt) -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw Corrupt() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    mutating func string() throws(Corrupt) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[try skip(try int())]), as: UTF8.self)
    }

    /// What `string()` reads, kept as the bytes it lies in (which it keeps alive) and made a string on first use.
    mutating func deferredText() throws(Corrupt) -> DeferredText {
        let range = try skip(try int())
        return DeferredText(utf8: owner[range])
    }

    mutating func optional<T>(_ read: (inout BinaryReader) throws(Corrupt) -> T) throws(Corrupt) -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<T>(_ read: (inout BinaryReader) throws(Corrupt) -> T) throws(Corrupt) -> [T] {
        let count = try int()
        guard count >= 0, count <= bytes.count - offset else { throw Corrupt() }
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    mutating func strings() throws(Corrupt) -> [String] {
        try array { reader throws(Corrupt) in try reader.string() }
    }

    mutating func value<T: BinaryCodable>(_ type: T.Type = T.self) throws(Corrupt) -> T {
        try T(from: &self)
    }
}

/// A value the build cache can store.
protocol BinaryCodable {
    func encode(to writer: inout BinaryWriter)
    init(from reader: inout BinaryReader) throws(BinaryReader.Corrupt)
}
