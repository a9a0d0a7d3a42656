/// `quotes/index.html`: every quote of the site, grouped by speaker, each linking to its place in its briefing.
struct QuotesPage: Sendable {
    let context: PageContext

    func spec() -> PageSpec {
        let path = "quotes/index.html"
        let site = context.site
        struct Group {
            var name: String
            var id: String?
            var quotes: [TemplateValue]
        }
        var groups: [String: Group] = [:]
        var total = 0
        // By index: iterating would copy every briefing, article and quote, each string and list retained.
        for b in site.briefings.indices {
            // What every quote of the briefing shows of it, made once for all of them.
            let page = PageContext.briefingPath(site.briefings[b].slug) + "#"
            let title = TemplateValue.string(site.briefings[b].source.title)
            let date = TemplateValue.optional(PageContext.displayDate(site.briefings[b].source.date))
            for a in site.briefings[b].articles.indices {
                let map = site.briefings[b].articles[a].actorMap
                let quotes = site.briefings[b].articles[a].extraction.quotes
                for q in quotes.indices {
                    let quote = quotes[q]
                    let id = quote.speakerId.flatMap { map[$0] }
                    let name = id.flatMap { site.actors[$0]?.name } ?? quote.speaker ?? "Unattributed"
                    let key = id ?? "~" + (quote.speaker ?? "")
                    let entry: TemplateValue = [
                        "text": .string(quote.text),
                        "href": .string(page + BriefingPage.quoteID(article: a, index: q)),
                        "briefing": title,
                        "dateDisplay": date,
                    ]
                    groups[key, default: Group(name: name, id: id, quotes: [])].quotes.append(entry)
                    total += 1
                }
            }
        }
        let ordered = groups.sorted { lhs, rhs in
            let lhsUnknown = lhs.key == "~"
            let rhsUnknown = rhs.key == "~"
            if lhsUnknown != rhsUnknown { return rhsUnknown }
            return (lhs.value.quotes.count, rhs.value.name, rhs.key) > (rhs.value.quotes.count, lhs.value.name, lhs.key)
        }
        let speakers: [TemplateValue] = ordered.enumerated().map { index, entry in
            [
                "name": .string(entry.value.name),
                "href": .optional(entry.value.id.map(PageContext.actorPath)),
                "anchor": .string("speaker-\(index + 1)"),
                "count": .int(entry.value.quotes.count),
                "quotes": .list(entry.value.quotes),
            ]
        }
        return PageSpec(
            path: path, template: "quotes",
            value: context.page(
                path, title: "Quotes", description: "Every quote in the briefings, by speaker.",
                fields: ["speakers": .list(speakers), "count": .int(total), "speakerCount": .int(speakers.count)]))
    }
}
