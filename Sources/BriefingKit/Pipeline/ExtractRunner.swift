import Extraction
import Foundation

/// `briefing extract`: the extraction of article files, as the JSON contract or as readable text.
public struct ExtractRunner: Sendable {
    /// Output formats.
    public enum Format: String, Sendable, CaseIterable {
        case json, text
    }

    /// How many key points each document lists.
    public var keyPoints: Int
    /// JSON or text.
    public var format: Format

    /// Creates a runner.
    public init(keyPoints: Int = 5, format: Format = .json) {
        self.keyPoints = keyPoints
        self.format = format
    }

    /// Extracts every file in `paths` (as given) and returns the whole output.
    public func run(paths: [String]) async throws(BuildError) -> String {
        let extractor = Extractor(options: ExtractionOptions(keyPointCount: keyPoints))
        let documents = try await parallelMap(paths) { path throws(BuildError) in
            try Self.extract(path, with: extractor)
        }
        switch format {
        case .json:
            var json = JSONWriter()
            json.beginObject()
            json.int(1, key: "version")
            json.beginArray("documents")
            for document in documents {
                document.extraction.writeJSON(source: document.path, title: document.title, to: &json)
            }
            json.endArray()
            json.endObject()
            return json.output + "\n"
        case .text:
            return documents.map(Self.describe).joined(separator: "\n")
        }
    }

    private struct Document: Sendable {
        var path: String
        var title: String
        var extraction: ArticleExtraction
    }

    private static func extract(_ path: String, with extractor: Extractor) throws(BuildError) -> Document {
        let data: Data
        do {
            data = try RawFile.read(path)
        } catch {
            throw BuildError(stage: "extract", location: SourceLocation(file: path), message: "cannot read file: \(error)")
        }
        // Offsets count from the start of the file's text as read, BOM included.
        let text = String(decoding: data, as: UTF8.self)
        let matter = try FrontMatter.parse(text, file: path)
        let extraction = extractor.extract(matter.body).shifted(by: matter.bodyOffset)
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let title = try matter.fields["title"]?.string("title") ?? extraction.title ?? ContentLoader.humanize(stem)
        return Document(path: path, title: title, extraction: extraction)
    }

    private static func describe(_ document: Document) -> String {
        var lines = ["# \(document.title)", "source: \(document.path)", ""]
        if !document.extraction.keyPoints.isEmpty {
            lines.append("Key points:")
            lines += document.extraction.keyPoints.map { "  - \($0.text)" }
            lines.append("")
        }
        lines.append("Quotes (\(document.extraction.quotes.count)):")
        for quote in document.extraction.quotes {
            let by = quote.speaker.map { " — \($0)" } ?? " — (unattributed)"
            let cue = quote.cue.map { " [\($0)]" } ?? ""
            lines.append("  “\(quote.text)”\(by)\(cue)")
        }
        lines.append("")
        lines.append("Actors (\(document.extraction.actors.count)):")
        for actor in document.extraction.actors {
            var line = "  \(actor.name) (\(actor.kind.rawValue), \(actor.mentions.count)×)"
            if !actor.roles.isEmpty { line += " — \(actor.roles.joined(separator: "; "))" }
            if !actor.aliases.isEmpty { line += " aka \(actor.aliases.joined(separator: ", "))" }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
