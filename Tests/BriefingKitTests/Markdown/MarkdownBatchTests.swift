import Foundation
import Testing

@testable import BriefingKit

@Suite struct MarkdownBatchTests {
    @Test func rendersEveryJobInOrder() async throws {
        let jobs = (1...5).map { MarkdownBatch.Job(markdown: "# Part \($0)\n", firstLine: 1, reservedIDs: [], file: "f\($0).md") }
        let rendered = try await MarkdownBatch(timeLimit: .seconds(10)).render(jobs)
        #expect(rendered.map(\.html) == (1...5).map { "<h1 id=\"part-\($0)\">Part \($0)</h1>\n" })
    }

    @Test func pathologicalInputFailsNamingTheFileAndLimit() async throws {
        // Quadratic in libcmark 0.30: seconds of work for 240 KB.
        let slow = String(repeating: "![[]()", count: 40_000)
        let jobs = [
            MarkdownBatch.Job(markdown: "fine\n", firstLine: 1, reservedIDs: [], file: "a/index.md"),
            MarkdownBatch.Job(markdown: slow, firstLine: 5, reservedIDs: [], file: "b/index.md"),
        ]
        await #expect {
            try await MarkdownBatch(timeLimit: .milliseconds(200)).render(jobs)
        } throws: { error in
            guard let error = error as? BuildError else { return false }
            return error.location?.file == "b/index.md" && error.message.contains("longer than the 0.2 s limit")
        }
    }
}
