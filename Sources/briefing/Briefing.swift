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
}

/// Runs `body`; a build error is printed the way terminals and editors link it, and the command exits 1.
func reporting<T>(_ body: () async throws(BuildError) -> T) async throws -> T {
    let result: Result<T, BuildError>
    do {
        result = .success(try await body())
    } catch {
        result = .failure(error)
    }
    switch result {
    case .success(let value): return value
    case .failure(let error):
        note(error.description)
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
