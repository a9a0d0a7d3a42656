import Extraction

/// A briefing's page: key points, commentary, the articles with quotes, actors and annotated passages
/// marked, who's who, quotes by speaker and a chart of who is quoted.
struct BriefingPage: Sendable {
    let context: PageContext
    let briefing: Briefing

    var path: String { PageContext.briefingPath(briefing.slug) }

    func spec() -> PageSpec {
        let root = PageContext.root(for: path)
        let multiple = briefing.articles.count > 1
        let articles: [TemplateValue] = briefing.articles.enumerated().map { index, article in
            let notes = briefing.commentary?.annotations.filter { $0.article == index } ?? []
            let metadata = article.source.metadata
            return [
                "id": .string("article-\(article.source.slug)"),
                "title": .string(article.title),
                "number": .int(index + 1),
                "source": .optional(metadata.source == article.title ? nil : metadata.source),
                "url": .optional(metadata.url),
                "author": .optional(metadata.author),
                "published": .optional(PageContext.displayDate(metadata.published) ?? metadata.published),
                "reporters": .optional((metadata.reporters + metadata.contributors).isEmpty ? nil : (metadata.reporters + metadata.contributors).joined(separator: ", ")),
                "html": .string(bodyHTML(article, index: index, notes: notes, root: root)),
                "quoteCount": .int(article.extraction.quotes.count),
            ]
        }
        let people = whosWho(root: root)
        // Grouped once for the list of quotes by speaker and for the chart.
        let groups = speakerGroups()
        let speakers = quotesBySpeaker(groups)
        let fields: TemplateObject = [
            "title": .string(briefing.source.title),
            "date": .optional(briefing.source.date),
            "dateDisplay": .optional(PageContext.displayDate(briefing.source.date)),
            "summary": .optional(briefing.source.summary),
            "fictional": .bool(briefing.source.fictional),
            "tags": context.tags(of: briefing),
            "hasTags": .bool(!briefing.source.tags.isEmpty),
            "keyPoints": PageContext.keyPoints(briefing.keyPoints),
            "hasKeyPoints": .bool(!briefing.keyPoints.isEmpty),
            "commentary": .optional(briefing.commentary.flatMap { $0.html.isEmpty ? nil : $0.html }),
            "annotationCount": .int(briefing.commentary?.annotations.count ?? 0),
            "articles": .list(articles),
            "multipleArticles": .bool(multiple),
            "actors": .list(people),
            "hasActors": .bool(!people.isEmpty),
            "speakers": .list(speakers),
            "hasQuotes": .bool(!speakers.isEmpty),
            "chart": .string(QuoteChart.svg(speakers: speakerCounts(groups), root: root)),
            "jsonHref": .string("briefing.json"),
        ]
        return PageSpec(
            path: path, template: "briefing",
            value: context.page(path, title: briefing.source.title, description: briefing.source.summary ?? briefing.keyPoints.first?.text, fields: fields))
    }

    // MARK: - Article body

    static func quoteID(article: Int, index: Int) -> String { "q-\(article + 1)-\(index + 1)" }

    private func bodyHTML(_ article: Article, index: Int, notes: [Annotation], root: String) -> String {
        // A headline shown as the article's title is not repeated as its first paragraph.
        let paragraphs = ArticleHTML.paragraphs(of: article.body).filter { $0 != article.extraction.headline || article.title != article.extraction.title }
        var highlights: [Highlight] = []
        for note in notes {
            let id = "passage-\(note.number)"
            highlights.append(
                Highlight(
                    span: note.passage, kind: .passage,
                    openTag: "<mark class=\"passage\" id=\"\(id)\">", reopenTag: "<mark class=\"passage\">", closeTag: "</mark>",
                    trailer: "<a class=\"note-ref\" href=\"#note-\(note.number)\" aria-label=\"Note \(note.number)\">\(note.number)</a>"))
        }
        // Quotes and actors by index: iterating would copy each, every string and list in it retained.
        let quotes = article.extraction.quotes
        for q in quotes.indices {
            let quote = quotes[q]
            let id = Self.quoteID(article: index, index: q)
            var trailer = ""
            if let local = quote.speakerId, let siteID = article.actorMap[local], let actor = context.site.actors[siteID] {
                trailer = "<span class=\"quote-by\"> — <a href=\"\(root)\(PageContext.actorPath(siteID))\">\(HTML.escape(actor.name))</a></span>"
            } else if let speaker = quote.speaker {
                trailer = "<span class=\"quote-by\"> — \(HTML.escape(speaker))</span>"
            }
            highlights.append(
                Highlight(
                    span: quote.span, kind: .quote,
                    openTag: "<span class=\"quote\" id=\"\(id)\" tabindex=\"0\">", reopenTag: "<span class=\"quote\">",
                    closeTag: "</span>", trailer: trailer))
        }
        let actors = article.extraction.actors
        for n in actors.indices {
            guard let siteID = article.actorMap[actors[n].id] else { continue }
            // One tag for all of the actor's mentions, opening and reopening alike.
            let tag = "<a class=\"actor\" href=\"\(root)\(PageContext.actorPath(siteID))\">"
            for mention in actors[n].mentions {
                highlights.append(Highlight(span: mention, kind: .actor, openTag: tag, reopenTag: tag, closeTag: "</a>"))
            }
        }
        // Each note goes after the paragraph in which its passage ends.
        var after: [Int: String] = [:]
        for note in notes {
            guard let paragraph = paragraphs.lastIndex(where: { $0.start < note.passage.end }) else { continue }
            after[paragraph, default: ""] +=
                "<aside class=\"note\" id=\"note-\(note.number)\" aria-label=\"Note \(note.number)\">"
                + "<p class=\"note-head\"><a class=\"note-back\" href=\"#passage-\(note.number)\">Note \(note.number)</a>"
                + " · <a href=\"#commentary-note-\(note.number)\">in the commentary</a></p>"
                + note.quoteHTML.replacingFirst("<blockquote>", with: "<blockquote class=\"note-quote\">") + note.html + "</aside>\n"
        }
        return ArticleHTML.render(article.body, paragraphs: paragraphs, highlights: highlights, after: after)
    }

    // MARK: - Panels

    private func whosWho(root: String) -> [TemplateValue] {
        var counts: [String: Int] = [:]
        counts.reserveCapacity(briefing.articles.reduce(0) { $0 + $1.extraction.actors.count })
        // By index: iterating would copy every article and actor, each string and list retained.
        for a in briefing.articles.indices {
            let map = briefing.articles[a].actorMap
            let actors = briefing.articles[a].extraction.actors
            for n in actors.indices {
                guard let id = map[actors[n].id] else { continue }
                counts[id, default: 0] += actors[n].mentions.count
            }
        }
        // Sorted as pairs: looking the counts up in each comparison would hash two ids every time.
        let ranked = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        return ranked.compactMap { id, count in
            guard let actor = context.site.actors[id] else { return nil }
            return [
                "name": .string(actor.name),
                "href": .string(PageContext.actorPath(id)),
                "kind": .string(actor.kind.rawValue),
                "kindLabel": .string(PageContext.kindLabel(actor.kind)),
                "roles": .optional(PageContext.roles(actor.roles, first: 3)),
                "mentions": .int(count),
            ]
        }
    }

    private struct SpeakerQuotes {
        var name: String
        var id: String?
        var quotes: [(article: Int, index: Int, text: String)]
    }

    private func speakerGroups() -> [SpeakerQuotes] {
        var groups: [String: SpeakerQuotes] = [:]
        for (a, article) in briefing.articles.enumerated() {
            for (q, quote) in article.extraction.quotes.enumerated() {
                let siteID = quote.speakerId.flatMap { article.actorMap[$0] }
                let name = siteID.flatMap { context.site.actors[$0]?.name } ?? quote.speaker ?? "Unattributed"
                let key = siteID ?? "~" + name
                groups[key, default: SpeakerQuotes(name: name, id: siteID, quotes: [])].quotes.append((a, q, quote.text))
            }
        }
        return groups.values.sorted { lhs, rhs in
            let lhsUnknown = lhs.id == nil && lhs.name == "Unattributed"
            let rhsUnknown = rhs.id == nil && rhs.name == "Unattributed"
            if lhsUnknown != rhsUnknown { return rhsUnknown }
            return (lhs.quotes.count, rhs.name) > (rhs.quotes.count, lhs.name)
        }
    }

    private func quotesBySpeaker(_ groups: [SpeakerQuotes]) -> [TemplateValue] {
        groups.map { group in
            [
                "name": .string(group.name),
                "href": .optional(group.id.map(PageContext.actorPath)),
                "count": .int(group.quotes.count),
                "quotes": .list(group.quotes.map { quote in
                    ["text": .string(quote.text), "anchor": .string(Self.quoteID(article: quote.article, index: quote.index))]
                }),
            ]
        }
    }

    private func speakerCounts(_ groups: [SpeakerQuotes]) -> [(name: String, href: String?, count: Int)] {
        groups.filter { $0.id != nil }.map { ($0.name, $0.id.map(PageContext.actorPath), $0.quotes.count) }
    }
}

extension String {
    /// The string with the first occurrence of `target` replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}

import Foundation
