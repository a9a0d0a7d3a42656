#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// What a build leaves for the next one, in a folder that is safe to delete (`.briefing-cache/` beside the
/// output by default): every briefing as prepared (loaded, extracted, commentary rendered) with the stamp of
/// its files, the key of every page it rendered, and the fingerprint of all its inputs.
///
/// Everything in it is checked before use: a different tool binary, a changed file, a changed template or
/// option, or a cache written by another version of the format makes the affected part (or all of it) be
/// recomputed, so a build with the cache writes exactly what a build without it writes.
struct BuildCache: Sendable {
    static let formatVersion = 6

    /// The cache folder.
    let folder: URL

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
        var briefings: [String: (stamp: UInt64, prepared: PreparedBriefing, encoded: ArraySlice<UInt8>?)]
        /// The key of every page that has one, by output path.
        var pageKeys: [String: UInt64]
        /// The site's actors as last assembled, and their encoding when read from the cache (written back as
        /// it is when they were reused).
        var assembly: (value: ActorAssembly, encoded: ArraySlice<UInt8>?)?
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
        /// The hash of the state file, which is read only when it matches (a damaged file is ignored whole).
        var body: UInt64 = 0
    }

    /// The tool's identity: its version and its executable's size and modification time, so that a rebuilt
    /// binary (whose extraction may differ) never reuses what another one computed.
    static let identity: String = {
        var info = stat()
        let stamp = stat("/proc/self/exe", &info) == 0 ? "\(info.st_size)-\(info.st_mtim.tv_sec)-\(info.st_mtim.tv_nsec)" : "unknown"
        return "briefing \(BriefingVersion.current) cache \(formatVersion) binary \(stamp)"
    }()

    private var headerURL: URL { folder.appendingPathComponent("fingerprint") }
    private var stateURL: URL { folder.appendingPathComponent("state.bin") }

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

    /// The whole state, or nil when there is none, it is unreadable, or it was written by another binary.
    func read() -> State? {
        guard let header = readHeader(), header.identity == Self.identity, let bytes = try? RawFile.readBytes(stateURL.path)
        else { return nil }
        // Each briefing is stored with its length, so that they can be decoded on every core.
        typealias Layout = (entries: [(path: String, stamp: UInt64, encoded: Range<Int>)], keys: [(String, UInt64)], assembly: Range<Int>?)
        let layout = try? BinaryReader.reading(bytes) { reader throws(BinaryReader.Corrupt) -> Layout? in
            let entries = try reader.array { reader throws(BinaryReader.Corrupt) in
                (path: try reader.string(), stamp: try reader.uint64(), encoded: try reader.lengthPrefixed())
            }
            let keys = try reader.array { reader throws(BinaryReader.Corrupt) in (try reader.string(), try reader.uint64()) }
            let assembly = try reader.optional { reader throws(BinaryReader.Corrupt) in try reader.lengthPrefixed() }
            return reader.isAtEnd ? (entries, keys, assembly) : nil
        }
        guard let layout else { return nil }
        // The actors first, so that their decoding, the largest single piece, starts at once; the whole file's
        // hash last, checked before anything decoded is used. Every piece is decoded where it lies in `bytes`.
        enum Item: Sendable {
            case assembly(Range<Int>), briefing(Range<Int>), digest
        }
        enum Piece: Sendable {
            case briefing(PreparedBriefing)
            case assembly(ActorAssembly)
            case digest(UInt64)
        }
        let items = (layout.assembly.map { [Item.assembly($0)] } ?? []) + layout.entries.map { Item.briefing($0.encoded) } + [.digest]
        var pieces = concurrentMap(items, each: { item -> Piece? in
            switch item {
            case .digest:
                var digest = StreamingHash()
                digest.update(bytes)
                return .digest(digest.value)
            case .assembly(let range):
                let value = try? BinaryReader.reading(bytes[range]) { reader throws(BinaryReader.Corrupt) in
                    let value = try reader.value(ActorAssembly.self)
                    return reader.isAtEnd ? value : nil
                }
                return value.map(Piece.assembly)
            case .briefing(let range):
                let value = try? BinaryReader.reading(bytes[range]) { reader throws(BinaryReader.Corrupt) in
                    let value = try reader.value(PreparedBriefing.self)
                    return reader.isAtEnd ? value : nil
                }
                return value.map(Piece.briefing)
            }
        })
        guard case .digest(header.body)? = pieces.popLast() else { return nil }
        var assembly: (value: ActorAssembly, encoded: ArraySlice<UInt8>?)?
        var next = 0
        if let range = layout.assembly {
            guard case .assembly(let value)? = pieces[0].take() else { return nil }
            assembly = (value, bytes[range])
            next = 1
        }
        var state = State(
            identity: header.identity, fingerprint: header.fingerprint, outputManifest: header.outputManifest,
            summary: header.summary, briefings: [:], pageKeys: [:], assembly: assembly)
        state.briefings.reserveCapacity(layout.entries.count)
        for entry in layout.entries {
            // Moved out, not copied: a copy would retain every string of the briefing once more.
            guard case .briefing(let prepared)? = pieces[next].take() else { return nil }
            state.briefings[entry.path] = (entry.stamp, prepared, bytes[entry.encoded])
            next += 1
        }
        state.pageKeys.reserveCapacity(layout.keys.count)
        for (path, key) in layout.keys { state.pageKeys[path] = key }
        return state
    }

    /// Stores `state`; a cache that cannot be written only makes the next build slower, so failures are ignored.
    func write(_ state: State) {
        guard let staged = stage(state) else { return }
        commit(staged, header: state)
    }

    /// A state written beside the cache, not yet in place.
    struct Staged: Sendable {
        fileprivate let path: String
        /// Its hash, for the header.
        fileprivate let digest: UInt64
    }

    /// Writes `state`'s body (all but the header) to a file beside the cache, or nil when it cannot be written.
    /// Briefings and actors read from the cache are written back from the bytes they were read from.
    func stage(_ state: State) -> Staged? {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = stateURL.path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let digest: UInt64
        do throws(FileError) {
            var file = try StreamingFile(path: temporary)
            var fields = BinaryWriter(capacity: 256)
            fields.int(state.briefings.count)
            for path in state.briefings.keys.sorted() {
                guard let entry = state.briefings[path] else { continue }
                fields.string(path)
                fields.uint64(entry.stamp)
                let encoded = BinaryWriter.encoding(of: entry.prepared, reusing: entry.encoded)
                fields.lengthPrefix(encoded.count)
                file.append(fields.bytes)
                file.append(encoded)
                fields = BinaryWriter(capacity: 256)
            }
            var keys = BinaryWriter(capacity: state.pageKeys.count * 48)
            keys.array(state.pageKeys.keys.sorted()) { writer, path in
                writer.string(path)
                writer.uint64(state.pageKeys[path] ?? 0)
            }
            var assembly: ArraySlice<UInt8>?
            if let (value, encoded) = state.assembly { assembly = BinaryWriter.encoding(of: value, reusing: encoded) }
            keys.bool(assembly != nil)
            if let assembly { keys.lengthPrefix(assembly.count) }
            file.append(keys.bytes)
            if let assembly { file.append(assembly) }
            digest = try file.finish()
        } catch {
            unlink(temporary)
            return nil
        }
        return Staged(path: temporary, digest: digest)
    }

    /// Puts a staged body in place with `header`'s identity, fingerprint, output manifest and summary. The
    /// header goes last: a cache whose body is half-written has an old header that no longer matches.
    func commit(_ staged: Staged, header state: State) {
        unlink(headerURL.path)
        guard rename(staged.path, stateURL.path) == 0 else {
            unlink(staged.path)
            return
        }
        var header = BinaryWriter(capacity: 256)
        header.string(state.identity)
        header.uint64(state.fingerprint)
        header.uint64(state.outputManifest)
        for count in [state.summary.briefings, state.summary.drafts, state.summary.quotes, state.summary.actors] {
            header.uint64(UInt64(count))
        }
        header.uint64(staged.digest)
        _ = write(header.bytes, to: headerURL)
    }

    /// Removes a staged body that will not be used.
    func discard(_ staged: Staged) {
        unlink(staged.path)
    }

    /// Forgets everything (the next build starts from scratch).
    func clear() {
        unlink(headerURL.path)
    }

    private func write(_ bytes: [UInt8], to url: URL) -> Bool {
        let temporary = url.path + ".tmp-\(getpid())"
        do {
            try RawFile.write(Data(bytes), to: temporary)
        } catch {
            unlink(temporary)
            return false
        }
        return rename(temporary, url.path) == 0
    }
}
