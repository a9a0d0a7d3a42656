import Testing

@testable import BriefingKit

@Suite struct StringOrderTests {
    @Test func asciiStringsSortAsSortedDoes() {
        let strings = ["briefings/b/index.html", "actors/a/index.html", "", "actors/a", "actors/a/index.htm", "Zed", "zed", "a-b", "a_b", "a"]
        #expect(StringOrder.sorted(strings) == strings.sorted())
        #expect(StringOrder.sortedIndices(strings).map { strings[$0] } == strings.sorted())
    }

    @Test func nonASCIIStringsSortAsSortedDoes() {
        // "é" precomposed and decomposed are equal strings; "z" sorts before "é" by scalar but a byte-wise
        // comparison of the decomposed form ("e" + U+0301) would put it before "z".
        let strings = ["caf\u{E9}", "cafe\u{301}x", "cafz", "cafe", "\u{212A}elvin", "Kelvin"]
        #expect(StringOrder.sorted(strings) == strings.sorted())
    }

    @Test func emptyInputGivesNothing() {
        #expect(StringOrder.sortedIndices([]).isEmpty)
    }
}
