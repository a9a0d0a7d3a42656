import Foundation

/// A file of the built site.
public struct OutputFile: Sendable, Hashable {
    /// Path below the output folder, "/"-separated.
    public var path: String
    /// Contents.
    public var data: Data

    /// A text file, UTF-8.
    public init(path: String, text: String) {
        self.path = path
        self.data = Data(text.utf8)
    }

    /// A binary file.
    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }
}

/// Writes the site into a temporary sibling of the output folder and swaps it into place, so that a failed
/// build leaves the previous site untouched and a good one leaves no stale files.
public struct SiteWriter: Sendable {
    /// The name of the file that marks a folder as written by this tool.
    public static let marker = ".briefing-output"

    /// The output folder.
    public let output: URL
    /// Folders that must never be used as (or contain) the output.
    public let protected: [URL]
    /// The flag that stops a write part-way (Ctrl-C).
    public var interruption = Interruption.shared
    /// Writes one file; replaced in tests to simulate a full disk.
    var writeFile: @Sendable (Data, String) throws(FileError) -> Void = { data, path throws(FileError) in try RawFile.write(data, to: path) }

    /// Creates a writer for `output`; `protected` are the content and template folders and the project root.
    public init(output: URL, protected: [URL]) {
        self.output = output.standardizedFileURL
        self.protected = protected.map { $0.standardizedFileURL }
    }

    /// Refuses an output folder that is a protected folder, contains one, or is a non-empty folder this tool
    /// did not create.
    public func checkOutput() throws(BuildError) {
        let path = output.resolvingSymlinksInPath().path
        for folder in protected {
            let other = folder.resolvingSymlinksInPath().path
            if path == other || other.hasPrefix(path + "/") || path == "/" {
                throw BuildError(
                    stage: "write", location: SourceLocation(file: output.path),
                    message: "refusing to write the site to \(output.path): it is or contains \(other)",
                    hint: "pass --output with a folder of its own, such as Public")
            }
        }
        guard FileSystem.isDirectory(output) else {
            if FileSystem.exists(output) {
                throw BuildError(stage: "write", location: SourceLocation(file: output.path), message: "output path exists and is not a folder")
            }
            return
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
        let meaningful = names.filter { $0 != ".gitkeep" && $0 != ".DS_Store" }
        if !meaningful.isEmpty && !names.contains(Self.marker) {
            throw BuildError(
                stage: "write", location: SourceLocation(file: output.path),
                message: "refusing to replace \(output.path): it is not empty and was not written by briefing",
                hint: "choose an empty or new folder with --output, or empty this one yourself")
        }
    }

    /// Writes `files` and copies `assets` (a folder, copied to `assets/`), then swaps the result into place.
    public func write(_ files: [OutputFile], assets: URL?) throws(BuildError) {
        try checkOutput()
        guard interruption.setWriting(true) else { throw Self.interrupted }
        defer { _ = interruption.setWriting(false) }
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).building-\(pid)")
        let retired = parent.appendingPathComponent(".\(name).old-\(pid)")
        do {
            try? fm.removeItem(at: staging)
            try fm.createDirectory(at: staging, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        } catch {
            throw BuildError(stage: "write", location: SourceLocation(file: parent.path), message: "cannot create \(staging.path): \(error.localizedDescription)")
        }
        do {
            try writeFiles(files, assets: assets, into: staging)
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
        // Swap: old → retired, staging → output, then drop retired.
        let hadOutput = FileSystem.exists(output)
        do {
            if hadOutput { try fm.moveItem(at: output, to: retired) }
            do {
                try fm.moveItem(at: staging, to: output)
            } catch {
                if hadOutput { try? fm.moveItem(at: retired, to: output) }
                throw error
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw BuildError(stage: "write", location: SourceLocation(file: output.path), message: "cannot replace the output folder: \(error.localizedDescription)")
        }
        if hadOutput { try? fm.removeItem(at: retired) }
    }

    private func writeFiles(_ files: [OutputFile], assets: URL?, into staging: URL) throws(BuildError) {
        var all = files
        all.append(OutputFile(path: Self.marker, text: "Written by briefing build. The whole folder is replaced on every build.\n"))
        if FileSystem.exists(output.appendingPathComponent(".gitkeep")) { all.append(OutputFile(path: ".gitkeep", text: "")) }
        var folders = FolderMaker(root: staging.path)
        for file in all {
            if interruption.isRequested { throw Self.interrupted }
            try OutputPath.check(file.path)
            let path = staging.path + "/" + file.path
            do {
                if let slash = file.path.lastIndex(of: "/") { try folders.make(String(file.path[..<slash])) }
                try writeFile(file.data, path)
            } catch {
                throw BuildError(stage: "write", location: SourceLocation(file: file.path), message: "cannot write: \(error)")
            }
        }
        guard let assets, FileSystem.isDirectory(assets) else { return }
        let target = staging.appendingPathComponent("assets")
        do {
            try copyTree(assets, to: target)
        } catch let error as BuildError {
            throw error
        } catch {
            throw BuildError(stage: "write", location: SourceLocation(file: assets.path), message: "cannot copy assets: \(error.localizedDescription)")
        }
    }

    /// Copies a folder's regular files, skipping hidden and editor files and refusing links.
    private func copyTree(_ source: URL, to target: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: target, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        for entry in try FileSystem.listing(of: source, root: source, relative: "assets") {
            let destination = target.appendingPathComponent(entry.name)
            if entry.isDirectory {
                try copyTree(entry.url, to: destination)
            } else {
                try Data(contentsOf: entry.url).write(to: destination)
                try fm.setAttributes([.posixPermissions: 0o644], ofItemAtPath: destination.path)
            }
        }
    }
}

extension SiteWriter {
    static let interrupted = BuildError(stage: "write", message: "interrupted; the previous site was left in place")
}

/// Rules for paths inside the output folder.
enum OutputPath {
    /// Refuses paths that are absolute, climb out with "..", or carry NUL, backslashes or percent-encoding.
    static func check(_ path: String) throws(BuildError) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        let bad =
            path.isEmpty || path.hasPrefix("/") || path.contains("\\") || path.contains("%") || path.unicodeScalars.contains { $0.value < 0x20 }
            || parts.contains { $0.isEmpty || $0 == "." || $0 == ".." }
        if bad {
            throw BuildError(stage: "write", location: SourceLocation(file: path), message: "refusing to write outside the output folder: '\(path)'")
        }
    }
}
