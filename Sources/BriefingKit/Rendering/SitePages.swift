/// Every file of a site but the copied assets, as jobs that can run in parallel: each builds its view model,
/// renders it and drops it, so view models never pile up in memory.
struct SitePages: Sendable {
    let site: Site
    private let context: PageContext
    /// Per actor, a hash of what other pages show of it (id, name, kind, first roles), for page keys.
    let actorSummaries: [String: UInt64]
    /// Per briefing, a hash of what other pages show of it (slug, title, date), for page keys.
    let briefingSummaries: [String: UInt64]
    /// Per briefing in site order, a hash of what its pages show of its actors, for page keys.
    let briefingActors: [UInt64]
    /// Per briefing, a hash of its card on the home and tag pages, for page keys.
    let cardSummaries: [String: UInt64]
    /// Actor ids in order.
    let actorIDs: [String]
    /// Per page over the whole site, a hash of what it shows, so that an edit it does not show leaves it alone.
    let siteSummaries: SiteSummaries

    /// The pages of `site`. `actorsShown`, when given, are the `briefingActors` worked out by an earlier build
    /// from the same actors (see `ActorAssembly.shown`).
    init(site: Site, actorsShown: [UInt64]? = nil) {
        self.site = site
        context = PageContext(site: site)
        actorIDs = site.actors.keys.sorted()
        let hashes = SiteSummaries.make(site, actorIDs: actorIDs)
        (actorSummaries, briefingSummaries, cardSummaries, siteSummaries) = (hashes.actors, hashes.links, hashes.cards, hashes.pages)
        if let actorsShown, actorsShown.count == site.briefings.count {
            briefingActors = actorsShown
        } else {
            let summaries = actorSummaries
            briefingActors = concurrentMap(site.briefings, each: { briefing in Self.actorsShown(by: briefing, actorSummaries: summaries) })
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
                return [OutputFile(path: spec.path, text: try renderer.render(spec.template, spec.value))]
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
        paths += site.briefings.map { PageContext.briefingPath($0.slug) }
        paths += site.actors.keys.map(PageContext.actorPath)
        paths += site.tags.map { PageContext.tagPath($0.slug) }
        return paths
    }
}
