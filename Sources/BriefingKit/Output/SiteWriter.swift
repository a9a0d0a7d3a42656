#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization

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

    /// The folder that holds the previous site after a build: the next build updates it in place and swaps it
    /// in, so unchanged files are not rewritten and no folder tree is created or deleted on every build.
    public var spare: URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).previous")
    }

    /// Writes `files` and `assets` (a folder, copied to `assets/`) and swaps them in: `begin`, `add` each file,
    /// `finish`. Returns how many files were written and how many the site has.
    @discardableResult
    public func write(_ files: [OutputFile], reusing: [String] = [], assets: URL?) throws(BuildError) -> (written: Int, total: Int) {
        let write = try begin()
        do {
            for file in files { try write.add(file) }
        } catch {
            write.abort()
            throw error
        }
        return try write.finish(keeping: reusing, assets: assets)
    }

    /// Starts writing a new site into the spare folder. Files may then be added from several threads as they
    /// are rendered; the output changes only when `finish` swaps the spare folder in.
    public func begin() throws(BuildError) -> SiteWrite {
        try checkOutput()
        guard interruption.setWriting(true) else { throw Self.interrupted }
        do {
            try prepareSpare()
        } catch {
            _ = interruption.setWriting(false)
            throw error
        }
        return SiteWrite(writer: self, sync: TreeSync(root: spare.path, writeFile: writeFile, interruption: interruption))
    }

    /// Puts the spare folder in place after its sync finished; brings the new spare (the previous site) up
    /// to date with the output so that both stay identical.
    func complete(_ outcome: TreeSync.Outcome) throws(BuildError) {
        try swapIn()
        do {
            try TreeSync.catchUp(spare.path, from: output.path, after: outcome)
        } catch {
            // The new site is in place; a spare that could not be brought up to date is simply dropped.
            try? FileManager.default.removeItem(at: spare)
        }
    }

    /// The files every site has beside its pages: the assets, the marker and a `.gitkeep` that was there.
    func extraFiles(assets: URL?) throws(BuildError) -> [OutputFile] {
        var files = try assets.map(assetFiles) ?? []
        files.append(OutputFile(path: Self.marker, text: "Written by briefing build. The whole folder is replaced on every build.\n"))
        if FileSystem.exists(output.appendingPathComponent(".gitkeep")) { files.append(OutputFile(path: ".gitkeep", text: "")) }
        return files
    }

    /// The hash of the output's manifest, which changes whenever a build changes any file of it.
    public func outputManifestHash() -> UInt64? {
        FileManager.default.contents(atPath: output.appendingPathComponent(TreeSync.manifestName).path).map(StableHash.of)
    }

    /// Whether the spare folder holds exactly what the output holds, so that pages can be reused.
    public func spareIsInSync() -> Bool {
        guard let mine = FileManager.default.contents(atPath: spare.appendingPathComponent(TreeSync.manifestName).path),
            let theirs = FileManager.default.contents(atPath: output.appendingPathComponent(TreeSync.manifestName).path)
        else { return false }
        return mine == theirs
    }

    /// Makes sure the spare folder exists and is ours.
    private func prepareSpare() throws(BuildError) {
        if FileSystem.isDirectory(spare) {
            guard FileSystem.exists(spare.appendingPathComponent(Self.marker)) else {
                throw BuildError(
                    stage: "write", location: SourceLocation(file: spare.path),
                    message: "refusing to use \(spare.path): it was not written by briefing", hint: "move it out of the way")
            }
            return
        }
        // An output in a folder that does not exist yet ("--output site/public") gets its parents, as `mkdir -p`.
        let parent = spare.deletingLastPathComponent()
        if !FileSystem.isDirectory(parent) {
            do {
                try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            } catch {
                throw BuildError(
                    stage: "write", location: SourceLocation(file: parent.path), message: "cannot create \(parent.path): \(error.localizedDescription)")
            }
        }
        if mkdir(spare.path, 0o755) != 0 {
            throw BuildError(
                stage: "write", location: SourceLocation(file: spare.path),
                message: "cannot create \(spare.path): \(String(cString: strerror(errno)))")
        }
    }

    /// Puts the spare folder in the output's place and the output in the spare's, atomically where the system
    /// allows it.
    private func swapIn() throws(BuildError) {
        let outputPath = output.path
        let sparePath = spare.path
        if !FileSystem.exists(output) {
            guard rename(sparePath, outputPath) == 0 else { throw swapError(errno) }
            return
        }
        if Atomic.exchange(sparePath, outputPath) { return }
        // No atomic exchange on this file system: three renames, the output missing only between the last two.
        let aside = sparePath + ".swap"
        guard rename(outputPath, aside) == 0 else { throw swapError(errno) }
        guard rename(sparePath, outputPath) == 0 else {
            let code = errno
            _ = rename(aside, outputPath)
            throw swapError(code)
        }
        _ = rename(aside, sparePath)
    }

    private func swapError(_ code: Int32) -> BuildError {
        BuildError(
            stage: "write", location: SourceLocation(file: output.path),
            message: "cannot replace the output folder: \(String(cString: strerror(code)))")
    }

    /// The files of the assets folder, below `assets/`; hidden and editor files skipped, links refused.
    private func assetFiles(_ folder: URL) throws(BuildError) -> [OutputFile] {
        guard FileSystem.isDirectory(folder) else { return [] }
        var files: [OutputFile] = []
        func visit(_ url: URL, _ relative: String) throws {
            for entry in try FileSystem.listing(of: url, root: folder, relative: relative) {
                if entry.isDirectory {
                    try visit(entry.url, entry.relative)
                } else {
                    files.append(OutputFile(path: entry.relative, data: try RawFile.read(entry.path)))
                }
            }
        }
        do {
            try visit(folder.resolvingSymlinksInPath(), "assets")
        } catch let error as BuildError {
            throw error
        } catch {
            throw BuildError(stage: "write", location: SourceLocation(file: folder.path), message: "cannot read assets: \(error.localizedDescription)")
        }
        return files
    }
}

extension SiteWriter {
    static let interrupted = BuildError(stage: "write", message: "interrupted; the previous site was left in place")
}

/// Rules for paths inside the output folder.
enum OutputPath {
    /// Refuses paths that are absolute, climb out with "..", or carry NUL, backslashes or percent-encoding.
    static func check(_ path: String) throws(BuildError) {
        // Read as bytes: every refused character is ASCII, and this runs for every file of every build.
        let utf8 = path.utf8
        let bad =
            utf8.isEmpty || utf8.first == UInt8(ascii: "/")
            || utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "%") }
            || utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).contains { part in
                part.isEmpty || part.elementsEqual(".".utf8) || part.elementsEqual("..".utf8)
            }
        if bad {
            throw BuildError(stage: "write", location: SourceLocation(file: path), message: "refusing to write outside the output folder: '\(path)'")
        }
    }
}

/// A new site being written into the spare folder. Thread-safe: pages are added as they are rendered.
public final class SiteWrite: Sendable {
    private let writer: SiteWriter
    private let sync: TreeSync
    private let open = Mutex(true)

    init(writer: SiteWriter, sync: TreeSync) {
        self.writer = writer
        self.sync = sync
    }

    /// Adds one file of the new site (written unless the spare folder already has these bytes).
    public func add(_ file: OutputFile) throws(BuildError) {
        try sync.add(file.path, file.data)
    }

    /// Adds the assets, keeps `keeping` (files of the current output, when the spare folder is in sync with
    /// it), removes what the new site no longer has and swaps the spare folder in. On failure the spare folder
    /// is removed and the output is untouched.
    public func finish(keeping: [String], assets: URL?) throws(BuildError) -> (written: Int, total: Int) {
        defer { close() }
        do {
            for file in try writer.extraFiles(assets: assets) { try sync.add(file.path, file.data) }
            try sync.keep(keeping)
            let outcome = try sync.finish()
            try writer.complete(outcome)
            return (outcome.written.count, outcome.total)
        } catch {
            sync.settle()
            try? FileManager.default.removeItem(at: writer.spare)
            throw error
        }
    }

    /// Gives up: the spare folder is removed, the output untouched.
    public func abort() {
        sync.settle()
        try? FileManager.default.removeItem(at: writer.spare)
        close()
    }

    private func close() {
        let wasOpen = open.withLock { open in
            defer { open = false }
            return open
        }
        if wasOpen { _ = writer.interruption.setWriting(false) }
    }
}
