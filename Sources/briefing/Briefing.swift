import ArgumentParser
import BriefingKit
import Foundation

@main
struct Briefing: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "briefing",
        abstract: "Build annotated news briefings into a static site.",
        version: BriefingVersion.current,
        subcommands: [Build.self, Serve.self, Extract.self, Check.self, Init.self, New.self],
        defaultSubcommand: Build.self
    )

    /// Runs the command line; a first word that is no command and no option is a mistyped command, not an
    /// argument of the default `build`: it is named with the nearest command.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, let message = unknownCommand(first) {
            note(message)
            Foundation.exit(64)
        }
        await main(nil)
    }

    /// The error for `word` when it is neither a command nor an option, with the nearest command when one is near.
    static func unknownCommand(_ word: String) -> String? {
        let commands = configuration.subcommands.map { $0._commandName }.sorted()
        guard !word.hasPrefix("-"), !commands.contains(word), word != "help" else { return nil }
        var message = "error: unknown command '\(word)'"
        if let nearest = commands.min(by: { distance(word, $0) < distance(word, $1) }),
            distance(word, nearest) <= 2 || nearest.hasPrefix(word)
        {
            message += "; did you mean '\(nearest)'?"
        }
        return message + "\n  hint: the commands are \(commands.joined(separator: ", ")); 'briefing --help' describes them"
    }

    /// Edit distance between two short words.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in a.indices {
            var diagonal = row[0]
            row[0] = i + 1
            for j in b.indices {
                let above = row[j + 1]
                row[j + 1] = min(above + 1, row[j] + 1, diagonal + (a[i] == b[j] ? 0 : 1))
                diagonal = above
            }
        }
        return row[b.count]
    }
}

/// Runs `body`; a build error is printed the way terminals and editors link it, and the command exits 1.
func reporting<T>(paths: ContentPaths? = nil, _ body: () async throws(BuildError) -> T) async throws -> T {
    let result: Result<T, BuildError>
    do {
        result = .success(try await body())
    } catch {
        result = .failure(error)
    }
    switch result {
    case .success(let value): return value
    case .failure(let error):
        note((paths.map { error.relocated($0) } ?? error).description)
        throw ExitCode(1)
    }
}

/// Runs `body`; a build error is printed with its location and the command exits 1.
func reportingSync<T>(_ body: () throws(BuildError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        note(error.description)
        throw ExitCode(1)
    }
}

/// Writes a line to standard error.
func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
