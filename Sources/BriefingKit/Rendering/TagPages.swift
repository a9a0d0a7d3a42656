/// `tags/index.html` and one page per tag listing its briefings.
struct TagPages: Sendable {
    let context: PageContext

    /// `tags/index.html`.
    func indexSpec() -> PageSpec {
        let path = "tags/index.html"
        let tags: [TemplateValue] = context.site.tags.map { tag in
            ["name": .string(tag.name), "href": .string(PageContext.tagPath(tag.slug)), "count": .int(tag.briefings.count)]
        }
        return PageSpec(
            path: path, template: "tags",
            value: context.page(path, title: "Tags", description: "Briefings by tag.", fields: ["tags": .list(tags)]))
    }

    /// The page of one tag.
    func tagSpec(_ tag: Tag) -> PageSpec {
        let path = PageContext.tagPath(tag.slug)
        let briefings = tag.briefings.compactMap { context.site.briefing($0) }.map(context.card)
        return PageSpec(
            path: path, template: "tag",
            value: context.page(
                path, title: "Tag: \(tag.name)", description: "Briefings tagged \(tag.name).",
                fields: [
                    "name": .string(tag.name), "briefings": .list(briefings),
                    "countLabel": .string(PageContext.count(briefings.count, "briefing")),
                ]))
    }
}
