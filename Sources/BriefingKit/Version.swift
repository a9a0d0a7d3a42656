/// The tool's version, shown by `--version` and part of every build cache key.
public enum BriefingVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}
