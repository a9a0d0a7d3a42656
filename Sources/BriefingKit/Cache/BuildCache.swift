#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization

/// What a build leaves for the next one, in a folder that is safe to delete (`.briefing-cache/` beside the
/// output by default): every briefing as prepared (loaded, extracted, commentary rendered) with the stamp of
/// its files, the key of every page it rendered, and the fingerprint of all its inputs.
///
/// Everything in it is checked before use: a different tool binary, a changed file, a changed template or
/// option, or a cache written by another version of the format makes the affected part (or all of it) be
/// recomputed, so a build with the cache writes exactly what a build without it writes.
///
/// On disk: `fingerprint` (the header, read alone to tell whether anything changed), `state.bin` (the index:
/// the page keys and the files below, each with the hash of its bytes) and the briefings in shards by the hash
/// of their path (`briefings-<hash>.bin`), with the site's actors beside them (`actors-<hash>.bin`). A file is
/// named by the hash of what it holds, so a build writes only the shards that changed, and the index names the
/// files it vouches for: the header vouches for the index, the index for every file.
struct BuildCache: Sendable {
    static let formatVersion = 8

    /// The cache folder.
    let folder: URL
    /// Whether its files are mapped into memory rather than read (see `ByteSlice.mapping`): for a process that
    /// builds once and ends. One that builds again and again (`serve`) keeps what it read between builds, for
    /// as long as it runs, and reads copies: a file another program writes over in place cannot reach it.
    var mapsFiles = false

    /// What is stored.
    struct State: Sendable {
        /// The tool version and the stamp of its binary: another binary invalidates everything.
        var identity: String
        /// All inputs and options; equal fingerprints mean nothing changed.
        var fingerprint: UInt64
        /// The hash of the output's manifest as the last build left it.
        var outputManifest: UInt64
        /// What the last build reported, repeated when nothing has changed since.
        var summary: Summary
        /// Prepared briefings by the path of their folder or file, with the stamp of their files and, when read
        /// from the cache, their encoded bytes (written back as they are when the briefing has not changed).
        var briefings: [String: (stamp: UInt64, prepared: PreparedBriefing, encoded: ByteSlice?)]
        /// The key of every page that has one, by output path: as read, or as kept in memory for the next build
        /// (a build that only stores its keys leaves this empty and gives `pageKeyList`).
        var pageKeys: [String: UInt64]
        /// The keys of a build in the order of its pages' jobs, when known: stored in that order, and stored in
        /// place of `pageKeys`. (A path listed twice is read back with its last key, as a table filled in order
        /// holds it.)
        var pageKeyList: [(path: String, key: UInt64)]? = nil
        /// The site's actors as last assembled, their encoding when it was already made, and whether that
        /// encoding is the one read from the cache (then the file it came from is kept rather than written again).
        var assembly: (value: ActorAssembly, encoded: ByteSlice?, fromCache: Bool)?
        /// The files the state was read from, kept in the next state so that what has not changed is not
        /// written again.
        var stored: Stored?
        /// The hash of the index it was read from or written as: a state kept in memory stands for the cache
        /// only while the header still vouches for that index.
        var index: UInt64 = 0
    }

    /// The files behind a state as read.
    struct Stored: Sendable {
        /// The briefing shards, in order, with the paths and stamps each holds.
        var shards: [(file: StoredFile, entries: [ShardEntry])]
        /// The actors' file.
        var assembly: StoredFile?
    }

    /// A file of the cache and the hash of its bytes.
    struct StoredFile: Sendable, Equatable {
        var name: String
        var digest: UInt64
    }

    /// A briefing in a shard.
    struct ShardEntry: Sendable, Equatable {
        var path: String
        var stamp: UInt64
    }

    /// The counts a build reports, kept so that a build that finds nothing changed can report them too.
    struct Summary: Sendable, Equatable {
        var briefings = 0
        var drafts = 0
        var quotes = 0
        var actors = 0
    }

    /// The first part of the cache, read on its own to decide whether anything changed.
    struct Header: Sendable {
        var identity: String
        var fingerprint: UInt64
        var outputManifest: UInt64
        var summary: Summary
        /// The hash of the index, which is read only when it matches (a damaged file is ignored whole).
        var body: UInt64 = 0
    }

    /// The tool's identity: its version and its executable's size and modification time, so that a rebuilt
    /// binary (whose extraction may differ) never reuses what another one computed.
    static let identity: String = {
        var info = stat()
        let stamp = stat("/proc/self/exe", &info) == 0 ? "\(info.st_size)-\(info.st_mtim.tv_sec)-\(info.st_mtim.tv_nsec)" : "unknown"
        return "briefing \(BriefingVersion.current) cache \(formatVersion) binary \(stamp)"
    }()

    /// How many shards hold `count` briefings: about a hundred briefings each, at most 64 files.
    static func shardCount(for count: Int) -> Int {
        min(64, max(1, count / 100))
    }

    /// The shard of the briefing at `path`.
    static func shard(of path: String, among count: Int) -> Int {
        var hash = StableHash()
        hash.combine(path)
        return Int(hash.value % UInt64(count))
    }

    private var headerURL: URL { folder.appendingPathComponent("fingerprint") }
    private var stateURL: URL { folder.appendingPathComponent("state.bin") }
    private func path(of name: String) -> String { folder.appendingPathComponent(name).path }

    /// Whether `file` is (still) in the folder.
    func holds(_ file: StoredFile) -> Bool { access(path(of: file.name), F_OK) == 0 }

    /// The fingerprint and output-manifest hash of the last build, read without the rest of the cache.
    func readHeader() -> Header? {
        guard let data = FileManager.default.contents(atPath: headerURL.path) else { return nil }
        return try? BinaryReader.reading(Array(data)) { reader throws(BinaryReader.Corrupt) -> Header? in
            let identity = try reader.string()
            let fingerprint = try reader.uint64()
            let manifest = try reader.uint64()
            var summary = Summary()
            summary.briefings = try reader.length()
            summary.drafts = try reader.length()
            summary.quotes = try reader.length()
            summary.actors = try reader.length()
            let body = try reader.uint64()
            guard reader.isAtEnd else { return nil }
            return Header(identity: identity, fingerprint: fingerprint, outputManifest: manifest, summary: summary, body: body)
        }
    }

    /// The whole state, or nil when there is none, any part of it is unreadable or damaged, or it was written
    /// by another binary.
    func read() -> State? {
        guard let header = readHeader(), header.identity == Self.identity, let index = try? bytes(of: stateURL.path),
            StreamingHash.of(index) == header.body
        else { return nil }
        // The page keys are only stepped over here: read into their table beside the files, not before them.
        typealias Index = (shards: [StoredFile], keys: Range<Int>, assembly: StoredFile?)
        func file(_ reader: inout BinaryReader) throws(BinaryReader.Corrupt) -> StoredFile {
            StoredFile(name: try reader.string(), digest: try reader.uint64())
        }
        let parsed = try? BinaryReader.reading(index) { reader throws(BinaryReader.Corrupt) -> Index? in
            let shards = try reader.array(file)
            let start = reader.position
            let count = try reader.int()
            // Each key takes at least 9 bytes (an empty path and its key).
            guard count >= 0, count <= index.count / 9 else { throw BinaryReader.Corrupt() }
            for _ in 0..<count {
                _ = try reader.skip(try reader.int())
                _ = try reader.uint64()
            }
            let keys = start..<reader.position
            let assembly = try reader.optional(file)
            return reader.isAtEnd ? (shards, keys, assembly) : nil
        }
        guard let parsed, !parsed.shards.isEmpty else { return nil }

        // Every file read, checked against its hash and decoded on every core: the actors first, the largest
        // single piece, then the page keys, then the shards. Briefings are decoded where they lie in their
        // shard's bytes.
        enum Item: Sendable {
            case assembly(StoredFile), keys, shard(StoredFile)
        }
        enum Piece: Sendable {
            case assembly(ActorAssembly, ByteSlice)
            case keys([String: UInt64])
            case shard([(entry: ShardEntry, prepared: PreparedBriefing, encoded: ByteSlice)])
        }
        let cache = self
        let items = (parsed.assembly.map { [Item.assembly($0)] } ?? []) + [Item.keys] + parsed.shards.map(Item.shard)
        var pieces = concurrentMap(items, each: { item -> Piece? in
            switch item {
            case .keys:
                let keys = try? BinaryReader.reading(index[parsed.keys]) { reader throws(BinaryReader.Corrupt) in
                    let count = try reader.int()
                    var keys: [String: UInt64] = [:]
                    keys.reserveCapacity(count)
                    for _ in 0..<count { keys[try reader.string()] = try reader.uint64() }
                    return keys
                }
                return keys.map(Piece.keys)
            case .assembly(let file):
                guard let bytes = cache.verified(file) else { return nil }
                let value = try? BinaryReader.reading(bytes) { reader throws(BinaryReader.Corrupt) in
                    let value = try reader.value(ActorAssembly.self)
                    return reader.isAtEnd ? value : nil
                }
                return value.map { .assembly($0, bytes) }
            case .shard(let file):
                guard let bytes = cache.verified(file) else { return nil }
                return Self.decodeShard(bytes).map(Piece.shard)
            }
        })
        var state = State(
            identity: header.identity, fingerprint: header.fingerprint, outputManifest: header.outputManifest,
            summary: header.summary, briefings: [:], pageKeys: [:], assembly: nil,
            stored: Stored(shards: [], assembly: parsed.assembly), index: header.body)
        var next = 0
        if parsed.assembly != nil {
            guard case .assembly(let value, let bytes)? = pieces[0].take() else { return nil }
            state.assembly = (value, bytes, true)
            next = 1
        }
        guard case .keys(let keys)? = pieces[next].take() else { return nil }
        state.pageKeys = keys
        next += 1
        // Sized from what was decoded: the header's counts are only reported, and nothing vouches for them.
        state.briefings.reserveCapacity(pieces.reduce(0) { total, piece in
            if case .shard(let entries)? = piece { return total + entries.count }
            return total
        })
        for file in parsed.shards {
            // Moved out, not copied: a copy would retain every string of the briefing once more.
            guard case .shard(let entries)? = pieces[next].take() else { return nil }
            next += 1
            for item in entries { state.briefings[item.entry.path] = (item.entry.stamp, item.prepared, item.encoded) }
            state.stored?.shards.append((file, entries.map(\.entry)))
        }
        return state
    }

    /// The bytes of `file` when they have the hash the index gives.
    private func verified(_ file: StoredFile) -> ByteSlice? {
        guard !file.name.contains("/"), let bytes = try? bytes(of: path(of: file.name)), StreamingHash.of(bytes) == file.digest
        else { return nil }
        return bytes
    }

    /// The bytes of the file at `path`, mapped or read as `mapsFiles` says.
    private func bytes(of path: String) throws(FileError) -> ByteSlice {
        mapsFiles ? try ByteSlice.mapping(path) : ByteSlice(try RawFile.readBytes(path))
    }

    /// The briefings of a shard: each with its path, stamp and length, then its bytes.
    private static func decodeShard(_ bytes: ByteSlice) -> [(entry: ShardEntry, prepared: PreparedBriefing, encoded: ByteSlice)]? {
        try? BinaryReader.reading(bytes) { reader throws(BinaryReader.Corrupt) in
            // Each entry takes at least 17 bytes (an empty path, its stamp and its length).
            let count = try reader.int()
            guard count >= 0, count <= bytes.count / 17 else { throw BinaryReader.Corrupt() }
            var entries: [(entry: ShardEntry, prepared: PreparedBriefing, encoded: ByteSlice)] = []
            entries.reserveCapacity(count)
            for _ in 0..<count {
                let entry = ShardEntry(path: try reader.string(), stamp: try reader.uint64())
                let range = try reader.lengthPrefixed()
                let prepared = try BinaryReader.reading(bytes[range]) { reader throws(BinaryReader.Corrupt) in
                    let value = try reader.value(PreparedBriefing.self)
                    guard reader.isAtEnd else { throw BinaryReader.Corrupt() }
                    return value
                }
                entries.append((entry, prepared, bytes[range]))
            }
            guard reader.isAtEnd else { throw BinaryReader.Corrupt() }
            return entries
        }
    }

    /// Stores `state`; a cache that cannot be written only makes the next build slower, so failures are ignored.
    func write(_ state: State) {
        guard let shards = stageBriefings(state.briefings, previous: state.stored), let staged = stage(state, shards: shards) else { return }
        commit(staged, header: state)
    }

    /// The state of a process that builds again and again (`serve`), kept between builds so that the next one
    /// need not read back from disk what the last one wrote.
    final class Memory: Sendable {
        private let kept = Mutex<State?>(nil)

        init() {}

        /// The state kept, when the cache's header (`header`) still vouches for the index it was written as;
        /// nothing is kept afterwards.
        func take(matching header: Header) -> State? {
            kept.withLock { kept in
                defer { kept = nil }
                guard let state = kept, state.identity == header.identity, state.index == header.body else { return nil }
                return state
            }
        }

        func keep(_ state: State) {
            kept.withLock { $0 = state }
        }
    }

    /// A state written beside the cache, not yet in place.
    struct Staged: Sendable {
        /// The index, under a temporary name.
        fileprivate let path: String
        /// Its hash, for the header.
        let digest: UInt64
        /// Every file the index names.
        fileprivate let files: Set<String>
        /// The same files with what each holds, for a state kept in memory after the commit.
        let stored: Stored
    }

    /// The briefing shards a state names, each with the paths and stamps it holds.
    typealias Shards = [(file: StoredFile, entries: [ShardEntry])]

    /// Writes the shards of `briefings` that changed since the files `previous` names were written, each under
    /// the name of its hash; nil when one cannot be written. Briefings read from the cache are written back from
    /// the bytes they were read from, and a shard none of whose briefings changed is not written at all. (It
    /// needs only the briefings, so a build has it done while it assembles the site; the files stay unnamed by
    /// any index until `stage` and `commit`.)
    func stageBriefings(
        _ briefings: [String: (stamp: UInt64, prepared: PreparedBriefing, encoded: ByteSlice?)], previous stored: Stored?
    ) -> Shards? {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let paths = StringOrder.sorted(Array(briefings.keys))
        let count = Self.shardCount(for: paths.count)
        var groups = Array(repeating: [String](), count: count)
        for path in paths { groups[Self.shard(of: path, among: count)].append(path) }
        let previous = stored?.shards.count == count ? stored?.shards : nil
        let cache = self
        let shards = concurrentMap(Array(groups.enumerated()), each: { item -> (file: StoredFile, entries: [ShardEntry])? in
            let (number, paths) = item
            let entries = paths.map { ShardEntry(path: $0, stamp: briefings[$0]?.stamp ?? 0) }
            // Kept when it holds the same briefings, all unchanged, and is still there (another build sharing the
            // cache may have removed it).
            if let old = previous?[number], old.entries == entries, paths.allSatisfy({ briefings[$0]?.encoded != nil }),
                cache.holds(old.file)
            {
                return old
            }
            let written = cache.store(prefix: "briefings") { file in
                var fields = BinaryWriter(capacity: 256)
                fields.int(paths.count)
                for path in paths {
                    guard let entry = briefings[path] else { continue }
                    fields.string(path)
                    fields.uint64(entry.stamp)
                    let encoded = BinaryWriter.encoding(of: entry.prepared, reusing: entry.encoded)
                    fields.lengthPrefix(encoded.count)
                    file.append(fields.bytes)
                    file.append(encoded)
                    fields = BinaryWriter(capacity: 256)
                }
                file.append(fields.bytes)
            }
            return written.map { ($0, entries) }
        })
        var staged: Shards = []
        staged.reserveCapacity(shards.count)
        for shard in shards {
            guard let shard else { return nil }
            staged.append(shard)
        }
        return staged
    }

    /// Writes the actors when they changed since `state` was read (under the name of their hash), and the index
    /// naming them and `shards` (from `stageBriefings` for the state's briefings) beside the cache; nil when
    /// something cannot be written. Actors read from the cache are written back from the bytes they were read from.
    func stage(_ state: State, shards: Shards) -> Staged? {
        var stored = Stored(shards: shards, assembly: nil)
        let files = stored.shards.map(\.file)
        var assembly: StoredFile?
        if let (value, encoded, fromCache) = state.assembly {
            if fromCache, encoded != nil, let stored = state.stored?.assembly, holds(stored) {
                assembly = stored
            } else {
                guard let file = store(prefix: "actors", { $0.append(BinaryWriter.encoding(of: value, reusing: encoded)) }) else { return nil }
                assembly = file
            }
        }
        var index = BinaryWriter(capacity: (state.pageKeyList?.count ?? state.pageKeys.count) * 48 + files.count * 40)
        func write(_ file: StoredFile, to writer: inout BinaryWriter) {
            writer.string(file.name)
            writer.uint64(file.digest)
        }
        index.array(files) { write($1, to: &$0) }
        if let list = state.pageKeyList {
            index.int(list.count)
            for item in list {
                index.string(item.path)
                index.uint64(item.key)
            }
        } else {
            let pageKeys = Array(state.pageKeys)
            index.array(StringOrder.sortedIndices(pageKeys.map(\.key))) { writer, position in
                writer.string(pageKeys[position].key)
                writer.uint64(pageKeys[position].value)
            }
        }
        index.optional(assembly) { write($1, to: &$0) }
        let temporary = stateURL.path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        guard self.write(index.bytes, to: temporary) else { return nil }
        stored.assembly = assembly
        return Staged(
            path: temporary, digest: StreamingHash.of(index.bytes), files: Set(files.map(\.name) + (assembly.map { [$0.name] } ?? [])),
            stored: stored)
    }

    /// Streams what `fill` appends to a file named `<prefix>-<hash>.bin`; the file and its hash, or nil.
    private func store(prefix: String, _ fill: (inout StreamingFile) -> Void) -> StoredFile? {
        let temporary = path(of: "\(prefix).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do throws(FileError) {
            var file = try StreamingFile(path: temporary)
            fill(&file)
            let digest = try file.finish()
            let name = "\(prefix)-" + String(digest, radix: 16) + ".bin"
            guard rename(temporary, path(of: name)) == 0 else { throw FileError(call: "rename", path: temporary, code: errno) }
            return StoredFile(name: name, digest: digest)
        } catch {
            unlink(temporary)
            return nil
        }
    }

    /// Puts a staged index in place with `header`'s identity, fingerprint, output manifest and summary, then
    /// removes the files no index names any more; whether the header is in place. The header goes last: a
    /// cache whose index is half-written has an old header that no longer matches.
    @discardableResult
    func commit(_ staged: Staged, header state: State) -> Bool {
        unlink(headerURL.path)
        guard rename(staged.path, stateURL.path) == 0 else {
            unlink(staged.path)
            return false
        }
        var header = BinaryWriter(capacity: 256)
        header.string(state.identity)
        header.uint64(state.fingerprint)
        header.uint64(state.outputManifest)
        for count in [state.summary.briefings, state.summary.drafts, state.summary.quotes, state.summary.actors] {
            header.uint64(UInt64(count))
        }
        header.uint64(staged.digest)
        let temporary = headerURL.path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        guard write(header.bytes, to: temporary), rename(temporary, headerURL.path) == 0 else { return false }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where (Self.isStoredFile(name) && !staged.files.contains(name)) || Self.isAbandoned(name) {
            unlink(path(of: name))
        }
        return true
    }

    /// A name `store` gives: `briefings-<hex>.bin` or `actors-<hex>.bin`.
    static func isStoredFile(_ name: String) -> Bool {
        for prefix in ["briefings-", "actors-"] where name.hasPrefix(prefix) && name.hasSuffix(".bin") {
            let hash = name.dropFirst(prefix.count).dropLast(".bin".count)
            return !hash.isEmpty && hash.count <= 16 && hash.allSatisfy(\.isHexDigit)
        }
        return false
    }

    /// A temporary file (`<name>.tmp-<pid>-<n>`) left by a build that no longer runs, killed while writing.
    static func isAbandoned(_ name: String) -> Bool {
        guard ["briefings.tmp-", "actors.tmp-", "state.bin.tmp-", "fingerprint.tmp-"].contains(where: name.hasPrefix),
            let pid = name.split(separator: "-").dropFirst().first.flatMap({ Int32($0) }), pid > 0
        else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    /// Removes a staged index that will not be used (the shards it names stay until a later build's commit
    /// finds them named by no index).
    func discard(_ staged: Staged) {
        unlink(staged.path)
    }

    /// Forgets everything (the next build starts from scratch).
    func clear() {
        unlink(headerURL.path)
    }

    private func write(_ bytes: [UInt8], to path: String) -> Bool {
        do {
            try RawFile.write(Data(bytes), to: path)
            return true
        } catch {
            unlink(path)
            return false
        }
    }
}
