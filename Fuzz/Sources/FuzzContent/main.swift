import BriefingKit
import Foundation
import FuzzSupport

/// The whole content pipeline over any input: the input is split at its first NUL into a briefing's `index.md`
/// (front matter and commentary) and an article, written to a content folder, and the site is rendered in
/// memory with the default theme. It may fail with a BuildError; it must never crash or hang, and every page it
/// renders is valid UTF-8 with no script but the theme's own.
let work = workFolder()
// The folder goes with the process: libFuzzer ends it with exit() once its runs are done.
atexit { try? FileManager.default.removeItem(at: workFolder()) }
let templates = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Templates")

runFuzzer { data, size in
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let split = bytes.firstIndex(of: 0) ?? bytes.count
    let folder = work.appendingPathComponent("Content/briefings/2025-01-01-fuzz")
    try? FileManager.default.removeItem(at: work)
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try? Data(bytes[..<split]).write(to: folder.appendingPathComponent("index.md"))
    try? Data(bytes[min(split + 1, bytes.count)...]).write(to: folder.appendingPathComponent("article.txt"))
    let options = BuildOptions(
        content: work.appendingPathComponent("Content"), templates: templates, output: work.appendingPathComponent("Public"))
    let semaphore = DispatchSemaphore(value: 0)
    Task.detached {
        await check(options)
        semaphore.signal()
    }
    semaphore.wait()
    return 0
}

/// Renders the site and checks every file; everything it made is released when it returns, before the fuzzer is
/// told the input is done.
func check(_ options: BuildOptions) async {
    do {
        let site = try await SiteBuilder(options: options).render()
        for file in site.files {
            require(String(data: file.data, encoding: .utf8) != nil, "\(file.path) is not valid UTF-8")
            if file.path.hasSuffix(".html") {
                let html = String(decoding: file.data, as: UTF8.self)
                let scripts = html.components(separatedBy: "<script").count - 1
                let ours = html.components(separatedBy: "<script src=\"").count - 1
                require(scripts == ours, "\(file.path) has a script the theme did not put there")
            }
        }
    } catch {
        // A clear error is a correct answer to bad input.
    }
}

/// Where this process writes the content it builds.
func workFolder() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("briefing-fuzz-\(getpid())")
}
