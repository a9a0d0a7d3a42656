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
    @Option(name: .customLong("markdown-timeout"), help: "Seconds one Markdown file may take to render.") var markdownTimeout = 10.0
    @Option(name: .customLong("max-file-size"), help: "Largest content file accepted, in MB.") var maxFileSize = 5.0
    @Option(help: "The build cache folder (safe to delete); .briefing-cache/ beside the output by default.") var cache: String?
    @Flag(name: .customLong("no-cache"), help: "Build everything from scratch and keep no cache.") var noCache = false

    func validate() throws {
        guard markdownTimeout > 0 else { throw ValidationError("--markdown-timeout must be more than 0") }
        guard maxFileSize > 0 else { throw ValidationError("--max-file-size must be more than 0") }
    }

    func run() async throws {
        var options = BuildOptions(
            content: URL(fileURLWithPath: content), templates: URL(fileURLWithPath: templates), output: URL(fileURLWithPath: output),
            drafts: drafts)
        options.markdownTimeLimit = .milliseconds(Int(markdownTimeout * 1000))
        options.maxFileSize = Int(maxFileSize * 1_000_000)
        options.keepsMemoryUntilExit = true
        if noCache {
            options.cache = nil
        } else if let cache {
            options.cache = URL(fileURLWithPath: cache)
        }
        let quiet = quiet
        Signals.install()
        let paths = ContentPaths(content: content)
        let report = try await reporting(paths: paths) { () async throws(BuildError) in
            try await SiteBuilder(options: options).build { line in if !quiet { note(line) } }
        }
        if Interruption.shared.isRequested {
            note("Interrupted after the new site was written.")
            throw ExitCode(130)
        }
        for warning in report.warnings { note(warning.relocated(paths).description) }
        guard !quiet else { return }
        let time = String(format: "%.2f s", report.seconds)
        if report.unchanged {
            print("Nothing changed in \(report.briefingsBuilt); \(output)/ is up to date (checked in \(time))")
        } else {
            let reused = report.reused > 0 ? ", \(report.reused) pages reused" : ""
            print(
                "Built \(report.briefingsBuilt), \(report.quotesFound), \(report.actorsFound) → \(output)/ in \(time) "
                    + "(\(report.written) of \(report.files) files written\(reused))")
        }
    }
}
