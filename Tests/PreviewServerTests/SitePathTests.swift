import Foundation
import Testing

@testable import PreviewServer

/// Path resolution without a server: what each request path leads to in a small output folder.
@Suite("Resolving request paths")
struct SitePathTests {
    /// `root/Public` with a page, a folder with an index, a folder without one, and `root/Public-secrets`.
    static func makeSite() throws -> (root: URL, site: SitePath) {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("briefing-sitepath-\(UUID().uuidString)")
        let output = root.appendingPathComponent("Public")
        try fm.createDirectory(at: output.appendingPathComponent("briefings/a"), withIntermediateDirectories: true)
        try fm.createDirectory(at: output.appendingPathComponent("empty"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("Public-secrets"), withIntermediateDirectories: true)
        try Data("home".utf8).write(to: output.appendingPathComponent("index.html"))
        try Data("a".utf8).write(to: output.appendingPathComponent("briefings/a/index.html"))
        try Data("spaced".utf8).write(to: output.appendingPathComponent("with space.txt"))
        try Data("missing".utf8).write(to: output.appendingPathComponent("404.html"))
        try Data("secret".utf8).write(to: root.appendingPathComponent("Public-secrets/secret.txt"))
        try fm.createSymbolicLink(atPath: output.appendingPathComponent("out").path, withDestinationPath: "../Public-secrets")
        try fm.createSymbolicLink(atPath: output.appendingPathComponent("in.html").path, withDestinationPath: "index.html")
        return (root, SitePath(root: output))
    }

    @Test("Files, folders with their index, redirects for folders without a slash")
    func ordinaryPaths() throws {
        let (root, site) = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let real = root.resolvingSymlinksInPath().path + "/Public"

        #expect(site.resolve("/") == .file(real + "/index.html"))
        #expect(site.resolve("/index.html") == .file(real + "/index.html"))
        #expect(site.resolve("/briefings/a/") == .file(real + "/briefings/a/index.html"))
        #expect(site.resolve("/briefings/a") == .redirect("/briefings/a/"))
        #expect(site.resolve("//briefings//a") == .redirect("/briefings/a/"))
        #expect(site.resolve("/with%20space.txt") == .file(real + "/with space.txt"))
        #expect(site.resolve("/in.html") == .file(real + "/index.html"))
        #expect(site.resolve("/empty/") == .notFound)
        #expect(site.resolve("/index.html/") == .notFound)
        #expect(site.resolve("/nothing") == .notFound)
        #expect(site.notFoundPage() == real + "/404.html")
    }

    @Test("Everything that leaves the folder or decodes to a separator is refused")
    func refusals() throws {
        let (root, site) = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: root) }

        for path in [
            "/..", "/../Public-secrets/secret.txt", "/%2e%2e/Public-secrets/secret.txt", "/%2E%2e%2FPublic-secrets",
            "/briefings%2fa", "/%252e%252e/x", "/a%255cb", "/%00", "/a%00b", "/a\\b", "/%5c", "/out/secret.txt", "/out/",
            "/.hidden", "/%2ehidden", "/briefings/./a/",
        ] {
            #expect(site.resolve(path) == .forbidden, "\(path)")
        }
        for path in ["relative", "/%", "/%2", "/%zz", "/%ff%fe"] {
            #expect(site.resolve(path) == .malformed, "\(path)")
        }
    }

    @Test("A missing output folder (mid-swap) is not found, never an error")
    func missingRoot() {
        let site = SitePath(root: URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)"))
        #expect(site.resolve("/") == .notFound)
        #expect(site.notFoundPage() == nil)
    }
}
