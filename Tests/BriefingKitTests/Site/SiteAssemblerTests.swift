import Extraction
import Foundation
import Testing

@testable import BriefingKit

/// The assembled actors are reused only when what they were made from is unchanged, and a reused assembly
/// gives the very site a fresh one gives.
@Suite struct SiteAssemblerTests {
    /// The fixture's briefings as the assembler receives them (extracted, in content order) and its settings.
    func fixtureBriefings() async throws -> (briefings: [Briefing], config: SiteConfig) {
        let site = try FixtureSite()
        defer { site.folder.remove() }
        let rendered = try await SiteBuilder(options: site.options).render().site
        var briefings = rendered.briefings.sorted { $0.slug < $1.slug }
        for b in briefings.indices {
            briefings[b].keyPoints = []
            for a in briefings[b].articles.indices { briefings[b].articles[a].actorMap = [:] }
        }
        return (briefings, rendered.config)
    }

    func assemble(_ briefings: [Briefing], config: SiteConfig, reusing previous: ActorAssembly? = nil, seed: UInt64 = 7) -> (
        site: Site, assembly: ActorAssembly, reused: Bool
    ) {
        SiteAssembler(registry: ActorRegistry()).assemble(config: config, briefings: briefings, warnings: [], seed: seed, reusing: previous)
    }

    @Test func reusedAssemblyGivesTheSameSite() async throws {
        let (briefings, config) = try await fixtureBriefings()
        let fresh = assemble(briefings, config: config)
        #expect(fresh.site.actors["alice-brown"]?.quotes.count == 2)
        let reused = assemble(briefings, config: config, reusing: fresh.assembly)
        #expect(reused.reused)
        #expect(reused.assembly.fingerprint == fresh.assembly.fingerprint)
        #expect(reused.site == fresh.site)
    }

    /// The caller's work beside the assembly starts once, whether the actors are merged or reused.
    @Test func besideIsCalledOnceEitherWay() async throws {
        let (briefings, config) = try await fixtureBriefings()
        var calls = 0
        let fresh = SiteAssembler(registry: ActorRegistry()).assemble(
            config: config, briefings: briefings, warnings: [], seed: 7, reusing: nil, beside: { calls += 1 })
        #expect(!fresh.reused)
        #expect(calls == 1)
        let reused = SiteAssembler(registry: ActorRegistry()).assemble(
            config: config, briefings: briefings, warnings: [], seed: 7, reusing: fresh.assembly, beside: { calls += 1 })
        #expect(reused.reused)
        #expect(calls == 2)
    }

    @Test func editThatLeavesActorsAloneKeepsTheFingerprint() async throws {
        var (briefings, config) = try await fixtureBriefings()
        let before = assemble(briefings, config: config).assembly.fingerprint
        briefings[0].articles[0].body += "\nThe river was high that week."
        briefings[0].articles[0].extraction.sentences.append(TextSpan(0, 1))
        #expect(assemble(briefings, config: config).assembly.fingerprint == before)
    }

    @Test(arguments: ["renamed", "kind", "speaker", "seed"])
    func editThatChangesActorsIsNotReused(_ edit: String) async throws {
        var (briefings, config) = try await fixtureBriefings()
        let previous = assemble(briefings, config: config)
        var seed: UInt64 = 7
        let article = try #require(briefings[0].articles.firstIndex { !$0.extraction.quotes.isEmpty })
        switch edit {
        case "renamed": briefings[0].articles[article].extraction.actors[0].name = "Petra Vogel"
        case "kind": briefings[0].articles[article].extraction.actors[0].kind = .place
        case "speaker": briefings[0].articles[article].extraction.quotes[0].speakerId = nil
        default: seed = 8  // another registry or binary
        }
        let reused = assemble(briefings, config: config, reusing: previous.assembly, seed: seed)
        let fresh = assemble(briefings, config: config, seed: seed)
        #expect(!reused.reused)
        #expect(reused.assembly.fingerprint != previous.assembly.fingerprint)
        #expect(reused.site == fresh.site)
        if edit != "seed" { #expect(reused.site != previous.site) }
    }

    /// The page hashes kept with the actors are what the pages would work out afresh after an edit that keeps
    /// the actors (a quotation's words and cue, an article's text): reusing them changes no key.
    @Test func keptActorPageHashesEqualFreshOnes() async throws {
        var (briefings, config) = try await fixtureBriefings()
        let first = assemble(briefings, config: config)
        var kept = first.assembly
        kept.pages = SitePages(site: first.site).actorHashes
        let b = try #require(briefings.firstIndex { $0.articles.contains { !$0.extraction.quotes.isEmpty } })
        let a = try #require(briefings[b].articles.firstIndex { !$0.extraction.quotes.isEmpty })
        briefings[b].articles[a].extraction.quotes[0].text = "Entirely different words,"
        briefings[b].articles[a].extraction.quotes[0].cue = "insisted"
        briefings[b].articles[a].body += "\nA line added later."
        let second = assemble(briefings, config: config, reusing: kept)
        #expect(second.reused)
        let reused = SitePages(site: second.site, actorHashes: second.assembly.pages)
        let fresh = SitePages(site: second.site)
        #expect(reused.actorHashes == fresh.actorHashes)
        let jobs = fresh.jobs()
        #expect(jobs.map { reused.key(of: $0, seed: 1, stamps: [:]) } == jobs.map { fresh.key(of: $0, seed: 1, stamps: [:]) })
        // And the quotation's new words reach the key of its speaker's page.
        let speaker = try #require(second.site.briefings.flatMap(\.articles).lazy.compactMap { article in
            article.extraction.quotes.first { $0.text == "Entirely different words," }.flatMap { $0.speakerId.flatMap { article.actorMap[$0] } }
        }.first)
        let before = SitePages(site: first.site)
        #expect(before.key(of: .actor(speaker), seed: 1, stamps: [:]) != fresh.key(of: .actor(speaker), seed: 1, stamps: [:]))
    }

    @Test func pageHashesWithAPositionOutsideTheSiteDoNotFit() {
        let hashes = ActorPageHashes(briefings: [1, 2], actors: [3], quoted: [[0, 1]])
        #expect(hashes.fit(briefings: 2, actors: 1))
        #expect(!ActorPageHashes(briefings: [1, 2], actors: [3], quoted: [[2]]).fit(briefings: 2, actors: 1))
        #expect(!ActorPageHashes(briefings: [1, 2], actors: [3], quoted: [[-1]]).fit(briefings: 2, actors: 1))
        #expect(!hashes.fit(briefings: 3, actors: 1))
    }

    /// The stamps kept with prepared briefings stand for the briefings themselves in the fingerprint.
    @Test func keptStampsMakeTheSameFingerprint() async throws {
        let (briefings, _) = try await fixtureBriefings()
        let stamps = briefings.map(ActorAssembly.stamp)
        #expect(Set(stamps).count == briefings.count)
        #expect(
            ActorAssembly.fingerprint(of: briefings, seed: 7, settings: [5, 8], stamps: stamps)
                == ActorAssembly.fingerprint(of: briefings, seed: 7, settings: [5, 8]))
        // Stamps for other briefings are not taken.
        #expect(
            ActorAssembly.fingerprint(of: briefings, seed: 7, settings: [5, 8], stamps: [1])
                == ActorAssembly.fingerprint(of: briefings, seed: 7, settings: [5, 8]))
    }

    /// A briefing with one article naming the given actors, each mentioned the given number of times.
    private func briefing(_ slug: String, _ actors: [(name: String, mentions: Int)]) -> Briefing {
        var offset = 0
        let extracted = actors.map { actor in
            let mentions = (0..<actor.mentions).map { _ in
                offset += 10
                return TextSpan(offset, offset + 5)
            }
            return ExtractedActor(id: Slug.make(actor.name), name: actor.name, kind: .person, mentions: mentions)
        }
        return oneArticleBriefing(slug, actors: extracted)
    }

    /// Related actors are those among the leading names of the briefings an actor is in, counted by briefing,
    /// most shared first, then most mentioned; an actor is never related to itself.
    @Test func relatedActorsAreCountedFromEachBriefingsLeadingNames() {
        let briefings = [
            briefing("one", [("Ada Lane", 3), ("Ben Cole", 2), ("Cy Dunn", 1)]),
            briefing("two", [("Ada Lane", 1), ("Ben Cole", 5)]),
            briefing("three", [("Ada Lane", 2), ("Dee Fox", 4)]),
            briefing("four", [("Eve Gray", 1)]),
        ]
        var assembler = SiteAssembler(registry: ActorRegistry())
        assembler.leadingCount = 2
        let site = assembler.assemble(config: SiteConfig(), briefings: briefings, warnings: [])
        func related(_ id: String) -> [String] { site.actors[id]?.related.map { "\($0.id) \($0.count)" } ?? ["missing"] }
        // Ada shares two briefings with Ben (7 mentions) and one with Dee (4 mentions); Cy is never a leading name.
        #expect(related("ada-lane") == ["ben-cole 2", "dee-fox 1"])
        #expect(related("ben-cole") == ["ada-lane 2"])
        // Cy is in "one", whose leading names are Ada and Ben: one briefing each, Ben (7 mentions) before Ada (6).
        #expect(related("cy-dunn") == ["ben-cole 1", "ada-lane 1"])
        #expect(related("dee-fox") == ["ada-lane 1"])
        #expect(related("eve-gray").isEmpty)

        // Capped at the assembler's count, keeping the most shared.
        assembler.relatedCount = 1
        let capped = assembler.assemble(config: SiteConfig(), briefings: briefings, warnings: [])
        #expect(capped.actors["ada-lane"]?.related.map(\.id) == ["ben-cole"])
    }

}

