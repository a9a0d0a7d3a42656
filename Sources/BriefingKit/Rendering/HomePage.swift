import Extraction

/// The home page: every briefing, newest first, with its key points; tags to filter by.
struct HomePage: Sendable {
    let context: PageContext

    func spec() -> PageSpec {
        let site = context.site
        let tags: [TemplateValue] = site.tags.map { tag in
            ["name": .string(tag.name), "slug": .string(tag.slug), "href": .string(PageContext.tagPath(tag.slug)), "count": .int(tag.briefings.count)]
        }
        return PageSpec(
            path: "index.html", template: "home",
            value: context.page(
                "index.html", title: nil, description: nil,
                fields: ["briefings": .list(site.briefings.map(context.card)), "tags": .list(tags), "hasTags": .bool(!tags.isEmpty)]))
    }
}

extension PageContext {
    /// A briefing as a card in a list: title, date, counts, summary, top key points and tags.
    func card(_ briefing: Briefing) -> TemplateValue {
        let articles = briefing.articles.count
        let quotes = briefing.articles.reduce(0) { $0 + $1.extraction.quotes.count }
        return [
            "title": .string(briefing.source.title),
            "href": .string(PageContext.briefingPath(briefing.slug)),
            "date": .optional(briefing.source.date),
            "dateDisplay": .optional(PageContext.displayDate(briefing.source.date)),
            "summary": .optional(briefing.source.summary),
            "fictional": .bool(briefing.source.fictional),
            "tags": tags(of: briefing),
            "hasTags": .bool(!briefing.source.tags.isEmpty),
            "tagSlugs": .string(briefing.source.tags.map(Slug.make).joined(separator: " ")),
            "keyPoints": PageContext.keyPoints(Array(briefing.keyPoints.prefix(3))),
            "articles": .string(PageContext.count(articles, "article")),
            "quotes": .string(PageContext.count(quotes, "quote")),
        ]
    }
}
