#if canImport(Glibc)
import Glibc
#endif
import Extraction
import Foundation
import Synchronization

/// Brings a folder to exactly a given set of files, writing only what differs, as the files arrive — from
/// several threads at once — so that a build never holds its whole output in memory.
///
/// The folder's `.briefing-manifest` lists what the last sync wrote (path, size, hash). With it, a file whose
/// bytes are unchanged is not touched and files no longer wanted are removed without walking the tree.
/// Without it (first use, or a sync that failed part-way) every file is written and the tree is walked.
final class TreeSync: Sendable {
    static let manifestName = ".briefing-manifest"

    /// One entry of the manifest.
    struct Entry: Equatable, Sendable {
        var size: Int
        var hash: UInt64
    }

    /// What a finished sync did.
    struct Outcome: Sendable {
        /// Files whose bytes were written.
        var written: [String]
        /// Files removed because no longer wanted.
        var removed: [String]
        /// Files in the folder now.
        var total: Int
    }

    /// The previous sync's manifest: each path's entry and line, and the lines as they were written.
    struct Previous: Sendable {
        var entries: [String: (entry: Entry, line: Int)]
        var text: [UInt8]
        /// Where each line starts in `text`, then where the text ends.
        var lineStarts: [Int]
        /// Whether the text is exactly what `manifest(_:)` writes for its entries (in path order, every number
        /// in its shortest form), so that a sync of the same paths may copy its lines rather than sort again.
        var canonical: Bool

        var count: Int { lineStarts.count - 1 }
    }

    private struct State {
        /// The files added, by path.
        var manifest: [String: Entry] = [:]
        /// Per line of the previous manifest, whether its path was added or kept, and how many are.
        var covered: [Bool] = []
        var coveredCount = 0
        /// Added paths the previous manifest lists with another entry, by its line, with what was added.
        var updated: [Int: Entry] = [:]
        /// Files kept from the previous sync, as a list: most builds keep nearly every file, and hashing each
        /// path into `manifest` would cost more than the rest of the sync.
        var kept: [(String, Entry)] = []
        /// Added paths that the previous manifest lists: with the kept ones, whether anything it lists is stale.
        var addedFromPrevious = 0
        var written: [String] = []
        var folders: FolderMaker

        /// Marks line `line` of a previous manifest of `count` lines as added or kept.
        mutating func cover(_ line: Int, of count: Int) {
            if covered.isEmpty { covered = Array(repeating: false, count: count) }
            guard !covered[line] else { return }
            covered[line] = true
            coveredCount += 1
        }
    }

    let root: String
    private let writeFile: @Sendable (Data, String) throws(FileError) -> Void
    private let interruption: Interruption
    private let state: Mutex<State>
    /// The previous manifest, read on a thread of its own from the start: a site's manifest has a line for every
    /// file, and a build has other work before its first file arrives. Every use waits for `manifestRead`. (A
    /// thread of its own, not a dispatch queue: the waits may come from every thread of the shared pool.)
    private let previousManifest = Mutex<Previous?>(nil)
    private let manifestRead = DispatchGroup()

    /// Starts a sync of the folder at `root`.
    init(root: String, writeFile: @escaping @Sendable (Data, String) throws(FileError) -> Void, interruption: Interruption) {
        self.root = root
        self.writeFile = writeFile
        self.interruption = interruption
        state = Mutex(State(folders: FolderMaker(root: root)))
        manifestRead.enter()
        Thread { [self] in
            let read = Self.readManifest(root)
            previousManifest.withLock { $0 = read }
            // A sync that stops part-way leaves no manifest, so the next one trusts nothing. (Removed once read;
            // nothing is written before then, since every file waits for the read.)
            unlink(root + "/" + Self.manifestName)
            manifestRead.leave()
        }.start()
    }

    /// What the previous sync wrote; nil when its manifest was missing or malformed.
    private var previous: Previous? {
        manifestRead.wait()
        return previousManifest.withLock { $0 }
    }

    /// Waits until the previous manifest has been read (and removed), so that the folder can be given up.
    func settle() {
        manifestRead.wait()
    }

    /// Takes one file: written unless the folder already has these bytes at this path.
    func add(_ path: String, _ data: Data) throws(BuildError) {
        if interruption.isRequested { throw SiteWriter.interrupted }
        try OutputPath.check(path)
        let entry = Entry(size: data.count, hash: StreamingHash.of(data))
        let previous = previous
        let before = previous?.entries[path]
        let unchanged = before?.entry == entry
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) }
        let made: Result<Void, FileError> = state.withLock { state in
            if state.manifest.updateValue(entry, forKey: path) == nil, before != nil { state.addedFromPrevious += 1 }
            if let before, let previous {
                state.cover(before.line, of: previous.count)
                // Only a line whose entry changes is written anew; the last add of a path counts, as in `manifest`.
                state.updated[before.line] = unchanged ? nil : entry
            }
            guard !unchanged else { return .success(()) }
            state.written.append(path)
            do throws(FileError) {
                if let folder { try state.folders.make(folder) }
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        guard !unchanged else { return }
        do {
            try made.get()
            try writeFile(data, root + "/" + path)
        } catch {
            throw BuildError(stage: "write", location: SourceLocation(file: path), message: "cannot write: \(error)")
        }
    }

    /// Keeps files the folder already has (they must be in its manifest).
    func keep(_ paths: [String]) throws(BuildError) {
        var kept: [(String, Entry)] = []
        kept.reserveCapacity(paths.count)
        var lines: [Int] = []
        lines.reserveCapacity(paths.count)
        let previous = previous
        // Looked up on every core: a build that changed one article keeps some 13,000 paths, each hashed, at the
        // very end of the build.
        let parts = stride(from: 0, to: paths.count, by: 1024).map { $0..<min($0 + 1024, paths.count) }
        let found = concurrentMap(parts, each: { part in paths[part].map { previous?.entries[$0] } })
        for (part, entries) in zip(parts, found) {
            for (path, entry) in zip(paths[part], entries) {
                guard let entry else {
                    throw BuildError(stage: "write", location: SourceLocation(file: path), message: "the page to keep is not in the previous site")
                }
                kept.append((path, entry.entry))
                lines.append(entry.line)
            }
        }
        state.withLock { state in
            state.kept += kept
            if let previous { for line in lines { state.cover(line, of: previous.count) } }
        }
    }

    /// Removes what was not added or kept and writes the manifest.
    func finish() throws(BuildError) -> Outcome {
        let (added, kept, addedFromPrevious, written, coveredCount, updated) = state.withLock {
            ($0.manifest, $0.kept, $0.addedFromPrevious, $0.written, $0.coveredCount, $0.updated)
        }
        let previous = previous
        if let previous, previous.canonical, coveredCount == previous.count, addedFromPrevious == added.count {
            // The same paths as last time (every line added or kept, nothing added that it lacks): its lines, in
            // the same order, with what was added in place of what it had, written from where they lie.
            try writeManifest { emit in Self.manifest(updating: previous, with: updated, emit) }
            return Outcome(written: written, removed: [], total: previous.count)
        }
        // A path both kept and added counts once, with what was added.
        var entries = Array(added)
        entries.reserveCapacity(added.count + kept.count)
        for (path, entry) in kept where added[path] == nil { entries.append((path, entry)) }
        let manifest = Self.manifest(entries)
        let stale: [String]
        // Kept paths all come from the previous manifest: when they and the added ones it lists make up all of
        // it, nothing is stale and no path need be looked up.
        if let previous, addedFromPrevious + (manifest.count - added.count) == previous.count {
            stale = []
        } else {
            let present = Set(entries.map(\.key))
            stale = (previous.map { Array($0.entries.keys) } ?? walk()).filter { !present.contains($0) }
        }
        Self.remove(stale, below: root)
        try writeManifest { emit in manifest.text.withUnsafeBytes(emit) }
        return Outcome(written: written, removed: stale, total: manifest.count)
    }

    /// Writes the manifest from the pieces `fill` hands on, through a buffer of 64 KB (most of it is often
    /// runs of the last manifest, handed on as they lie).
    private func writeManifest(_ fill: ((UnsafeRawBufferPointer) -> Void) -> Void) throws(BuildError) {
        do throws(FileError) {
            var file = try StreamingFile(path: root + "/" + Self.manifestName, capacity: 1 << 16)
            fill { file.append($0) }
            _ = try file.finish()
        } catch {
            throw BuildError(stage: "write", location: SourceLocation(file: Self.manifestName), message: "cannot write: \(error)")
        }
    }

    /// The manifest's lines (hex hash, size, path) in the order of the paths, a path listed twice once, and
    /// how many lines there are.
    static func manifest(_ entries: [(key: String, value: Entry)]) -> (text: [UInt8], count: Int) {
        var text: [UInt8] = []
        text.reserveCapacity(entries.count * 64)
        var count = 0
        var last: String?
        for index in StringOrder.sortedIndices(entries.map(\.key)) {
            var (path, entry) = entries[index]
            // Only a path kept twice comes twice, with the same entry both times.
            if let last, last == path { continue }
            last = path
            count += 1
            appendHex(entry.hash, to: &text)
            text.append(0x20)
            JSONWriter.appendDecimal(entry.size, to: &text)
            text.append(0x20)
            path.withUTF8 { text.append(contentsOf: $0) }
            text.append(0x0A)
        }
        return (text, count)
    }

    /// `previous`'s text with the lines in `updated` given their new entries, handed to `emit` in pieces:
    /// the runs of lines that stay as they lie, each changed line made anew.
    static func manifest(updating previous: Previous, with updated: [Int: Entry], _ emit: (UnsafeRawBufferPointer) -> Void) {
        previous.text.withUnsafeBytes { text in
            var copied = 0
            var line: [UInt8] = []
            for (number, entry) in updated.sorted(by: { $0.key < $1.key }) {
                let (start, end) = (previous.lineStarts[number], previous.lineStarts[number + 1])
                emit(UnsafeRawBufferPointer(rebasing: text[copied..<start]))
                // The path is what follows the second space.
                var pathStart = start
                for _ in 0..<2 {
                    while text[pathStart] != 0x20 { pathStart += 1 }
                    pathStart += 1
                }
                line.removeAll(keepingCapacity: true)
                appendHex(entry.hash, to: &line)
                line.append(0x20)
                JSONWriter.appendDecimal(entry.size, to: &line)
                line.append(0x20)
                line.withUnsafeBytes(emit)
                emit(UnsafeRawBufferPointer(rebasing: text[pathStart..<end]))
                copied = end
            }
            emit(UnsafeRawBufferPointer(rebasing: text[copied...]))
        }
    }

    /// The lower-case hex digits of `value`, as `String(value, radix: 16)` writes them.
    static func appendHex(_ value: UInt64, to text: inout [UInt8]) {
        var digits = 1
        while digits < 16, value >> (4 * UInt64(digits)) != 0 { digits += 1 }
        for place in stride(from: digits - 1, through: 0, by: -1) {
            let nibble = UInt8(truncatingIfNeeded: value >> (4 * UInt64(place))) & 0xF
            text.append(nibble < 10 ? 0x30 + nibble : 0x57 + nibble)
        }
    }

    /// Makes `target` a copy of `source` after a sync of `source` did `outcome`, when `target` held what
    /// `source` held before it: copies the written files, removes the removed ones and copies the manifest.
    static func catchUp(_ target: String, from source: String, after outcome: Outcome) throws(FileError) {
        unlink(target + "/" + manifestName)
        var folders = FolderMaker(root: target)
        for path in outcome.written {
            if let slash = path.lastIndex(of: "/") { try folders.make(String(path[..<slash])) }
            try RawFile.write(try RawFile.read(source + "/" + path), to: target + "/" + path)
        }
        remove(outcome.removed, below: target)
        try RawFile.write(try RawFile.read(source + "/" + manifestName), to: target + "/" + manifestName)
    }

    private static func remove(_ paths: [String], below root: String) {
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

    /// The manifest's entries, or nil when it is missing or any line is malformed. Parsed from bytes: it
    /// has a line for every file of the site and is read on every build.
    static func readManifest(_ root: String) -> Previous? {
        guard let bytes = try? RawFile.readBytes(root + "/" + manifestName) else { return nil }
        var entries: [String: (entry: Entry, line: Int)] = [:]
        entries.reserveCapacity(bytes.count / 48)
        var lineStarts: [Int] = []
        lineStarts.reserveCapacity(bytes.count / 48 + 1)
        var canonical = true
        let parsed: Bool = bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            let count = buffer.count
            var lastPath: Range<Int>?
            while index < count {
                lineStarts.append(index)
                var hash: UInt64 = 0
                var digits = 0
                // Numbers in their shortest form: no leading zero but in "0" itself.
                func leadingZero() -> Bool { count - index > 1 && buffer[index] == 0x30 && buffer[index + 1] != 0x20 }
                if leadingZero() { canonical = false }
                while index < count, let value = hexValue(buffer[index]) {
                    guard digits < 16 else { return false }
                    hash = hash << 4 | UInt64(value)
                    digits += 1
                    index += 1
                }
                guard digits > 0, index < count, buffer[index] == 0x20 else { return false }
                index += 1
                var size = 0
                digits = 0
                if leadingZero() { canonical = false }
                while index < count, buffer[index] >= 0x30, buffer[index] <= 0x39 {
                    guard digits < 18 else { return false }
                    size = size * 10 + Int(buffer[index] - 0x30)
                    digits += 1
                    index += 1
                }
                guard digits > 0, index < count, buffer[index] == 0x20 else { return false }
                index += 1
                let start = index
                while index < count, buffer[index] != 0x0A { index += 1 }
                // Every line ends in a line break.
                guard index > start, index < count else { return false }
                // In strictly increasing byte order, as `manifest(_:)` sorts paths (no path twice).
                if let last = lastPath {
                    let common = min(last.count, index - start)
                    let order = memcmp(buffer.baseAddress! + last.lowerBound, buffer.baseAddress! + start, common)
                    if order > 0 || (order == 0 && last.count >= index - start) { canonical = false }
                }
                lastPath = start..<index
                // A path beyond ASCII may be stored in another normalisation than the one a build adds: equal as
                // strings, not as bytes. Such a manifest is written afresh from what was added.
                if canonical, buffer[start..<index].contains(where: { $0 >= 0x80 }) { canonical = false }
                let path = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<index]), as: UTF8.self)
                entries[path] = (Entry(size: size, hash: hash), lineStarts.count - 1)
                index += 1
            }
            lineStarts.append(count)
            return true
        }
        return parsed ? Previous(entries: entries, text: bytes, lineStarts: lineStarts, canonical: canonical) : nil
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }
}
