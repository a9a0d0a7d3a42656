import ArgumentParser
import BriefingKit
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new site: site.yml, an example briefing, the default theme and a .gitignore.")

    @Argument(help: "Folder to create the site in.") var folder = "."

    func run() throws {
        let url = URL(fileURLWithPath: folder)
        let written = try reportingSync { () throws(BuildError) in try SiteScaffold().initSite(at: url, today: Today.iso()) }
        for path in written { print("  created \(folder == "." ? "" : folder + "/")\(path)") }
        print("Next: cd \(folder) && briefing build, then open Public/index.html.")
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Scaffold a new briefing folder under Content/briefings/.")

    @Argument(help: "The briefing's title.") var title: String
    @Option(help: "An article file (.txt or .md) to copy into the briefing.") var from: String?
    @Option(help: "The content folder.") var content = "Content"
    @Option(help: "Date for the folder name and front matter (YYYY-MM-DD); today by default.") var date: String?

    func validate() throws {
        if let date, date.count != 10 || date.split(separator: "-").count != 3 {
            throw ValidationError("--date must be YYYY-MM-DD")
        }
        if title.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the title must not be empty") }
    }

    func run() throws {
        let folder = try reportingSync { () throws(BuildError) in
            try SiteScaffold().newBriefing(
                title: title, content: URL(fileURLWithPath: content), date: date ?? Today.iso(), article: from.map { URL(fileURLWithPath: $0) })
        }
        print("Created \(folder.path)/index.md — write your commentary there.")
        print("It is a draft: 'briefing build --drafts' (or 'briefing serve --drafts') shows it; delete 'draft: true' to publish it.")
    }
}

/// Today's date in UTC as YYYY-MM-DD.
enum Today {
    static func iso() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
