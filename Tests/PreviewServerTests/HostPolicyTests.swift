import Testing

@testable import PreviewServer

@Suite("Host header policy")
struct HostPolicyTests {
    @Test("Loopback names with the bound port pass; other names, ports and shapes do not")
    func loopback() {
        let policy = HostPolicy(listenHost: "127.0.0.1")
        for host in ["127.0.0.1:8000", "localhost:8000", "Localhost:8000", "[::1]:8000"] {
            #expect(policy.allows(host, port: 8000), "\(host)")
        }
        for host in [
            "evil.example:8000", "localhost:8001", "localhost", "127.0.0.1", "10.0.0.2:8000", "localhost.:8000",
            "localhost:8000/x", "user@localhost:8000", "[::1", "localhost:", "localhost:0", "localhost:99999", "", ":8000",
        ] {
            #expect(!policy.allows(host, port: 8000), "\(host)")
        }
        #expect(!policy.allows(nil, port: 8000))
        // Port 80 is the one browsers leave out.
        #expect(policy.allows("localhost", port: 80))
    }

    @Test("The listening address is allowed; on every interface, address literals are too, names never")
    func listenAddress() {
        #expect(HostPolicy(listenHost: "preview.local").allows("preview.local:9000", port: 9000))
        #expect(HostPolicy(listenHost: "::1").allows("[::1]:9000", port: 9000))
        let everywhere = HostPolicy(listenHost: "0.0.0.0")
        #expect(everywhere.allows("192.168.1.20:9000", port: 9000))
        #expect(everywhere.allows("[fe80::1]:9000", port: 9000))
        #expect(!everywhere.allows("attacker.example:9000", port: 9000))
        #expect(!HostPolicy(listenHost: "127.0.0.1").allows("192.168.1.20:9000", port: 9000))
    }

    @Test("Authorities split into host and port")
    func split() {
        #expect(HostPolicy.split("example:80").map { "\($0.0) \(String(describing: $0.1))" } == "example Optional(80)")
        #expect(HostPolicy.split("[::1]:8000").map { "\($0.0) \(String(describing: $0.1))" } == "::1 Optional(8000)")
        #expect(HostPolicy.split("[::1]").map { "\($0.0) \(String(describing: $0.1))" } == "::1 nil")
        #expect(HostPolicy.split("a:b") == nil)
        #expect(HostPolicy.split("[::1]x") == nil)
    }
}
