import Extraction
import Testing

@testable import BriefingKit

@Suite struct ActorMergerTests {
    /// A briefing with one article naming the given actors (each mentioned once).
    private func briefing(_ slug: String, _ actors: [(String, ActorKind)]) -> Briefing {
        let extracted = actors.enumerated().map { index, actor in
            ExtractedActor(id: Slug.make(actor.0), name: actor.0, kind: actor.1, mentions: [TextSpan(index * 10, index * 10 + 5)])
        }
        return oneArticleBriefing(slug, actors: extracted)
    }

    @Test func middleInitialAndBareSurnameJoinTheFullName() {
        let result = ActorMerger(registry: ActorRegistry()).merge([
            briefing("one", [("Ilse Marova", .person)]),
            briefing("two", [("Ilse K. Marova", .person)]),
            briefing("three", [("Marova", .person)]),
        ])
        // Equally frequent forms: the fuller one names the actor.
        #expect(result.actors.keys.sorted() == ["ilse-k-marova"])
        #expect(result.maps.map { $0[0].values.sorted() } == [["ilse-k-marova"], ["ilse-k-marova"], ["ilse-k-marova"]])
        #expect(result.actors["ilse-k-marova"]?.aliases == ["Ilse Marova", "Marova"])
    }

    @Test func bareSurnameSharedByTwoPeopleStaysApart() {
        let result = ActorMerger(registry: ActorRegistry()).merge([
            briefing("one", [("Bill Clinton", .person), ("Hillary Clinton", .person)]),
            briefing("two", [("Clinton", .person)]),
        ])
        #expect(result.actors.keys.sorted() == ["bill-clinton", "clinton", "hillary-clinton"])
    }

    @Test func bareSurnameJoinsThePersonWhoDominatesIt() {
        let many = (1...3).map { briefing("barack-\($0)", [("Barack Okafor", .person)]) }
        let result = ActorMerger(registry: ActorRegistry()).merge(
            many + [briefing("michelle", [("Michelle Okafor", .person)]), briefing("bare", [("Okafor", .person)])])
        #expect(result.actors.keys.sorted() == ["barack-okafor", "michelle-okafor"])
        #expect(result.maps.last?[0]["okafor"] == "barack-okafor")
        #expect(result.actors["barack-okafor"]?.aliases == ["Okafor"])
    }

    @Test func aTitledBareSurnameJoinsOnlySomeoneWhoMayBearTheTitle() {
        let david = (1...3).map { briefing("david-\($0)", [("David Okafor", .person)]) }
        var titled = briefing("titled", [("Okafor", .person)])
        titled.articles[0].extraction.actors[0].aliases = ["Mrs. Okafor"]
        let result = ActorMerger(registry: ActorRegistry()).merge(david + [briefing("grace", [("Grace Okafor", .person)]), titled])
        #expect(result.actors.keys.sorted() == ["david-okafor", "grace-okafor"])
        #expect(result.maps.last?[0]["okafor"] == "grace-okafor")
        #expect(NameGender(of: "Mrs. Okafor") == .female)
        #expect(NameGender(of: "David Okafor") == .male)
        #expect(NameGender(of: "Okafor") == nil)
    }

    @Test func bareSurnameStaysApartWithoutAClearOwnerOrWithARegistryEntry() {
        let two = (1...2).map { briefing("barack-\($0)", [("Barack Okafor", .person)]) }
        let michelle = briefing("michelle", [("Michelle Okafor", .person)])
        let bare = briefing("bare", [("Okafor", .person)])
        let close = ActorMerger(registry: ActorRegistry()).merge(two + [michelle, bare])
        #expect(close.actors.keys.sorted() == ["barack-okafor", "michelle-okafor", "okafor"])
        let registry = ActorRegistry(
            entries: [ActorRegistry.Entry(name: "Okafor", aliases: [], kind: .person, roles: [], description: nil, url: nil)],
            ignored: [])
        let kept = ActorMerger(registry: registry).merge(two + two + [michelle, bare])
        #expect(kept.actors.keys.sorted() == ["barack-okafor", "michelle-okafor", "okafor"])
    }

    @Test func registryRenamesMergesRekindsAndIgnores() {
        let registry = ActorRegistry(
            entries: [
                ActorRegistry.Entry(
                    name: "Kessling Dockworkers' Union", aliases: ["KDU", "the dockworkers union"], kind: .organization, roles: ["union"],
                    description: "The port's largest union.", url: nil)
            ],
            ignored: [NameKey.make("Story")])
        let result = ActorMerger(registry: registry).merge([
            briefing("one", [("KDU", .other), ("Story", .other)]),
            briefing("two", [("Kessling Dockworkers' Union", .organization)]),
        ])
        #expect(result.actors.keys.sorted() == ["kessling-dockworkers-union"])
        let union = result.actors["kessling-dockworkers-union"]
        #expect(union?.kind == .organization)
        #expect(union?.description == "The port's largest union.")
        #expect(union?.roles == ["union"])
        #expect(result.maps[0][0] == ["kdu": "kessling-dockworkers-union"])
    }

    @Test func sameNameDifferentKindsGetOneKindByMajority() {
        let result = ActorMerger(registry: ActorRegistry()).merge([
            briefing("one", [("Georgia", .place)]),
            briefing("two", [("Georgia", .place)]),
            briefing("three", [("Georgia", .other)]),
        ])
        #expect(result.actors["georgia"]?.kind == .place)
    }

    @Test func kindsWeighedEquallyGoToTheFirstInKindOrder() {
        let result = ActorMerger(registry: ActorRegistry()).merge([
            briefing("one", [("Jordan", .other)]),
            briefing("two", [("Jordan", .place)]),
            briefing("three", [("Mercer", .organization)]),
            briefing("four", [("Mercer", .person)]),
        ])
        #expect(result.actors["jordan"]?.kind == .place)
        #expect(result.actors["mercer"]?.kind == .person)
    }

    @Test func anArticleCountsOnceForAnActorItNamesTwiceAndARepeatedIdTakesTheLastActor() {
        // "Ilse Marova" and "Ilse K. Marova" in one article are one actor named in one article: she is named in
        // two articles to Pavel Marova's one, short of the three times that would give her the bare surname.
        var first = briefing("one", [("Ilse Marova", .person), ("Ilse K. Marova", .person)])
        first.articles[0].extraction.actors.append(
            ExtractedActor(id: "ilse-marova", name: "Tomas Brandt", kind: .person, mentions: [TextSpan(40, 45)]))
        let result = ActorMerger(registry: ActorRegistry()).merge([
            first, briefing("two", [("Ilse Marova", .person)]), briefing("three", [("Pavel Marova", .person)]),
            briefing("four", [("Marova", .person)]),
        ])
        #expect(result.maps[0][0] == ["ilse-marova": "tomas-brandt", "ilse-k-marova": "ilse-marova"])
        #expect(result.maps[3][0] == ["marova": "marova"])
    }
}
