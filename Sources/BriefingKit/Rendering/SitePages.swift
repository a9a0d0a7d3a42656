/// Every templated page of a site, and the generated files that go with them.
struct SitePages: Sendable {
    let site: Site

    private var context: PageContext { PageContext(site: site) }

    /// The pages, home first.
    func specs() -> [PageSpec] {
        var pages = [HomePage(context: context).spec()]
        pages += site.briefings.map { BriefingPage(context: context, briefing: $0).spec() }
        pages += ActorPages(context: context).specs()
        pages.append(QuotesPage(context: context).spec())
        pages += TagPages(context: context).specs()
        pages.append(SearchPage(context: context).spec())
        pages.append(Feeds(context: context).notFound())
        return pages
    }

    /// Files that are not templated: the search index, the feed and the sitemap.
    func files(pages: [String]) -> [OutputFile] {
        let feeds = Feeds(context: context)
        var files = [SearchPage(context: context).indexScript(), feeds.atom()]
        if let sitemap = feeds.sitemap(pages: pages) { files.append(sitemap) }
        return files
    }
}
