#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Part of a block of bytes that every slice of it shares and keeps alive: an array, or a file mapped into
/// memory. The build cache reads its files by mapping them, and each briefing keeps the slice of its shard
/// that it was decoded from (to write back unchanged, and for its article texts, made strings only when used).
/// Positions count from the slice's first byte.
struct ByteSlice: Sendable, ContiguousBytes {
    private let store: ByteStore
    private let range: Range<Int>

    /// No bytes.
    static let empty = ByteSlice([])

    /// All of `bytes`.
    init(_ bytes: [UInt8]) {
        store = ByteStore(.array(bytes))
        range = 0..<bytes.count
    }

    fileprivate init(store: ByteStore, range: Range<Int>) {
        self.store = store
        self.range = range
    }

    var count: Int { range.count }

    /// The bytes at `bounds`, which must lie within this slice.
    subscript(bounds: Range<Int>) -> ByteSlice {
        precondition(bounds.lowerBound >= 0 && bounds.upperBound <= count, "ByteSlice: range out of bounds")
        return ByteSlice(store: store, range: (range.lowerBound + bounds.lowerBound)..<(range.lowerBound + bounds.upperBound))
    }

    /// Runs `body` with the bytes, valid only inside it.
    func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try store.withBytes { try body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try withUnsafeBufferPointer { try body(UnsafeRawBufferPointer($0)) }
    }

    /// The whole file at `path`, mapped read-only rather than copied: the file's pages are shared with the
    /// system's page cache, so reading costs neither a copy nor fresh memory to copy into. The build cache writes
    /// every file under a temporary name and renames it into place, never over an existing file, so a mapped
    /// file does not change under its reader (a file another program writes over in place would: the cache
    /// folder is the tool's own). An empty file is an empty slice.
    static func mapping(_ path: String) throws(FileError) -> ByteSlice {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError(call: "open", path: path, code: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileError(call: "stat", path: path, code: errno) }
        let size = Int(info.st_size)
        guard size > 0 else { return ByteSlice([]) }
        // A file system that cannot map files (some network and user-space ones) has it read instead.
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            return ByteSlice(try RawFile.readBytes(path))
        }
        // Bound to bytes once here; every read then assumes it.
        base.bindMemory(to: UInt8.self, capacity: size)
        return ByteSlice(store: ByteStore(.mapping(UnsafeRawBufferPointer(start: base, count: size))), range: 0..<size)
    }
}

/// The block behind slices: never written after it is made, so any number of threads read it at once.
private final class ByteStore: @unchecked Sendable {
    enum Storage {
        case array([UInt8])
        case mapping(UnsafeRawBufferPointer)
    }

    let storage: Storage

    init(_ storage: Storage) {
        self.storage = storage
    }

    deinit {
        if case .mapping(let bytes) = storage, let base = bytes.baseAddress {
            munmap(UnsafeMutableRawPointer(mutating: base), bytes.count)
        }
    }

    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        switch storage {
        case .array(let bytes): return try bytes.withUnsafeBufferPointer(body)
        case .mapping(let bytes): return try body(bytes.assumingMemoryBound(to: UInt8.self))
        }
    }
}
