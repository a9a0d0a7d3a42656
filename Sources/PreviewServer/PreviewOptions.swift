import BriefingKit

/// What `serve` builds, where it listens and how closely it watches.
public struct PreviewOptions: Sendable {
    /// The build each change runs (content, templates, output, drafts).
    public var build: BuildOptions
    /// The address to listen on; loopback unless the user asks for more.
    public var host = "127.0.0.1"
    /// The port to listen on; 0 picks a free one (tests).
    public var port = 8000
    /// How often the content and template folders are looked at.
    public var pollInterval: Duration = .milliseconds(200)
    /// How long the folders must stay unchanged before a rebuild starts, so that a burst of saves (an editor
    /// writing a backup, then the file; a `git checkout`) builds once.
    public var quietPeriod: Duration = .milliseconds(100)
    /// The flag a stop sets so that a build in its write stage finishes or rolls back and the output folder
    /// holds a whole site; nil leaves builds alone (tests, which share the process-wide flag with others).
    public var interruption: Interruption? = .shared

    /// Options for previewing the site `build` describes.
    public init(build: BuildOptions, host: String = "127.0.0.1", port: Int = 8000) {
        self.build = build
        self.host = host
        self.port = port
    }
}
