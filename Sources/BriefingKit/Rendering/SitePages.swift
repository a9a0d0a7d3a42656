/// Every templated page of a site.
struct SitePages: Sendable {
    let site: Site

    /// The pages, home first.
    func specs() -> [PageSpec] {
        let context = PageContext(site: site)
        var pages = [HomePage(context: context).spec()]
        pages += site.briefings.map { BriefingPage(context: context, briefing: $0).spec() }
        return pages
    }
}
