import Synchronization

/// The open pages and the state of the last build: hands every page the events it must see and remembers
/// enough to greet a page that connects late (or reconnects) correctly.
final class ReloadHub: Sendable {
    private struct State {
        var build = 0
        var failure: BuildFailure?
        var building = false
        var finished = false
        var nextID = 0
        var pages: [Int: AsyncStream<ReloadEvent>.Continuation] = [:]
    }

    private let state = Mutex(State())

    /// The open event streams.
    var pageCount: Int { state.withLock { $0.pages.count } }

    /// Whether a build is running now (a request that finds nothing may be looking during the folder swap).
    var isBuilding: Bool { state.withLock { $0.building } }

    /// The number of the last good build (0 before the first).
    var build: Int { state.withLock { $0.build } }

    /// The reason the last build failed, or nil when it succeeded.
    var failure: BuildFailure? { state.withLock { $0.failure } }

    /// A stream of events for one page, starting with a greeting; it ends when the hub finishes.
    func subscribe() -> AsyncStream<ReloadEvent> {
        // A page that stops reading only ever needs the newest few events.
        let (stream, continuation) = AsyncStream.makeStream(of: ReloadEvent.self, bufferingPolicy: .bufferingNewest(8))
        let id: Int? = state.withLock { state in
            guard !state.finished else { return nil }
            let id = state.nextID
            state.nextID += 1
            state.pages[id] = continuation
            continuation.yield(.hello(build: state.build, failure: state.failure))
            return id
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { _ = $0.pages.removeValue(forKey: id) }
        }
        return stream
    }

    /// Marks the start of a build.
    func buildStarted() {
        state.withLock { $0.building = true }
    }

    /// Records a good build and tells every page to reload; returns how many pages were told.
    @discardableResult
    func buildSucceeded() -> Int {
        let (build, pages) = state.withLock { state in
            state.build += 1
            state.failure = nil
            state.building = false
            return (state.build, Array(state.pages.values))
        }
        for page in pages { page.yield(.reload(build: build)) }
        return pages.count
    }

    /// Records a failed build and tells every page to show it; returns how many pages were told.
    @discardableResult
    func buildFailed(_ failure: BuildFailure) -> Int {
        let pages = state.withLock { state in
            state.failure = failure
            state.building = false
            return Array(state.pages.values)
        }
        for page in pages { page.yield(.failed(failure)) }
        return pages.count
    }

    /// Sends a keep-alive comment to every page.
    func ping() {
        for page in state.withLock({ Array($0.pages.values) }) { page.yield(.ping) }
    }

    /// Ends every stream and refuses new ones, so that open pages do not hold the server up when it stops.
    func finish() {
        // Finishing runs the termination handlers, which take the lock: collect first, finish outside it.
        let pages = state.withLock { state in
            state.finished = true
            return Array(state.pages.values)
        }
        for page in pages { page.finish() }
    }
}
