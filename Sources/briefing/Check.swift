import ArgumentParser
import BriefingKit
import Foundation

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check content and the site it builds: broken links and anchors, unmatched annotations, template errors.")

    @Option(help: "The content folder.") var content = "Content"
    @Option(help: "The templates folder.") var templates = "Templates"
    @Flag(help: "Include briefings marked draft.") var drafts = false

    func run() async throws {
        let options = BuildOptions(
            content: URL(fileURLWithPath: content), templates: URL(fileURLWithPath: templates), output: URL(fileURLWithPath: "Public"),
            drafts: drafts)
        let problems = await SiteChecker(options: options).check()
        let paths = ContentPaths(content: content)
        for problem in problems { note("\(paths(problem.location)): error: \(problem.message)") }
        if problems.isEmpty {
            print("No problems found.")
        } else {
            note("\(problems.count) problem(s) found.")
            throw ExitCode(1)
        }
    }
}
