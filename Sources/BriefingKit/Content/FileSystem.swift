#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A file or folder found while walking the content folder.
struct FileEntry: Hashable, Sendable {
    /// Absolute path.
    var path: String
    /// Last path component.
    var name: String
    /// Path relative to the content folder, for messages.
    var relative: String
    /// Whether it is a folder.
    var isDirectory: Bool
    /// Size in bytes (of the link's target for a link).
    var size: Int = 0
    /// Last modification, nanoseconds since 1970.
    var modified: Int64 = 0

    /// Absolute location.
    var url: URL { URL(fileURLWithPath: path, isDirectory: isDirectory) }

    /// Mixes what identifies this version of the file (path, size, modification time) into `hash`.
    func stamp(into hash: inout StableHash) {
        hash.combine(relative)
        hash.combine(size)
        hash.combine(Int(modified))
    }
}

/// File-system queries with the content rules applied: hidden and editor files skipped, links that leave
/// the content folder refused.
enum FileSystem {
    static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    static func exists(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.path)
    }

    /// Files that editors and operating systems leave behind, and hidden files.
    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("#") || name.hasPrefix("~") || name.hasSuffix("~") || name.hasSuffix(".swp")
            || name.hasSuffix(".tmp") || name.hasSuffix(".bak") || name == "Thumbs.db" || name == "desktop.ini"
    }

    /// The entries of `folder`, sorted by name, with ignored files left out. A symbolic link is followed only
    /// when it resolves inside `root`; one that leaves it, or loops, is an error naming it.
    static func listing(of folder: URL, root: URL, relative: String) throws -> [FileEntry] {
        let folderPath = folder.path
        let names = try FileManager.default.contentsOfDirectory(atPath: folderPath)
        let rootPath = root.resolvingSymlinksInPath().path
        let prefix = folderPath.hasSuffix("/") ? folderPath : folderPath + "/"
        // Each name looked up on every core (a site's briefings folder holds thousands); the first failure in
        // name order is the one reported, as a loop in that order would.
        let looked = concurrentMap(StringOrder.sorted(names.filter { !isIgnored($0) })) { name -> Result<FileEntry?, BuildError> in
            let full = prefix + name
            let path = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(full, &info) == 0 else { return .success(nil) }  // vanished since the listing
            if info.st_mode & S_IFMT == S_IFLNK {
                let resolved = URL(fileURLWithPath: full).resolvingSymlinksInPath().path
                let inside = resolved == rootPath || resolved.hasPrefix(rootPath + "/")
                guard inside, stat(resolved, &info) == 0 else {
                    return .failure(
                        BuildError(
                            stage: "load", location: SourceLocation(file: path),
                            message: inside ? "symbolic link is broken or loops" : "symbolic link points outside the content folder (\(resolved))",
                            hint: "copy the file into the content folder instead"))
                }
            }
            return .success(
                FileEntry(
                    path: full, name: name, relative: path, isDirectory: info.st_mode & S_IFMT == S_IFDIR, size: Int(info.st_size),
                    modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)))
        }
        var entries: [FileEntry] = []
        entries.reserveCapacity(looked.count)
        for outcome in looked {
            if let entry = try outcome.get() { entries.append(entry) }
        }
        return entries
    }
}

/// Decodes file bytes as UTF-8, repairing what is broken.
enum TextDecoding {
    /// The text, with invalid bytes and NULs replaced by U+FFFD, lone CRs made LFs and a leading BOM dropped,
    /// and a description of what was repaired (nil when nothing was).
    static func decode(_ data: Data) -> (text: String, problem: String?) {
        var problems: [String] = []
        // One pass checks the bytes; only text that fails it is decoded again with repairs.
        var text: String
        if let valid = String(validating: data, as: UTF8.self) {
            text = valid
        } else {
            text = String(decoding: data, as: UTF8.self)
            problems.append("invalid UTF-8 bytes were replaced with U+FFFD")
        }
        if text.unicodeScalars.first == "\u{FEFF}" {
            text.unicodeScalars.removeFirst()
        }
        // NUL and CR bytes are those characters wherever they occur (no other UTF-8 sequence holds them, and
        // repairs make none): most files have neither, found by searching the bytes.
        let (hasNUL, hasCR) = data.withUnsafeBytes { bytes in
            guard let start = bytes.baseAddress, !bytes.isEmpty else { return (false, false) }
            return (memchr(start, 0, bytes.count) != nil, memchr(start, 0x0D, bytes.count) != nil)
        }
        if hasNUL {
            text = String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\u{0}" ? "\u{FFFD}" : $0 }))
            problems.append("NUL bytes were replaced with U+FFFD")
        }
        // A lone CR (old Mac line ends) becomes LF; CRLF stays. Either way offsets do not move.
        if hasCR {
            var scalars = Array(text.unicodeScalars)
            for i in scalars.indices where scalars[i] == "\r" && (i + 1 == scalars.count || scalars[i + 1] != "\n") {
                scalars[i] = "\n"
            }
            text = String(String.UnicodeScalarView(scalars))
        }
        return (text, problems.isEmpty ? nil : problems.joined(separator: "; "))
    }
}
