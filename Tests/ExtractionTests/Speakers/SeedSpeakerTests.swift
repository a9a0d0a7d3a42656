import Foundation
import Testing

@testable import Extraction

/// The project's seed article and its hand-made gold, read at run time from `../shared/eval/seed`.
struct SeedGold {
    struct Quote: Decodable {
        var start: Int
        var end: Int
        var speaker: String?
    }

    struct Actor: Decodable {
        var name: String
        var kind: String
        var roles: [String]
        var aliases: [String]
    }

    struct File: Decodable {
        var quotes: [Quote]
        var actors: [Actor]
    }

    let text: String
    let gold: File

    /// Loads the seed from the working directory's `../shared`, or relative to this source file.
    static func load() throws -> SeedGold {
        let here = URL(fileURLWithPath: #filePath)
        let candidates = [
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("../shared/eval/seed"),
            here.appendingPathComponent("../../../../../shared/eval/seed").standardized,
        ]
        guard let folder = candidates.first(where: { FileManager.default.fileExists(atPath: $0.appendingPathComponent("gold.json").path) })
        else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "../shared/eval/seed/gold.json"])
        }
        let text = try String(contentsOf: folder.appendingPathComponent("article.txt"), encoding: .utf8)
        let data = try Data(contentsOf: folder.appendingPathComponent("gold.json"))
        return SeedGold(text: text, gold: try JSONDecoder().decode(File.self, from: data))
    }
}

@Suite("Seed article")
struct SeedSpeakerTests {
    @Test func everyAttributedQuoteKeepsItsSpeaker() throws {
        let seed = try SeedGold.load()
        let extraction = Extractor().extract(seed.text)
        var lost: [String] = []
        for gold in seed.gold.quotes {
            guard let speaker = gold.speaker else { continue }
            // The predicted quote that covers most of the gold span.
            let best = extraction.quotes.max { a, b in
                overlap(a.span, gold) < overlap(b.span, gold)
            }
            guard let best, overlap(best.span, gold) * 10 > (gold.end - gold.start) * 3 else {
                lost.append("no quote at \(gold.start)")
                continue
            }
            if best.speaker != speaker { lost.append("\(gold.start): \(best.speaker ?? "nil") instead of \(speaker)") }
        }
        #expect(lost.isEmpty, "\(lost)")
    }

    @Test func everyGoldPersonIsFoundWithHisRoleWords() throws {
        let seed = try SeedGold.load()
        let extraction = Extractor().extract(seed.text)
        for gold in seed.gold.actors where gold.kind == "person" {
            let found = extraction.actors.first { $0.name == gold.name && $0.kind == .person }
            #expect(found != nil, "missing \(gold.name)")
            for role in gold.roles {
                let head = role.lowercased().split(separator: " ").prefix { !["of", "for", "at"].contains($0) }.last
                let hasHead = found?.roles.contains { r in
                    r.lowercased().split(separator: " ").contains { $0 == head ?? "" }
                } ?? false
                #expect(hasHead, "\(gold.name) lacks role \(role)")
            }
        }
    }

    private func overlap(_ span: TextSpan, _ gold: SeedGold.Quote) -> Int {
        max(0, min(span.end, gold.end) - max(span.start, gold.start))
    }
}
