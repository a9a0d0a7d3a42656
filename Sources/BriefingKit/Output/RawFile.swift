#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A failed file-system call: the call, the path and the system's message.
struct FileError: Error, CustomStringConvertible {
    var call: String
    var path: String
    var code: Int32

    var description: String { "\(call) \(path): \(String(cString: strerror(code)))" }
}

/// Plain POSIX file reads and writes. Writes: no temporary files and no fsync per file (the whole folder is
/// swapped in at the end, so a half-written file is never visible), world-readable permissions. Reads: one
/// buffer of the file's size (Foundation's `Data(contentsOf:)` leaks a page for every empty file it reads).
enum RawFile {
    /// The bytes of the file at `path`.
    static func read(_ path: String) throws(FileError) -> Data {
        Data(try readBytes(path))
    }

    /// The bytes of the file at `path`, as an array (no copy into `Data`).
    static func readBytes(_ path: String) throws(FileError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError(call: "open", path: path, code: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileError(call: "stat", path: path, code: errno) }
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: max(0, Int(info.st_size))) { buffer, filled in
            while filled < buffer.count, let base = buffer.baseAddress {
                let count = Glibc.read(fd, base + filled, buffer.count - filled)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if count == 0 { break }  // the file shrank while being read
                filled += count
            }
        }
        if failure != 0 { throw FileError(call: "read", path: path, code: failure) }
        // A file that grew while being read keeps what was there when it was opened.
        return bytes
    }

    /// Writes `data` to the file at `path`, creating it or replacing what it held. An existing file is written
    /// over and then cut to the new length rather than opened with `O_TRUNC`: ext4 flushes a file truncated to
    /// zero and rewritten when it is closed (its `auto_da_alloc` safeguard), which made every rewritten page
    /// wait for the disk.
    static func write(_ data: Data, to path: String) throws(FileError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileError(call: "open", path: path, code: errno) }
        let failure = data.withUnsafeBytes { writeAll($0, to: fd) }
        try finishWrite(fd, length: data.count, failure: failure, path: path)
    }

    /// Writes every byte of `bytes` to `fd`; the error number of a failed write, else 0.
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32) -> Int32 {
        var offset = 0
        while offset < bytes.count, let base = bytes.baseAddress {
            let written = Glibc.write(fd, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return 0
    }

    /// Cuts the file written through `fd` to `length` (what was written over it) and closes it, throwing the
    /// first failure, an earlier write's included.
    static func finishWrite(_ fd: Int32, length: Int, failure earlier: Int32, path: String) throws(FileError) {
        var failure = earlier
        if failure == 0 && ftruncate(fd, off_t(length)) != 0 { failure = errno }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure != 0 { throw FileError(call: "write", path: path, code: failure) }
    }
}

/// A large file written in pieces through one fixed buffer (1 MB unless told), so that it is never assembled in
/// memory first.
/// Like `RawFile.write`, an existing file is written over and cut to length rather than truncated first. Not
/// copyable: the file is closed once, by `finish()` or when the value goes away unfinished. It hashes what it
/// writes, so that a reader can tell the file is whole.
struct StreamingFile: ~Copyable {
    private let fd: Int32
    private let path: String
    private var buffer: [UInt8] = []
    private var length = 0
    private var failure: Int32 = 0
    private var digest = StreamingHash()
    private var isOpen = true
    private let capacity: Int

    init(path: String, capacity: Int = 1 << 20) throws(FileError) {
        fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileError(call: "open", path: path, code: errno) }
        self.path = path
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    deinit {
        if isOpen { close(fd) }
    }

    /// Appends `bytes`: through the buffer when small, straight to the file when larger than it.
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        length += bytes.count
        digest.update(bytes)
        if buffer.count + bytes.count > capacity { flush() }
        if bytes.count >= capacity {
            send(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    mutating func append(_ bytes: some ContiguousBytes) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// Writes what is buffered, cuts the file to what was appended and closes it; the `StreamingHash` of
    /// everything appended.
    consuming func finish() throws(FileError) -> UInt64 {
        flush()
        isOpen = false
        try RawFile.finishWrite(fd, length: length, failure: failure, path: path)
        return digest.value
    }

    private mutating func flush() {
        guard !buffer.isEmpty else { return }
        let pending = buffer
        pending.withUnsafeBytes { send($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func send(_ bytes: UnsafeRawBufferPointer) {
        guard failure == 0 else { return }
        failure = RawFile.writeAll(bytes, to: fd)
    }
}

/// Creates folders below a root once each, parents first.
struct FolderMaker {
    let root: String
    private var made: Set<String> = [""]

    init(root: String) {
        self.root = root
    }

    /// Makes `relative` (a "/"-separated folder path below the root) and its parents.
    mutating func make(_ relative: String) throws(FileError) {
        guard !made.contains(relative) else { return }
        if let slash = relative.lastIndex(of: "/") { try make(String(relative[..<slash])) }
        let path = root + "/" + relative
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw FileError(call: "mkdir", path: path, code: errno) }
        made.insert(relative)
    }
}
