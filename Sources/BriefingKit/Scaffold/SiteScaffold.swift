import DefaultTheme
import Extraction
import Foundation

/// `briefing init` and `briefing new`: new sites and new briefings, ready to edit.
public struct SiteScaffold: Sendable {
    /// Creates a scaffold writer.
    public init() {}

    /// Creates a site in `folder`: `Content/site.yml`, an example briefing, the default theme in `Templates/`
    /// and a `.gitignore` for the output. Refuses to touch a folder that already has `Content/` or `Templates/`.
    public func initSite(at folder: URL, today: String) throws(BuildError) -> [String] {
        let fm = FileManager.default
        for name in ["Content", "Templates"] where fm.fileExists(atPath: folder.appendingPathComponent(name).path) {
            throw BuildError(
                stage: "init", location: SourceLocation(file: folder.appendingPathComponent(name).path),
                message: "\(name)/ already exists; not overwriting it", hint: "run 'briefing init' in a new or empty folder")
        }
        guard let theme = DefaultTheme.folder, fm.fileExists(atPath: theme.appendingPathComponent("layout.mustache").path) else {
            throw BuildError(
                stage: "init", message: "the default theme was not found beside the briefing executable",
                hint: "keep the briefing_DefaultTheme.resources folder next to the executable")
        }
        var written: [String] = []
        func write(_ text: String, _ path: String) throws(BuildError) {
            let url = folder.appendingPathComponent(path)
            do {
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            } catch {
                throw BuildError(stage: "init", location: SourceLocation(file: url.path), message: "cannot write: \(error.localizedDescription)")
            }
            written.append(path)
        }
        let name = folder.standardizedFileURL.lastPathComponent
        try write(
            "title: \(Self.yamlQuoted(ContentLoader.humanize(name).isEmpty ? "Briefings" : ContentLoader.humanize(name)))\n"
                + "description: Annotated news briefings.\nlanguage: en\n# baseURL: https://example.org/briefings/   # enables sitemap.xml\n",
            "Content/site.yml")
        try write(Self.exampleCommentary(today: today), "Content/briefings/\(today)-example/index.md")
        try write(Self.exampleArticle(today: today), "Content/briefings/\(today)-example/article.txt")
        try write("/Public/\n/.Public.previous/\n/.briefing-cache/\n", ".gitignore")
        do {
            try fm.copyItem(at: theme, to: folder.appendingPathComponent("Templates"))
        } catch {
            throw BuildError(stage: "init", location: SourceLocation(file: folder.path), message: "cannot copy the theme: \(error.localizedDescription)")
        }
        written.append("Templates/")
        return written
    }

    /// Creates `Content/briefings/<date>-<slug>/index.md` for a briefing titled `title`, copying `article` in
    /// when given. Returns the new folder.
    public func newBriefing(title: String, content: URL, date: String, article: URL?) throws(BuildError) -> URL {
        let fm = FileManager.default
        guard ContentLoader.isoDate(date) == date else {
            throw BuildError(stage: "new", message: "the date must be a calendar date written YYYY-MM-DD, got '\(date)'")
        }
        let slug = Slug.make(title)
        let folder = content.appendingPathComponent("briefings/\(date)-\(slug)")
        guard fm.fileExists(atPath: content.path) else {
            throw BuildError(stage: "new", location: SourceLocation(file: content.path), message: "content folder not found", hint: "run 'briefing init' first, or pass --content")
        }
        guard !fm.fileExists(atPath: folder.path) else {
            throw BuildError(
                stage: "new", location: SourceLocation(file: folder.path), message: "a briefing folder with this name already exists",
                hint: "choose another title, or another day with --date YYYY-MM-DD")
        }
        var articleName: String?
        if let article {
            guard ContentLoader.articleFormat(article.lastPathComponent) != nil else {
                throw BuildError(stage: "new", location: SourceLocation(file: article.path), message: "an article must be a .txt or .md file")
            }
            guard fm.fileExists(atPath: article.path) else {
                throw BuildError(stage: "new", location: SourceLocation(file: article.path), message: "article not found")
            }
            articleName = article.lastPathComponent
        }
        do {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(Self.newCommentary(title: title, date: date, article: articleName).utf8).write(to: folder.appendingPathComponent("index.md"))
            if let article, let articleName { try fm.copyItem(at: article, to: folder.appendingPathComponent(articleName)) }
        } catch {
            throw BuildError(stage: "new", location: SourceLocation(file: folder.path), message: "cannot write: \(error.localizedDescription)")
        }
        return folder
    }

    static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func newCommentary(title: String, date: String, article: String?) -> String {
        """
        ---
        title: \(yamlQuoted(title))
        date: \(date)
        summary: ""
        tags: []
        draft: true
        ---

        Your commentary, in Markdown.\(article.map { " The article is `\($0)`, beside this file." } ?? " Put the article(s) beside this file as .txt or .md.")

        <!--
        An anchored annotation: quote a passage of the article in a blockquote, then write
        your note below it. The note is shown beside the passage, which is highlighted.

        > a phrase copied from the article

        What this passage means, and why it matters.
        -->

        """
    }

    static func exampleCommentary(today: String) -> String {
        """
        ---
        title: An example briefing
        date: \(today)
        summary: A made-up story that shows what a briefing looks like. Replace it with your own.
        tags: [example]
        fictional: true
        ---

        This is your commentary, written in Markdown. Everything in this example is invented.

        > the bridge would reopen in the spring

        A blockquote that quotes the article anchors this note to that passage: the page shows
        the note beside it and highlights the passage.

        """
    }

    static func exampleArticle(today: String) -> String {
        """
        ---
        title: Town council votes to repair the old bridge
        source: The Example Gazette (fictional)
        published: \(today)
        fictional: true
        ---
        The town council of Westford voted on Tuesday to repair the old river bridge, and Mayor Jane Holm said the bridge would reopen in the spring.
        “We have waited long enough,” Holm told reporters after the vote.
        Council member Ravi Patel voted against the plan. “The money should go to the school first,” he said.

        """
    }
}
