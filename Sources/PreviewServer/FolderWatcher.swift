import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Notices edits in a set of folders by comparing snapshots of file sizes and modification times. Polling
/// is portable (no inotify or FSEvents) and, at a few hundred files, costs well under a millisecond a round.
struct FolderWatcher: Sendable {
    /// What one file looked like when last seen.
    struct Stamp: Hashable, Sendable {
        var size: Int64
        var modified: Int64
        var isDirectory: Bool
    }

    /// Every watched file, by absolute path.
    typealias Snapshot = [String: Stamp]

    /// The folders watched, with symbolic links at their roots resolved (Templates/ is one).
    let roots: [URL]
    /// Paths never looked into: the output folder, when someone puts it inside the content folder, would
    /// otherwise change with every build and start the next one.
    let excluded: Set<String>

    /// Watches `folders` and everything below them except `excluding`.
    init(folders: [URL], excluding: [URL] = []) {
        roots = folders.map { $0.standardizedFileURL.resolvingSymlinksInPath() }
        excluded = Set(excluding.map { $0.standardizedFileURL.resolvingSymlinksInPath().path })
    }

    /// The same names the build skips: hidden files and what editors leave behind while saving, so a swap
    /// file appearing does not trigger a rebuild.
    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("#") || name.hasPrefix("~") || name.hasSuffix("~") || name.hasSuffix(".swp")
            || name.hasSuffix(".swx") || name.hasSuffix(".tmp") || name.hasSuffix(".bak") || name == "4913"
    }

    /// Looks at every file below the roots now.
    func snapshot() -> Snapshot {
        var snapshot: Snapshot = [:]
        for root in roots {
            if let stamp = Self.stamp(root.path) {
                snapshot[root.path] = stamp
                if stamp.isDirectory { walk(root.path, depth: 0, into: &snapshot) }
            }
        }
        return snapshot
    }

    /// Paths added, removed or changed between two snapshots, sorted, relative to their root where possible.
    func changes(from old: Snapshot, to new: Snapshot) -> [String] {
        var changed: Set<String> = []
        for (path, stamp) in new where old[path] != stamp && !stamp.isDirectory { changed.insert(path) }
        for (path, stamp) in old where new[path] == nil && !stamp.isDirectory { changed.insert(path) }
        // A folder that appears or disappears empty still changes the site (a new briefing folder).
        for (path, stamp) in new where stamp.isDirectory && old[path] == nil { changed.insert(path) }
        for (path, stamp) in old where stamp.isDirectory && new[path] == nil { changed.insert(path) }
        return changed.sorted().map(display)
    }

    private func display(_ path: String) -> String {
        for root in roots where path.hasPrefix(root.path + "/") {
            return root.lastPathComponent + "/" + path.dropFirst(root.path.count + 1)
        }
        return path
    }

    private func walk(_ folder: String, depth: Int, into snapshot: inout Snapshot) {
        // Deep trees are not content; the bound also stops a pathological nesting from recursing forever.
        guard depth < 32, let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where !Self.isIgnored(name) {
            let path = folder + "/" + name
            if excluded.contains(path) { continue }
            guard let stamp = Self.stamp(path) else { continue }
            snapshot[path] = stamp
            // Linked folders are not followed: the build only accepts links that stay inside the content
            // folder, so their targets are watched already, and not following them cannot loop.
            if stamp.isDirectory && !Self.isLink(path) { walk(path, depth: depth + 1, into: &snapshot) }
        }
    }

    private static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
        return Stamp(size: Int64(info.st_size), modified: modified, isDirectory: (info.st_mode & S_IFMT) == S_IFDIR)
    }

    private static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }
}
