import Testing

@testable import BriefingKit

@Suite struct ParallelTests {
    /// Taking the costliest items first changes only the order of the work, never the order of the results.
    @Test func costliestFirstKeepsTheInputOrder() async {
        let items = (0..<1_000).map { ($0 * 7_919) % 1_013 }
        let mapped = await parallelMap(items, costliestFirst: { $0 }) { "item \($0)" }
        #expect(mapped == items.map { "item \($0)" })
        // Many ties, spread through the input: the work is reordered, the results are not.
        let ties = await parallelMap(items, costliestFirst: { $0 % 3 }) { $0 * 10 }
        #expect(ties == items.map { $0 * 10 })
        let none = await parallelMap([Int](), costliestFirst: { $0 }) { $0 }
        #expect(none.isEmpty)
    }
}
