import BriefingKit
import Dispatch
import Foundation

/// Ctrl-C and SIGTERM: exit at once when nothing is being written; otherwise let the writer put the previous
/// site back (or finish its swap) and exit after it.
enum Signals {
    private static let queue = DispatchQueue(label: "briefing.signals")
    static func install() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                if Interruption.shared.request() {
                    note("Interrupted; nothing was written.")
                    exit(130)
                }
            }
            source.resume()
            // The sources live as long as the process.
            _ = Unmanaged.passRetained(source as AnyObject)
        }
    }
}
