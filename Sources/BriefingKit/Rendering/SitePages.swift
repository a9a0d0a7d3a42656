/// Every file of a site but the copied assets, as jobs that can run in parallel: each builds its view model,
/// renders it and drops it, so view models never pile up in memory.
struct SitePages: Sendable {
    let site: Site
    private let context: PageContext
    /// Per actor, a hash of what other pages show of it (id, name, kind, first roles), for page keys.
    let actorSummaries: [String: UInt64]
    /// Per briefing, a hash of what other pages show of it (slug, title, date), for page keys.
    let briefingSummaries: [String: UInt64]
    /// Per briefing in site order, a hash of its quotes (words, speakers, cues), for page keys.
    let quoteSummaries: [UInt64]
    /// Per briefing, a hash of its card on the home and tag pages, for page keys.
    let cardSummaries: [String: UInt64]
    /// What the pages show of the actors, for page keys.
    let actorHashes: ActorPageHashes
    /// Actor ids in order.
    let actorIDs: [String]
    /// Position of each actor in `actorIDs`.
    let actorPositions: [String: Int]
    /// Per page over the whole site, a hash of what it shows, so that an edit it does not show leaves it alone.
    let siteSummaries: SiteSummaries

    /// Per briefing in site order, a hash of what its pages show of its actors.
    var briefingActors: [UInt64] { actorHashes.briefings }

    /// The pages of `site`. `actorHashes`, when given, were worked out by an earlier build from the same actors
    /// (see `ActorAssembly.pages`).
    init(site: Site, actorHashes reused: ActorPageHashes? = nil) {
        self.site = site
        context = PageContext(site: site)
        actorIDs = StringOrder.sorted(Array(site.actors.keys))
        actorPositions = Dictionary(uniqueKeysWithValues: actorIDs.enumerated().map { ($1, $0) })
        let hashes = SiteSummaries.make(site, actorIDs: actorIDs)
        (actorSummaries, briefingSummaries, cardSummaries, siteSummaries) = (hashes.actors, hashes.links, hashes.cards, hashes.pages)
        quoteSummaries = hashes.quotes
        if let reused, reused.fit(briefings: site.briefings.count, actors: actorIDs.count) {
            actorHashes = reused
        } else {
            actorHashes = Self.makeActorHashes(site, actorIDs: actorIDs, actorSummaries: hashes.actors, links: hashes.links)
        }
    }

    /// One unit of output.
    enum Job: Sendable {
        case home, briefing(Int), briefingData(Int), actorIndex, actor(String), quotes, tagIndex, tag(Int), search, notFound
        case searchIndex(Int), feed, sitemap
    }

    /// Every job, big single pages first so that they do not finish last on one core.
    func jobs() -> [Job] {
        var jobs: [Job] = [.quotes, .home, .actorIndex, .feed, .sitemap, .tagIndex, .search, .notFound]
        jobs += SearchPage.layout(site, actors: actorIDs.count).indices.map(Job.searchIndex)
        jobs += site.tags.indices.map(Job.tag)
        jobs += site.briefings.indices.flatMap { [Job.briefing($0), Job.briefingData($0)] }
        jobs += actorIDs.map(Job.actor)
        return jobs
    }

    /// The files a job produces, rendered with `renderer`.
    func run(_ job: Job, renderer: some PageRenderer) throws(BuildError) -> [OutputFile] {
        switch job {
        case .searchIndex(let number): return [SearchPage(context: context, actorIDs: actorIDs).indexScript(number)]
        case .feed: return [Feeds(context: context).atom()]
        case .sitemap: return Feeds(context: context).sitemap(pages: pagePaths()).map { [$0] } ?? []
        case .briefingData(let index): return [SiteData(site: site).file(for: site.briefings[index])]
        default:
            guard let spec = spec(job) else { return [] }
            do {
                return [OutputFile(path: spec.path, data: try renderer.renderData(spec.template, spec.value))]
            } catch {
                var located = error
                located.message += " (while rendering \(spec.path))"
                throw located
            }
        }
    }

    /// The page a templated job renders.
    func spec(_ job: Job) -> PageSpec? {
        switch job {
        case .home: return HomePage(context: context).spec()
        case .briefing(let index): return BriefingPage(context: context, briefing: site.briefings[index]).spec()
        case .actorIndex: return ActorPages(context: context).indexSpec()
        case .actor(let id): return site.actors[id].map(ActorPages(context: context).actorSpec)
        case .quotes: return QuotesPage(context: context).spec()
        case .tagIndex: return TagPages(context: context).indexSpec()
        case .tag(let index): return TagPages(context: context).tagSpec(site.tags[index])
        case .search: return SearchPage(context: context, actorIDs: actorIDs).spec()
        case .notFound: return Feeds(context: context).notFound()
        case .briefingData, .searchIndex, .feed, .sitemap: return nil
        }
    }

    /// Paths of every HTML page, for the sitemap.
    func pagePaths() -> [String] {
        var paths = ["index.html", "actors/index.html", "quotes/index.html", "tags/index.html", "search/index.html"]
        paths += site.briefings.indices.map { PageContext.briefingPath(site.briefings[$0].slug) }
        paths += site.actors.keys.map(PageContext.actorPath)
        paths += site.tags.map { PageContext.tagPath($0.slug) }
        return paths
    }
}
