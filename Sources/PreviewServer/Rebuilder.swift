import BriefingKit
import Foundation

/// Runs builds for the preview: the first one, then one after every quiet spell that follows a change in
/// the watched folders. Builds never overlap; a change made during a build starts the next one.
struct Rebuilder: Sendable {
    let options: PreviewOptions
    let hub: ReloadHub
    let watcher: FolderWatcher
    /// Whether the server is stopping: the watch ends, and a build cut short by the stop is not reported.
    let stopped: @Sendable () -> Bool
    let log: @Sendable (String) -> Void

    init(options given: PreviewOptions, hub: ReloadHub, stopped: @escaping @Sendable () -> Bool, log: @escaping @Sendable (String) -> Void) {
        // Each build leaves the cache's contents in memory for the next one, which then need not read them back.
        var options = given
        if options.build.memory == nil { options.build.memory = BuildMemory() }
        self.options = options
        self.hub = hub
        self.stopped = stopped
        self.log = log
        watcher = FolderWatcher(folders: [options.build.content, options.build.templates], excluding: [options.build.output])
    }

    /// Builds once and reports it; `changed` names what prompted the build (empty for the first). Warnings
    /// already in `known` are not printed again; returns the warnings known after the build.
    @discardableResult
    func build(changed: [String], known: Set<BuildWarning> = []) async -> Set<BuildWarning> {
        hub.buildStarted()
        let clock = ContinuousClock()
        let started = clock.now
        let report: BuildReport
        do {
            report = try await SiteBuilder(options: options.build).build()
        } catch {
            let pages = hub.buildFailed(BuildFailure(error))
            if stopped() { return known }
            log(error.description)
            log("Build failed\(Self.cause(changed)); still serving the last good build" + (pages > 0 ? ", error shown on \(Self.pages(pages))." : "."))
            return known
        }
        let pages = hub.buildSucceeded()
        let seconds = Self.seconds(clock.now - started)
        for warning in report.warnings where !known.contains(warning) { log(warning.description) }
        if changed.isEmpty {
            log("Built \(report.briefingsBuilt), \(report.quotesFound), \(report.actorsFound) in \(seconds)")
        } else {
            log("Rebuilt in \(seconds)\(Self.cause(changed)) — reloading \(Self.pages(pages))")
        }
        return Set(report.warnings)
    }

    /// Watches until `stopped` says so or the task is cancelled, rebuilding after each burst of changes.
    /// `seen` is the snapshot the last build started from, `known` the warnings it printed.
    func watch(from seen: FolderWatcher.Snapshot, known: Set<BuildWarning>) async {
        let clock = ContinuousClock()
        var seen = seen
        var known = known
        var lastPing = clock.now
        while !stopped() {
            do { try await Task.sleep(for: options.pollInterval) } catch { return }
            var current = watcher.snapshot()
            var changed = watcher.changes(from: seen, to: current)
            if changed.isEmpty {
                if clock.now - lastPing > .seconds(10) {
                    hub.ping()
                    lastPing = clock.now
                }
                continue
            }
            // Wait for the burst to end, but not for ever: a file rewritten continuously still gets builds.
            let deadline = clock.now + .seconds(2)
            while clock.now < deadline {
                do { try await Task.sleep(for: options.quietPeriod) } catch { return }
                let next = watcher.snapshot()
                let more = watcher.changes(from: current, to: next)
                if more.isEmpty { break }
                changed = Array(Set(changed + more)).sorted()
                current = next
            }
            seen = current
            if stopped() { return }
            known = await build(changed: changed, known: known)
        }
    }

    private static func cause(_ changed: [String]) -> String {
        switch changed.count {
        case 0: ""
        case 1: " (\(changed[0]) changed)"
        default: " (\(changed[0]) and \(changed.count - 1) more changed)"
        }
    }

    private static func pages(_ count: Int) -> String {
        count == 1 ? "1 page" : "\(count) pages"
    }

    private static func seconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return String(format: "%.2f s", value)
    }
}
