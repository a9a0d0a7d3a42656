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

    /// Where the length of the first briefing's bytes starts in a state file: after the count, path and stamp.
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

    @Test(arguments: [1, 7, 200])
    func truncatedStateIsRefused(_ cut: Int) async throws {
        let (site, cache) = try await builtFixture()
        defer { site.folder.remove() }
        let url = cache.folder.appendingPathComponent("state.bin")
        let bytes = try Data(contentsOf: url)
        try bytes.prefix(bytes.count - cut).write(to: url)
        #expect(cache.read() == nil)
    }

    @Test func anyChangedByteIsRefused() async throws {
        let (site, cache) = try await builtFixture()
        defer { site.folder.remove() }
        let url = cache.folder.appendingPathComponent("state.bin")
        let original = [UInt8](try Data(contentsOf: url))
        // A byte deep inside a briefing's extraction, where the structure alone would not tell.
        var bytes = original
        bytes[bytes.count / 2] ^= 0x01
        try Data(bytes).write(to: url)
        #expect(cache.read() == nil)
        try Data(original).write(to: url)
        #expect(cache.read() != nil)
    }

    @Test func lengthBeyondAnIntIsRefused() async throws {
        let (site, cache) = try await builtFixture()
        defer { site.folder.remove() }
        let url = cache.folder.appendingPathComponent("state.bin")
        var bytes = [UInt8](try Data(contentsOf: url))
        bytes[try firstLength(in: bytes) + 7] = 0xFF  // the length's top byte: more than 2^63
        try writeVouchedFor(bytes, cache: cache)
        #expect(cache.read() == nil)
    }

    @Test func damagedBriefingLengthIsRefused() async throws {
        let (site, cache) = try await builtFixture()
        defer { site.folder.remove() }
        let url = cache.folder.appendingPathComponent("state.bin")
        var bytes = [UInt8](try Data(contentsOf: url))
        bytes[try firstLength(in: bytes)] &-= 1  // one short
        try writeVouchedFor(bytes, cache: cache)
        #expect(cache.read() == nil)
    }
}
