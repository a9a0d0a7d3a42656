import Testing

@testable import BriefingKit

@Suite("Actor maps")
struct ActorMapTests {
    @Test func findsEachExtractedIdAndNothingElse() {
        // Ids that sort differently as bytes and as strings, and ids beyond ASCII.
        let dictionary = [
            "okafor": "grace-okafor", "p1": "ana-brown", "p10": "tomas-brandt", "p2": "ilse-marova", "Zed": "zed",
            "é": "e-acute", "kdu": "kessling-dockworkers-union",
        ]
        let map = ActorMap(dictionary)
        #expect(map.count == dictionary.count)
        for (local, site) in dictionary { #expect(map[local] == site) }
        for missing in ["", "p", "p3", "zed", "okafor ", "e"] { #expect(map[missing] == nil) }
        #expect(map.values.sorted() == dictionary.values.sorted())
        #expect(ActorMap([:])["p1"] == nil)
    }

    @Test func aLargeMapAgreesWithADictionary() {
        var dictionary: [String: String] = [:]
        var generator = SystemRandomNumberGenerator()
        for n in 0..<500 { dictionary["id-\(UInt32.random(in: 0...9_999, using: &generator))"] = "site-\(n)" }
        let map = ActorMap(dictionary)
        for n in 0..<10_000 { #expect(map["id-\(n)"] == dictionary["id-\(n)"]) }
    }

    @Test func pairsReadBackMustBeInOrderWithoutRepeats() throws {
        let pairs = ActorMap(["b": "2", "a": "1", "c": "3"]).pairs
        #expect(pairs.map(\.local) == ["a", "b", "c"])
        #expect(try #require(ActorMap(sorted: pairs))["b"] == "2")
        #expect(ActorMap(sorted: [pairs[1], pairs[0], pairs[2]]) == nil)
        #expect(ActorMap(sorted: [pairs[0], pairs[0]]) == nil)
        #expect(ActorMap(sorted: []) == ActorMap([:]))
    }

    @Test func aLiteralReadsAsTheDictionaryItSpells() {
        let map: ActorMap = ["kdu": "kessling-dockworkers-union", "marova": "ilse-marova"]
        #expect(map == ActorMap(["marova": "ilse-marova", "kdu": "kessling-dockworkers-union"]))
        #expect(map["marova"] == "ilse-marova")
    }
}
