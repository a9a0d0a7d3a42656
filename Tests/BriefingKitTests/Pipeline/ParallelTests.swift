import Testing

@testable import BriefingKit

@Suite struct ParallelTests {
    /// Taking the costliest items first changes only the order of the work, never the order of the results.
    @Test func costliestFirstKeepsTheInputOrder() async {
        let items = (0..<1_000).map { ($0 * 7_919) % 1_013 }
        let mapped = await parallelMap(items, costliestFirst: { $0 }) { "item \($0)" }
        #expect(mapped == items.map { "item \($0)" })
        let ties = await parallelMap([3, 1, 3, 2, 3], costliestFirst: { _ in 1 }) { $0 * 10 }
        #expect(ties == [30, 10, 30, 20, 30])
        let none = await parallelMap([Int](), costliestFirst: { $0 }) { $0 }
        #expect(none.isEmpty)
    }
}
