import Foundation
import Synchronization

/// Renders many Markdown documents on one dedicated thread, under a time limit per document.
///
/// libcmark 0.30 has inputs that take quadratic time, and C code cannot be interrupted. The batch renders
/// on a thread of its own while the caller waits without blocking; when one document runs past the limit,
/// the caller gets an error naming it at once and the thread is abandoned to finish on its own.
struct MarkdownBatch: Sendable {
    /// One document to render.
    struct Job: Sendable {
        var markdown: String
        var firstLine: Int
        var reservedIDs: Set<String>
        /// Path for error messages.
        var file: String
    }

    /// How long one document may take.
    var timeLimit: Duration

    /// Renders every job, in order, or throws naming the first document that passed the time limit.
    func render(_ jobs: [Job]) async throws(BuildError) -> [RenderedMarkdown] {
        guard !jobs.isEmpty else { return [] }
        let state = BatchState(count: jobs.count)
        let outcome: Result<[RenderedMarkdown], BuildError> = await withCheckedContinuation { continuation in
            state.install(continuation)
            let thread = Thread {
                for (index, job) in jobs.enumerated() {
                    guard state.begin(index) else { return }
                    let rendered = MarkdownRenderer().render(job.markdown, firstLine: job.firstLine, reservedIDs: job.reservedIDs)
                    state.finish(index, rendered)
                }
            }
            thread.name = "briefing.markdown"
            thread.start()
            let limit = timeLimit
            Task.detached {
                let clock = ContinuousClock()
                while !state.isDone {
                    try? await Task.sleep(for: .milliseconds(20))
                    if let index = state.overdue(limit: limit, now: clock.now) {
                        state.fail(
                            BuildError(
                                stage: "render markdown", location: SourceLocation(file: jobs[index].file),
                                message: "rendering this Markdown took longer than the \(limit.seconds) limit",
                                hint: "the file likely has a pattern that is slow for libcmark (deeply nested lists or brackets); "
                                    + "simplify it, or raise the limit with --markdown-timeout"))
                    }
                }
            }
        }
        return try outcome.get()
    }
}

/// What the render thread and the watchdog share.
private final class BatchState: Sendable {
    private struct Inner {
        var results: [RenderedMarkdown?]
        var current: (index: Int, started: ContinuousClock.Instant)?
        var continuation: CheckedContinuation<Result<[RenderedMarkdown], BuildError>, Never>?
        var done = false
    }

    private let inner: Mutex<Inner>

    init(count: Int) {
        inner = Mutex(Inner(results: Array(repeating: nil, count: count)))
    }

    func install(_ continuation: CheckedContinuation<Result<[RenderedMarkdown], BuildError>, Never>) {
        inner.withLock { $0.continuation = continuation }
    }

    var isDone: Bool { inner.withLock { $0.done } }

    /// Marks job `index` as started; false once the batch has ended (failed), so the thread stops.
    func begin(_ index: Int) -> Bool {
        inner.withLock { state in
            guard !state.done else { return false }
            state.current = (index, ContinuousClock.now)
            return true
        }
    }

    func finish(_ index: Int, _ rendered: RenderedMarkdown) {
        let resume: (CheckedContinuation<Result<[RenderedMarkdown], BuildError>, Never>, [RenderedMarkdown])? = inner.withLock { state in
            guard !state.done else { return nil }
            state.results[index] = rendered
            state.current = nil
            guard index == state.results.count - 1, let continuation = state.continuation else { return nil }
            state.done = true
            state.continuation = nil
            return (continuation, state.results.compactMap { $0 })
        }
        if let (continuation, results) = resume { continuation.resume(returning: .success(results)) }
    }

    /// The job that has run past `limit`, if any.
    func overdue(limit: Duration, now: ContinuousClock.Instant) -> Int? {
        inner.withLock { state in
            guard !state.done, let current = state.current, now - current.started > limit else { return nil }
            return current.index
        }
    }

    func fail(_ error: BuildError) {
        let continuation = inner.withLock { state -> CheckedContinuation<Result<[RenderedMarkdown], BuildError>, Never>? in
            guard !state.done else { return nil }
            state.done = true
            defer { state.continuation = nil }
            return state.continuation
        }
        continuation?.resume(returning: .failure(error))
    }
}

extension Duration {
    /// "10 s", "2.5 s".
    var seconds: String {
        let value = Double(components.seconds) + Double(components.attoseconds) / 1e18
        return value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
