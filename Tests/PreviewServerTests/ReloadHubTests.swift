import BriefingKit
import Testing

@testable import PreviewServer

@Suite("Reload events and the hub that sends them")
struct ReloadHubTests {
    static let failure = BuildFailure(
        BuildError(
            stage: "load", location: SourceLocation(file: "briefings/x/index.md", line: 3, column: 1),
            message: "bad <script>alert(\"x\")</script>\nsecond line", hint: "fix it"))

    @Test("Events are one event line and one single-line JSON data line")
    func wireFormat() {
        #expect(ReloadEvent.reload(build: 4).wireFormat == "event: reload\ndata: {\"build\":4}\n\n")
        #expect(ReloadEvent.hello(build: 2, failure: nil).wireFormat == "event: hello\ndata: {\"build\":2}\n\n")
        #expect(ReloadEvent.ping.wireFormat == ": ping\n\n")
        let failed = ReloadEvent.failed(Self.failure).wireFormat
        let lines = failed.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4)
        #expect(lines[0] == "event: build-error")
        #expect(lines[1].hasPrefix("data: {"))
        #expect(failed.contains("\"file\":\"briefings\\/x\\/index.md\"") || failed.contains("\"file\":\"briefings/x/index.md\""))
        #expect(failed.contains("\"line\":3"))
        #expect(failed.contains("\\nsecond line"))
        #expect(failed.contains("\\\"x\\\""))
    }

    @Test("A page is greeted with the state, then told about builds; finishing ends every stream")
    func subscriptions() async {
        let hub = ReloadHub()
        hub.buildStarted()
        #expect(hub.isBuilding)
        hub.buildSucceeded()
        let first = hub.subscribe()
        #expect(hub.pageCount == 1)
        #expect(hub.buildFailed(Self.failure) == 1)
        let second = hub.subscribe()
        #expect(hub.buildSucceeded() == 2)
        hub.finish()
        let late = hub.subscribe()

        var firstEvents: [ReloadEvent] = []
        for await event in first { firstEvents.append(event) }
        var secondEvents: [ReloadEvent] = []
        for await event in second { secondEvents.append(event) }
        var lateEvents: [ReloadEvent] = []
        for await event in late { lateEvents.append(event) }

        #expect(firstEvents == [.hello(build: 1, failure: nil), .failed(Self.failure), .reload(build: 2)])
        #expect(secondEvents == [.hello(build: 1, failure: Self.failure), .reload(build: 2)])
        #expect(lateEvents.isEmpty)
        #expect(hub.failure == nil)
        #expect(hub.build == 2)
        #expect(!hub.isBuilding)
    }
}
