import Synchronization

/// Ctrl-C during a build: before the write stage nothing is on disk and the process may stop at once; during
/// it, the writer notices between files, removes its temporary folder and stops, or, when already swapping
/// folders, finishes the swap first. Either way the output folder holds one whole site.
public final class Interruption: Sendable {
    private struct State {
        var writing = false
        var requested = false
    }

    private let state = Mutex(State())

    /// The process-wide flag that the command line's signal handler sets.
    public static let shared = Interruption()

    /// A flag of its own (tests).
    public init() {}

    /// Records a request to stop. Returns true when nothing is being written, so the caller may exit now.
    public func request() -> Bool {
        state.withLock { state in
            state.requested = true
            return !state.writing
        }
    }

    /// Whether a stop was requested.
    public var isRequested: Bool { state.withLock { $0.requested } }

    /// Marks the start or end of writing; starting fails when a stop was already requested.
    func setWriting(_ writing: Bool) -> Bool {
        state.withLock { state in
            if writing && state.requested { return false }
            state.writing = writing
            return true
        }
    }
}
