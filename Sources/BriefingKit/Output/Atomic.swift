import CBriefingSystem

/// File-system operations that happen in one step.
enum Atomic {
    /// Exchanges two paths in one step; false when the system or file system cannot, so the caller falls back.
    static func exchange(_ first: String, _ second: String) -> Bool {
        briefing_exchange_paths(first, second) == 0
    }
}
