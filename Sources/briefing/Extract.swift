import ArgumentParser
import BriefingKit

struct Extract: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the key points, quotes and actors of article files; no site is written.")

    @Option(help: "json (the extraction contract) or text.") var format: String = "json"
    @Option(name: .customLong("key-points"), help: "How many key points per article.") var keyPoints = 5
    @Argument(help: "Article files (.txt or .md).") var files: [String]

    func validate() throws {
        guard ExtractRunner.Format(rawValue: format) != nil else {
            throw ValidationError("--format must be json or text")
        }
        guard keyPoints >= 0 else { throw ValidationError("--key-points must be 0 or more") }
    }

    func run() async throws {
        let runner = ExtractRunner(keyPoints: keyPoints, format: ExtractRunner.Format(rawValue: format) ?? .json)
        let output = try await reporting { () async throws(BuildError) in try await runner.run(paths: files) }
        print(output, terminator: "")
    }
}
