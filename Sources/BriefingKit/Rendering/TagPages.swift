/// `tags/index.html` and one page per tag listing its briefings.
struct TagPages: Sendable {
    let context: PageContext

    func specs() -> [PageSpec] {
        let site = context.site
        let indexPath = "tags/index.html"
        let tags: [TemplateValue] = site.tags.map { tag in
            ["name": .string(tag.name), "href": .string(PageContext.tagPath(tag.slug)), "count": .int(tag.briefings.count)]
        }
        var pages = [
            PageSpec(
                path: indexPath, template: "tags",
                value: context.page(indexPath, title: "Tags", description: "Briefings by tag.", fields: ["tags": .list(tags)]))
        ]
        for tag in site.tags {
            let path = PageContext.tagPath(tag.slug)
            let briefings = tag.briefings.compactMap { site.briefing($0) }.map(context.card)
            pages.append(
                PageSpec(
                    path: path, template: "tag",
                    value: context.page(
                        path, title: "Tag: \(tag.name)", description: "Briefings tagged \(tag.name).",
                        fields: [
                            "name": .string(tag.name), "briefings": .list(briefings),
                            "countLabel": .string(PageContext.count(briefings.count, "briefing")),
                        ])))
        }
        return pages
    }
}
