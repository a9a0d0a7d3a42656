import Foundation
import Testing

@testable import BriefingKit

/// The cache gives back what the build stored, and anything damaged is refused whole rather than half-read.
@Suite struct BuildCacheTests {
    /// The fixture site built once, and its cache.
    func builtFixture() async throws -> (FixtureSite, BuildCache) {
        let site = try FixtureSite()
        _ = try await site.build()
        return (site, BuildCache(folder: site.folder.url.appendingPathComponent(".briefing-cache/Public")))
    }

    /// Writes `bytes` as the state and gives the header their hash, as if the cache had written them: the
    /// parser itself must then refuse what is wrong.
    func writeVouchedFor(_ bytes: [UInt8], cache: BuildCache) throws {
        try Data(bytes).write(to: cache.folder.appendingPathComponent("state.bin"))
        let headerURL = cache.folder.appendingPathComponent("fingerprint")
        var header = [UInt8](try Data(contentsOf: headerURL))
        var digest = StreamingHash()
        digest.update(bytes)
        withUnsafeBytes(of: digest.value.littleEndian) { header.replaceSubrange((header.count - 8)..., with: $0) }
        try Data(header).write(to: headerURL)
    }

    /// The fixture's one shard of briefings.
    func shardURL(of cache: BuildCache) throws -> URL {
        let names = try FileManager.default.contentsOfDirectory(atPath: cache.folder.path).filter { $0.hasPrefix("briefings-") }
        #expect(names.count == 1)
        return cache.folder.appendingPathComponent(try #require(names.first))
    }

    /// Writes `bytes` as the shard and gives the index their hash (and the header the index's), as if the cache
    /// had written them.
    func writeShardVouchedFor(_ bytes: [UInt8], cache: BuildCache) throws {
        let url = try shardURL(of: cache)
        let old = withUnsafeBytes(of: StreamingHash.of([UInt8](try Data(contentsOf: url))).littleEndian) { Array($0) }
        let new = withUnsafeBytes(of: StreamingHash.of(bytes).littleEndian) { Array($0) }
        try Data(bytes).write(to: url)
        var index = [UInt8](try Data(contentsOf: cache.folder.appendingPathComponent("state.bin")))
        let at = try #require((0...(index.count - 8)).first { index[$0..<($0 + 8)].elementsEqual(old) })
        index.replaceSubrange(at..<(at + 8), with: new)
        try writeVouchedFor(index, cache: cache)
    }

    /// The files of the cache folder that hold briefings or actors.
    func storedFiles(_ cache: BuildCache) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: cache.folder.path).filter { $0.hasPrefix("briefings-") || $0.hasPrefix("actors-") })
    }

    /// Gives the briefing at `path` another title and stamp, as a build that prepared it again would.
    func retitle(_ path: String, in state: inout BuildCache.State, to title: String) throws {
        let entry = try #require(state.briefings[path])
        var briefing = entry.prepared.briefing
        briefing.source.title = title
        state.briefings[path] = (entry.stamp &+ 1, PreparedBriefing(briefing: briefing, warnings: []), nil)
    }

    /// Where the length of the first briefing's bytes starts in a shard: after the count, path and stamp.
    func firstLength(in bytes: [UInt8]) throws -> Int {
        try BinaryReader.reading(bytes) { reader throws(BinaryReader.Corrupt) in
            _ = try reader.int()
            _ = try reader.string()
            _ = try reader.uint64()
            return reader.position
        }
    }

    @Test func readGivesBackEveryBriefingAsBuilt() async throws {
        let (site, cache) = try await builtFixture()
        defer { site.folder.remove() }
        let state = try #require(cache.read())
        #expect(state.briefings.keys.sorted() == ["briefings/2024-05-01-river-dispute", "briefings/2024-05-08-follow-up.txt"])
        let followUp = try #require(state.briefings["briefings/2024-05-08-follow-up.txt"])
        #expect(followUp.prepared.briefing.source.title == "Brown defends the dam")
        #expect(followUp.prepared.actorStamp == ActorAssembly.stamp(of: followUp.prepared.briefing))
        let quote = try #require(followUp.prepared.briefing.articles.first?.extraction.quotes.first)
        #expect(quote.text == "The work is on schedule,")
        #expect(state.pageKeys["briefings/2024-05-08-follow-up/index.html"] != nil)
        #expect(state.pageKeys["quotes/index.html"] != nil)

        // Written back unchanged, from the bytes it was read from, it reads the same.
        cache.write(state)
        let again = try #require(cache.read())
        #expect(again.briefings.mapValues(\.stamp) == state.briefings.mapValues(\.stamp))
        #expect(again.briefings["briefings/2024-05-08-follow-up.txt"]?.prepared.briefing.source.title == "Brown defends the dam")
        #expect(again.pageKeys == state.pageKeys)
    }

    @Test func aCacheReadByMappingItsFilesGivesWhatReadingThemGives() async throws {
        let (site, read) = try await builtFixture()
        defer { site.folder.remove() }
        var mapped = read
        mapped.mapsFiles = true
        let copied = try #require(read.read())
        let state = try #require(mapped.read())
        #expect(state.pageKeys == copied.pageKeys)
        #expect(state.briefings.mapValues(\.stamp) == copied.briefings.mapValues(\.stamp))
        for (path, briefing) in copied.briefings {
            let other = try #require(state.briefings[path])
            #expect(other.prepared.briefing == briefing.prepared.briefing)
            #expect(other.encoded?.withUnsafeBufferPointer { Array($0) } == briefing.encoded?.withUnsafeBufferPointer { Array($0) })
        }
        #expect(state.assembly?.value.maps == copied.assembly?.value.maps)

        // Written back from the mapped bytes, it reads the same.
        mapped.write(state)
        let again = try #require(read.read())
        #expect(again.briefings.mapValues(\.stamp) == copied.briefings.mapValues(\.stamp))
        #expect(again.briefings["briefings/2024-05-08-follow-up.txt"]?.prepared.briefing.articles.first?.body
            == copied.briefings["briefings/2024-05-08-follow-up.txt"]?.prepared.briefing.articles.first?.body)
    }

    @Test(arguments: [1, 7, 200])
    func truncatedIndexIsRefused(_ cut: Int) async throws {
        let (site, cache) = try await builtFixture()
        defer { site.folder.remove() }
        let url = cache.folder.appendingPathComponent("state.bin")
        let bytes = try Data(contentsOf: url)
        try bytes.prefix(max(0, bytes.count - cut)).write(to: url)
        #expect(cache.read() == nil)
    }

    @Test(arguments: [1, 7, 200])
    func truncatedShardIsRefused(_ cut: Int) async throws {
        let (site, cache) = try await builtFixture()
        defer { site.folder.remove() }
        let url = try shardURL(of: cache)
        let bytes = try Data(contentsOf: url)
        try bytes.prefix(bytes.count - cut).write(to: url)
        #expect(cache.read() == nil)
    }

    @Test func anyChangedByteIsRefused() async throws {
        let (site, cache) = try await builtFixture()
        defer { site.folder.remove() }
        let url = try shardURL(of: cache)
        let original = [UInt8](try Data(contentsOf: url))
        // A byte deep inside a briefing's extraction, where the structure alone would not tell.
        var bytes = original
        bytes[bytes.count / 2] ^= 0x01
        try Data(bytes).write(to: url)
        #expect(cache.read() == nil)
        try Data(original).write(to: url)
        #expect(cache.read() != nil)
    }

    @Test func missingShardIsRefused() async throws {
        let (site, cache) = try await builtFixture()
        defer { site.folder.remove() }
        try FileManager.default.removeItem(at: try shardURL(of: cache))
        #expect(cache.read() == nil)
    }

    @Test func lengthBeyondAnIntIsRefused() async throws {
        let (site, cache) = try await builtFixture()
        defer { site.folder.remove() }
        var bytes = [UInt8](try Data(contentsOf: try shardURL(of: cache)))
        bytes[try firstLength(in: bytes) + 7] = 0xFF  // the length's top byte: more than 2^63
        try writeShardVouchedFor(bytes, cache: cache)
        #expect(cache.read() == nil)
    }

    @Test func damagedBriefingLengthIsRefused() async throws {
        let (site, cache) = try await builtFixture()
        defer { site.folder.remove() }
        var bytes = [UInt8](try Data(contentsOf: try shardURL(of: cache)))
        bytes[try firstLength(in: bytes)] &-= 1  // one short
        try writeShardVouchedFor(bytes, cache: cache)
        #expect(cache.read() == nil)
    }

    @Test func vouchedShardIsRead() async throws {
        // The vouching above is sound: the same bytes, vouched for again, are read.
        let (site, cache) = try await builtFixture()
        defer { site.folder.remove() }
        try writeShardVouchedFor([UInt8](try Data(contentsOf: try shardURL(of: cache))), cache: cache)
        #expect(cache.read()?.briefings.count == 2)
    }

    /// Only the shard of a changed briefing is written again, and files no index names are removed.
    @Test func onlyTheChangedShardIsWritten() async throws {
        let (site, cache) = try await builtFixture()
        defer { site.folder.remove() }
        var state = try #require(cache.read())
        // Six hundred briefings (copies of the fixture's under other paths): several shards.
        let originals = state.briefings
        for number in 0..<300 {
            for (path, entry) in originals { state.briefings["\(path)-\(number)"] = entry }
        }
        state.stored = nil
        cache.write(state)
        let first = try storedFiles(cache)
        let full = try #require(cache.read())
        #expect(full.briefings.count == 602)
        #expect(full.stored?.shards.count == BuildCache.shardCount(for: 602))
        #expect(first.count == BuildCache.shardCount(for: 602) + 1)  // and the actors

        // Nothing changed: nothing written.
        cache.write(full)
        #expect(try storedFiles(cache) == first)

        // One briefing changed (new stamp, encoded again): one shard replaced, the old one removed.
        var edited = full
        let path = "briefings/2024-05-08-follow-up.txt-17"
        try retitle(path, in: &edited, to: "Retitled")
        cache.write(edited)
        let second = try storedFiles(cache)
        #expect(second.subtracting(first).count == 1)
        #expect(first.subtracting(second).count == 1)
        let again = try #require(cache.read())
        #expect(again.briefings[path]?.prepared.briefing.source.title == "Retitled")
        #expect(again.briefings["briefings/2024-05-08-follow-up.txt-18"]?.prepared.briefing.source.title == "Brown defends the dam")
    }

    /// Nothing vouches for the header's counts (they are only reported): absurd ones neither crash a read nor
    /// stop it.
    @Test func headerCountsAreOnlyReported() async throws {
        let (site, cache) = try await builtFixture()
        defer { site.folder.remove() }
        let url = cache.folder.appendingPathComponent("fingerprint")
        var header = [UInt8](try Data(contentsOf: url))
        let counts = try BinaryReader.reading(header) { reader throws(BinaryReader.Corrupt) in
            _ = try reader.string()
            _ = try reader.uint64()
            _ = try reader.uint64()
            return reader.position
        }
        for count in 0..<2 { header[counts + 8 * count + 7] = 0x7F }  // briefings and drafts near 2^63 each
        try Data(header).write(to: url)
        #expect(cache.read()?.briefings.count == 2)
    }

    /// A shard the state was read from but another build sharing the cache has since removed is written again,
    /// not named by the new index while missing.
    @Test func missingShardIsWrittenAgain() async throws {
        let (site, cache) = try await builtFixture()
        defer { site.folder.remove() }
        let state = try #require(cache.read())
        try FileManager.default.removeItem(at: try shardURL(of: cache))
        cache.write(state)
        #expect(cache.read()?.briefings.count == 2)
    }

    /// The clean-up after a write removes only what the cache itself left: shards no index names and the
    /// temporaries of builds that no longer run.
    @Test func cleanupRemovesOnlyTheCachesOwnLeftovers() async throws {
        let (site, cache) = try await builtFixture()
        defer { site.folder.remove() }
        let state = try #require(cache.read())
        let folder = cache.folder
        let kept = ["briefings-notes.txt", "actors-of-the-week.bin", "briefings.tmp-\(getpid())-1"]
        let removed = ["briefings-0123456789abcdef.bin", "actors-ff.bin", "briefings.tmp-2147483000-7", "state.bin.tmp-2147483001-9"]
        for name in kept + removed { try Data("x".utf8).write(to: folder.appendingPathComponent(name)) }
        cache.write(state)
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        for name in kept { #expect(names.contains(name), "\(name) was removed") }
        for name in removed { #expect(!names.contains(name), "\(name) was kept") }
        #expect(cache.read()?.briefings.count == 2)
    }

    /// A build that fails while rendering its pages leaves the cache as the last good build wrote it: the shard
    /// it wrote for an edited briefing (while the site was assembled) is named by no index until a good build.
    @Test func failedPagesLeaveTheCacheAsItWas() async throws {
        let (site, cache) = try await builtFixture()
        defer { site.folder.remove() }
        let before = try storedFiles(cache)
        let path = "briefings/2024-05-08-follow-up.txt"
        let article = try site.folder.read("Content/" + path)
        _ = try site.folder.write(article.replacingOccurrences(of: "title: Brown defends the dam", with: "title: Brown on the dam"), to: "Content/" + path)
        // A partial that includes itself fails only when a briefing page is rendered.
        let broken = try site.folder.copy(RepoPaths.templates.resolvingSymlinksInPath(), as: "Broken")
        _ = try site.folder.write(try site.folder.read("Broken/briefing.mustache") + "{{> briefing}}\n", to: "Broken/briefing.mustache")
        var options = site.options
        options.templates = broken
        await #expect(throws: BuildError.self) { try await SiteBuilder(options: options).build() }

        let afterFailure = try storedFiles(cache)
        #expect(afterFailure.count == before.count + 1)
        #expect(afterFailure.isSuperset(of: before))
        #expect(try #require(cache.read()).briefings[path]?.prepared.briefing.source.title == "Brown defends the dam")

        // The good build writes the same shard (the same bytes, so the same name) and names it; the old shard and
        // actors go.
        _ = try await site.build()
        let after = try storedFiles(cache)
        #expect(after.count == before.count)
        #expect(after.contains(try #require(afterFailure.subtracting(before).first)))
        #expect(before.subtracting(after).count == 2)
        #expect(try #require(cache.read()).briefings[path]?.prepared.briefing.source.title == "Brown on the dam")
    }

    /// A state staged but discarded (the output could not be written) leaves the cache as it was, and the next
    /// write removes the files it left.
    @Test func discardedStageLeavesTheOldState() async throws {
        let (site, cache) = try await builtFixture()
        defer { site.folder.remove() }
        var state = try #require(cache.read())
        let before = try storedFiles(cache)
        let path = "briefings/2024-05-08-follow-up.txt"
        try retitle(path, in: &state, to: "Never written")
        let shards = try #require(cache.stageBriefings(state.briefings, previous: state.stored))
        let staged = try #require(cache.stage(state, shards: shards))
        cache.discard(staged)
        #expect(try storedFiles(cache).count == before.count + 1)  // the new shard, named by no index
        let again = try #require(cache.read())
        #expect(again.briefings[path]?.prepared.briefing.source.title == "Brown defends the dam")
        cache.write(again)
        #expect(try storedFiles(cache) == before)
    }
}

