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

/// Plain POSIX file writes: no temporary files and no fsync per file (the whole folder is swapped in at the
/// end, so a half-written file is never visible), world-readable permissions.
enum RawFile {
    /// Writes `data` to a new file at `path`.
    static func write(_ data: Data, to path: String) throws(FileError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileError(call: "open", path: path, code: errno) }
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = Glibc.write(fd, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure != 0 { throw FileError(call: "write", path: path, code: failure) }
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
