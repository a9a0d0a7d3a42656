import Foundation

/// The default theme (`Templates/` of this repository), shipped inside the tool so that `briefing init` can
/// copy it into a new site.
public enum DefaultTheme {
    /// The folder holding the theme's templates and `assets/`, or nil when the resources were not installed
    /// beside the executable.
    public static var folder: URL? {
        Bundle.module.url(forResource: "Templates", withExtension: nil)
    }
}
