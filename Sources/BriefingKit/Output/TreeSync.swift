#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Brings a folder to exactly a given set of files, writing only what differs.
///
/// The folder's `.briefing-manifest` lists what the last sync wrote (path, size, hash). With it, a file whose
/// bytes are unchanged is not touched and files no longer wanted are removed without walking the tree.
/// Without it (first use, or a sync that failed part-way) every file is written and the tree is walked.
struct TreeSync {
    static let manifestName = ".briefing-manifest"

    let root: String
    var writeFile: @Sendable (Data, String) throws(FileError) -> Void
    var interruption: Interruption

    /// One entry of the manifest.
    struct Entry: Equatable {
        var size: Int
        var hash: UInt64
    }

    /// Syncs `files` (path below the root → bytes) into the root, keeping the files named by `keeping` as they
    /// are (they must be in the manifest). Returns how many files were written.
    @discardableResult
    func sync(_ files: [(path: String, data: Data)], keeping: [String] = []) throws(BuildError) -> Int {
        let previous = readManifest()
        // A sync that stops part-way leaves no manifest, so the next one trusts nothing.
        unlink(root + "/" + Self.manifestName)
        var folders = FolderMaker(root: root)
        var manifest: [String: Entry] = [:]
        manifest.reserveCapacity(files.count)
        var written = 0
        for path in keeping {
            guard let entry = previous?[path] else {
                throw BuildError(stage: "write", location: SourceLocation(file: path), message: "the page to keep is not in the previous site")
            }
            manifest[path] = entry
        }
        for file in files {
            if interruption.isRequested { throw SiteWriter.interrupted }
            try OutputPath.check(file.path)
            let entry = Entry(size: file.data.count, hash: StableHash.of(file.data))
            manifest[file.path] = entry
            if previous?[file.path] == entry { continue }
            let path = root + "/" + file.path
            do {
                if let slash = file.path.lastIndex(of: "/") { try folders.make(String(file.path[..<slash])) }
                try writeFile(file.data, path)
            } catch {
                throw BuildError(stage: "write", location: SourceLocation(file: file.path), message: "cannot write: \(error)")
            }
            written += 1
        }
        let stale = previous.map { Array(Set($0.keys).subtracting(manifest.keys)) } ?? walk().filter { manifest[$0] == nil }
        removeStale(stale)
        try writeManifest(manifest)
        return written
    }

    private func removeStale(_ paths: [String]) {
        var folders = Set<String>()
        for path in paths {
            unlink(root + "/" + path)
            var folder = path
            while let slash = folder.lastIndex(of: "/") {
                folder = String(folder[..<slash])
                folders.insert(folder)
            }
        }
        // Deepest first, so emptied parents go too; folders still in use refuse (ENOTEMPTY) and stay.
        for folder in folders.sorted(by: { $0.count > $1.count }) { rmdir(root + "/" + folder) }
    }

    /// Every regular file below the root, as relative paths (the manifest excluded).
    private func walk() -> [String] {
        var paths: [String] = []
        func visit(_ relative: String) {
            let path = relative.isEmpty ? root : root + "/" + relative
            guard let dir = opendir(path) else { return }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                if entry.pointee.d_type == UInt8(DT_DIR) {
                    visit(child)
                } else if child != Self.manifestName {
                    paths.append(child)
                }
            }
        }
        visit("")
        return paths
    }

    private func readManifest() -> [String: Entry]? {
        guard let data = FileManager.default.contents(atPath: root + "/" + Self.manifestName) else { return nil }
        var entries: [String: Entry] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 2)
            guard parts.count == 3, let hash = UInt64(parts[0], radix: 16), let size = Int(parts[1]) else { return nil }
            entries[String(parts[2])] = Entry(size: size, hash: hash)
        }
        return entries
    }

    private func writeManifest(_ manifest: [String: Entry]) throws(BuildError) {
        var text = ""
        for path in manifest.keys.sorted() {
            guard let entry = manifest[path] else { continue }
            text += String(entry.hash, radix: 16) + " " + String(entry.size) + " " + path + "\n"
        }
        do {
            try RawFile.write(Data(text.utf8), to: root + "/" + Self.manifestName)
        } catch {
            throw BuildError(stage: "write", location: SourceLocation(file: Self.manifestName), message: "cannot write: \(error)")
        }
    }
}
