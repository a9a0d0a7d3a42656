import ArgumentParser
import BriefingKit
import Foundation

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site from the content folder into the output folder.")

    @Option(help: "The content folder.") var content = "Content"
    @Option(help: "The templates folder.") var templates = "Templates"
    @Option(help: "The output folder.") var output = "Public"
    @Flag(help: "Include briefings marked draft.") var drafts = false
    @Flag(name: .shortAndLong, help: "Print only errors.") var quiet = false

    func run() async throws {
        let options = BuildOptions(
            content: URL(fileURLWithPath: content), templates: URL(fileURLWithPath: templates), output: URL(fileURLWithPath: output),
            drafts: drafts)
        let quiet = quiet
        let report = try await reporting { () async throws(BuildError) in
            try await SiteBuilder(options: options).build { line in if !quiet { note(line) } }
        }
        for warning in report.warnings { note(warning.description) }
        if !quiet {
            print(
                "Built \(report.briefings) briefings, \(report.quotes) quotes, \(report.actors) actors → \(output)/ in "
                    + String(format: "%.2f s", report.seconds))
        }
    }
}
