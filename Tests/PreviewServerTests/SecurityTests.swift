import Foundation
import Testing

@testable import PreviewServer

/// The preview must never hand out a file outside the output folder, must answer only loopback names and
/// must survive whatever bytes it is sent.
@Suite("Serving safely")
struct SecurityTests {
    /// Paths that try to leave the output folder, each in the form it is sent on the wire.
    static let escapes = [
        "/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/..%2fsecret.txt",
        "/%2e%2e%2fsecret.txt", "/assets%2f..%2f..%2fsecret.txt", "/%252e%252e/secret.txt", "/%252e%252e%252fsecret.txt",
        "/..%252fsecret.txt", "/index.html%00.txt", "/%00", "/..\\secret.txt", "/%5c..%5csecret.txt", "/..%5csecret.txt",
        "/../Public-secrets/secret.txt", "/%2e%2e/Public-secrets/secret.txt", "/link-out/secret.txt", "/link-out/",
        "/link-file", "/link-parent/Public-secrets/secret.txt", "//secret.txt", "/./index.html/../../secret.txt",
        "/.briefing-output",
    ]

    @Test("Traversal in every encoding, NUL, backslashes, prefix siblings and outward symlinks: 403 or 404")
    func traversal() async throws {
        let site = try await PreviewSite.start()
        let fm = FileManager.default
        try Data("TOP SECRET parent".utf8).write(to: site.folder.appendingPathComponent("secret.txt"))
        let sibling = site.folder.appendingPathComponent("Public-secrets")
        try fm.createDirectory(at: sibling, withIntermediateDirectories: true)
        try Data("TOP SECRET sibling".utf8).write(to: sibling.appendingPathComponent("secret.txt"))
        // Links planted inside the output after the build, pointing out of it.
        try fm.createSymbolicLink(atPath: site.output.appendingPathComponent("link-out").path, withDestinationPath: sibling.path)
        try fm.createSymbolicLink(
            atPath: site.output.appendingPathComponent("link-file").path, withDestinationPath: site.folder.appendingPathComponent("secret.txt").path)
        try fm.createSymbolicLink(atPath: site.output.appendingPathComponent("link-parent").path, withDestinationPath: "..")

        var answers: [(String, Int, String)] = []
        for path in Self.escapes {
            let response = try await site.get(path)
            answers.append((path, response.status, response.text))
        }
        let after = try await site.get("/")
        await site.stop()

        for (path, status, body) in answers {
            #expect(status == 403 || status == 404, "\(path) answered \(status)")
            #expect(!body.contains("TOP SECRET"), "\(path) leaked a file")
        }
        #expect(after.status == 200)
        #expect(after.text.contains("Fixture Briefings"))
    }

    @Test("A link inside the output that stays inside it is served")
    func innerLink() async throws {
        let site = try await PreviewSite.start()
        try FileManager.default.createSymbolicLink(atPath: site.output.appendingPathComponent("home.html").path, withDestinationPath: "index.html")
        let response = try await site.get("/home.html")
        await site.stop()

        #expect(response.status == 200)
        #expect(response.text.contains("Fixture Briefings"))
    }

    @Test("Only loopback names and the listening address are answered; a foreign Host gets 403")
    func hostHeader() async throws {
        let site = try await PreviewSite.start()
        let port = site.port
        let cases: [(String, Int)] = [
            ("127.0.0.1:\(port)", 200), ("localhost:\(port)", 200), ("LOCALHOST:\(port)", 200), ("[::1]:\(port)", 200),
            ("evil.example:\(port)", 403), ("evil.example", 403), ("127.0.0.1.evil.example:\(port)", 403),
            ("localhost:\(port + 1)", 403), ("localhost", 403), ("192.168.1.10:\(port)", 403), ("localhost:\(port)@evil", 403),
        ]
        var answers: [(String, Int)] = []
        for (host, _) in cases {
            answers.append((host, try await site.get("/", host: host).status))
        }
        let missing = try await site.get("/", host: "")
        let twice = try await RawHTTP.request("/", port: port, headers: ["Host: evil.example"])
        await site.stop()

        for ((host, expected), (_, status)) in zip(cases, answers) {
            #expect(status == expected, "Host: \(host)")
        }
        #expect(missing.status == 400)
        #expect(twice.status == 400)
    }

    @Test("Malformed requests get a 4xx and the server keeps answering")
    func malformed() async throws {
        let site = try await PreviewSite.start()
        let requests = [
            "GARBAGE\r\n\r\n", "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: nope\r\n\r\n",
            "GET /%zz HTTP/1.1\r\nHost: 127.0.0.1:\(site.port)\r\nConnection: close\r\n\r\n",
            "GET /%e2%82 HTTP/1.1\r\nHost: 127.0.0.1:\(site.port)\r\nConnection: close\r\n\r\n",
            "GET noslash HTTP/1.1\r\nHost: 127.0.0.1:\(site.port)\r\nConnection: close\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: 127.0.0.1:\(site.port)\r\nBad Header Line\r\n\r\n",
            "GET / HTTP/9.9\r\nHost: 127.0.0.1:\(site.port)\r\n\r\n",
        ]
        var statuses: [Int?] = []
        for request in requests {
            let raw = try await RawHTTP.exchange(Data(request.utf8), port: site.port)
            statuses.append(RawHTTP.parse(raw)?.status)
        }
        let after = try await site.get("/")
        await site.stop()

        for (request, status) in zip(requests, statuses) {
            #expect(status.map { (400..<500).contains($0) } == true, "\(request.debugDescription) answered \(String(describing: status))")
        }
        #expect(after.status == 200)
        #expect(after.text.contains("Fixture Briefings"))
    }
}
