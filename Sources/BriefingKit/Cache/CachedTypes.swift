import Extraction

// What the build cache stores for each briefing: the loaded sources, the extraction of every article and the
// rendered commentary — everything the build computes per briefing before the site is assembled.

extension TextSpan: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.int(start)
        writer.int(end - start)
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Corrupt) {
        let start = try reader.int()
        self.init(start, start + (try reader.int()))
    }
}

/// Stored as its position in `allCases`.
extension ActorKind: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.int(Self.allCases.firstIndex(of: self) ?? 0)
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Corrupt) {
        let index = try reader.int()
        guard Self.allCases.indices.contains(index) else { throw BinaryReader.Corrupt() }
        self = Self.allCases[index]
    }
}

extension ArticleExtraction: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.optional(title) { $0.string($1) }
        writer.optional(headline) { $0.value($1) }
        writer.array(sentences) { $0.value($1) }
        writer.array(keyPoints) { writer, point in
            writer.int(point.sentence)
            writer.string(point.text)
            writer.double(point.score)
        }
        // Quotes and actors field by field where they lie, as `array` would write them: handed to its closure,
        // each would be copied, every string and list in it retained.
        writer.int(quotes.count)
        for q in quotes.indices {
            writer.value(quotes[q].span)
            writer.string(quotes[q].text)
            writer.optional(quotes[q].speaker) { $0.string($1) }
            writer.optional(quotes[q].speakerId) { $0.string($1) }
            writer.optional(quotes[q].cue) { $0.string($1) }
        }
        writer.int(actors.count)
        for n in actors.indices {
            writer.string(actors[n].id)
            writer.string(actors[n].name)
            writer.value(actors[n].kind)
            writer.strings(actors[n].roles)
            writer.strings(actors[n].aliases)
            writer.array(actors[n].mentions) { $0.value($1) }
        }
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Corrupt) {
        let title = try reader.optional { reader throws(BinaryReader.Corrupt) in try reader.string() }
        let headline = try reader.optional { reader throws(BinaryReader.Corrupt) in try reader.value(TextSpan.self) }
        let sentences = try reader.array { reader throws(BinaryReader.Corrupt) in try reader.value(TextSpan.self) }
        let keyPoints = try reader.array { reader throws(BinaryReader.Corrupt) in
            KeyPoint(sentence: try reader.int(), text: try reader.string(), score: try reader.double())
        }
        let quotes = try reader.array { reader throws(BinaryReader.Corrupt) in
            ExtractedQuote(
                span: try reader.value(), text: try reader.string(),
                speaker: try reader.optional { reader throws(BinaryReader.Corrupt) in try reader.string() },
                speakerId: try reader.optional { reader throws(BinaryReader.Corrupt) in try reader.string() },
                cue: try reader.optional { reader throws(BinaryReader.Corrupt) in try reader.string() })
        }
        let actors = try reader.array { reader throws(BinaryReader.Corrupt) in
            ExtractedActor(
                id: try reader.string(), name: try reader.string(), kind: try reader.value(), roles: try reader.strings(),
                aliases: try reader.strings(),
                mentions: try reader.array { reader throws(BinaryReader.Corrupt) in try reader.value(TextSpan.self) })
        }
        self.init(title: title, sentences: sentences, keyPoints: keyPoints, quotes: quotes, actors: actors)
        self.headline = headline
    }
}

extension ArticleSource: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(path)
        writer.string(slug)
        writer.string(format.rawValue)
        writer.text(text)
        writer.int(bodyStart)
        writer.int(bodyLine)
        writer.optional(metadata.title) { $0.string($1) }
        writer.optional(metadata.source) { $0.string($1) }
        writer.optional(metadata.url) { $0.string($1) }
        writer.optional(metadata.author) { $0.string($1) }
        writer.optional(metadata.published) { $0.string($1) }
        writer.strings(metadata.reporters)
        writer.strings(metadata.contributors)
        writer.bool(metadata.fictional)
        writer.strings(metadata.tags)
        writer.strings(credits)
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Corrupt) {
        let path = try reader.string()
        let slug = try reader.string()
        guard let format = ArticleFormat(rawValue: try reader.string()) else { throw BinaryReader.Corrupt() }
        let text = try reader.deferredText()
        let bodyStart = try reader.int()
        let bodyLine = try reader.int()
        var metadata = ArticleMetadata()
        metadata.title = try reader.optional { reader throws(BinaryReader.Corrupt) in try reader.string() }
        metadata.source = try reader.optional { reader throws(BinaryReader.Corrupt) in try reader.string() }
        metadata.url = try reader.optional { reader throws(BinaryReader.Corrupt) in try reader.string() }
        metadata.author = try reader.optional { reader throws(BinaryReader.Corrupt) in try reader.string() }
        metadata.published = try reader.optional { reader throws(BinaryReader.Corrupt) in try reader.string() }
        metadata.reporters = try reader.strings()
        metadata.contributors = try reader.strings()
        metadata.fictional = try reader.bool()
        metadata.tags = try reader.strings()
        self.init(
            path: path, slug: slug, format: format, text: text, bodyStart: bodyStart, bodyLine: bodyLine, metadata: metadata,
            credits: try reader.strings())
    }
}

extension BriefingSource: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(slug)
        writer.string(path)
        writer.string(title)
        writer.optional(date) { $0.string($1) }
        writer.optional(summary) { $0.string($1) }
        writer.strings(tags)
        writer.bool(draft)
        writer.optional(keyPoints) { $0.strings($1) }
        writer.bool(fictional)
        writer.optional(commentary) { writer, commentary in
            writer.string(commentary.path)
            writer.string(commentary.markdown)
            writer.int(commentary.firstLine)
        }
        writer.array(articles) { $0.value($1) }
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Corrupt) {
        self.init(
            slug: try reader.string(), path: try reader.string(), title: try reader.string(),
            date: try reader.optional { reader throws(BinaryReader.Corrupt) in try reader.string() },
            summary: try reader.optional { reader throws(BinaryReader.Corrupt) in try reader.string() },
            tags: try reader.strings(), draft: try reader.bool(),
            keyPoints: try reader.optional { reader throws(BinaryReader.Corrupt) in try reader.strings() },
            fictional: try reader.bool(),
            commentary: try reader.optional { reader throws(BinaryReader.Corrupt) in
                CommentarySource(path: try reader.string(), markdown: try reader.string(), firstLine: try reader.int())
            },
            articles: try reader.array { reader throws(BinaryReader.Corrupt) in try reader.value(ArticleSource.self) })
    }
}

extension MarkdownBlock: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(kind.rawValue)
        writer.string(html)
        writer.string(text)
        writer.int(line)
        writer.optional(headingID) { $0.string($1) }
        writer.int(level)
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Corrupt) {
        guard let kind = Kind(rawValue: try reader.string()) else { throw BinaryReader.Corrupt() }
        self.init(
            kind: kind, html: try reader.string(), text: try reader.string(), line: try reader.int(),
            headingID: try reader.optional { reader throws(BinaryReader.Corrupt) in try reader.string() }, level: try reader.int())
    }
}

extension Commentary: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(html)
        writer.array(headings) { $0.value($1) }
        writer.array(annotations) { writer, note in
            writer.int(note.number)
            writer.int(note.article)
            writer.value(note.passage)
            writer.string(note.quoteHTML)
            writer.string(note.html)
            writer.int(note.line)
        }
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Corrupt) {
        self.init(
            html: try reader.string(),
            headings: try reader.array { reader throws(BinaryReader.Corrupt) in try reader.value(MarkdownBlock.self) },
            annotations: try reader.array { reader throws(BinaryReader.Corrupt) in
                Annotation(
                    number: try reader.int(), article: try reader.int(), passage: try reader.value(), quoteHTML: try reader.string(),
                    html: try reader.string(), line: try reader.int())
            })
    }
}

extension BuildWarning: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.optional(location) { writer, location in
            writer.string(location.file)
            writer.optional(location.line) { $0.int($1) }
            writer.optional(location.column) { $0.int($1) }
        }
        writer.string(message)
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Corrupt) {
        let location = try reader.optional { reader throws(BinaryReader.Corrupt) in
            SourceLocation(
                file: try reader.string(), line: try reader.optional { reader throws(BinaryReader.Corrupt) in try reader.int() },
                column: try reader.optional { reader throws(BinaryReader.Corrupt) in try reader.int() })
        }
        self.init(location: location, message: try reader.string())
    }
}

/// A briefing as it stands before the site is assembled, with the warnings its loading raised.
/// Shared, not copied: a build passes each one through several tables, and a copy of a briefing retains every
/// string in it.
final class PreparedBriefing: BinaryCodable, Sendable {
    let briefing: Briefing
    let warnings: [BuildWarning]
    /// Its part of the actors' fingerprint (`ActorAssembly.stamp(of:)`), worked out once and kept with it.
    let actorStamp: UInt64

    init(briefing: Briefing, warnings: [BuildWarning]) {
        self.briefing = briefing
        self.warnings = warnings
        actorStamp = ActorAssembly.stamp(of: briefing)
    }

    func encode(to writer: inout BinaryWriter) {
        writer.value(briefing.source)
        writer.array(briefing.articles) { writer, article in
            writer.value(article.extraction)
            writer.string(article.title)
        }
        writer.optional(briefing.commentary) { $0.value($1) }
        writer.array(warnings) { $0.value($1) }
        writer.uint64(actorStamp)
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Corrupt) {
        let source = try reader.value(BriefingSource.self)
        let extras = try reader.array { reader throws(BinaryReader.Corrupt) in
            (try reader.value(ArticleExtraction.self), try reader.string())
        }
        guard extras.count == source.articles.count else { throw BinaryReader.Corrupt() }
        let articles = zip(source.articles, extras).map { article, extra in
            Article(source: article, extraction: extra.0, actorMap: [:], title: extra.1)
        }
        let commentary = try reader.optional { reader throws(BinaryReader.Corrupt) in try reader.value(Commentary.self) }
        briefing = Briefing(source: source, articles: articles, commentary: commentary, keyPoints: [])
        warnings = try reader.array { reader throws(BinaryReader.Corrupt) in try reader.value(BuildWarning.self) }
        actorStamp = try reader.uint64()
    }
}

/// Stored with one table of strings: the ids, slugs and local ids it repeats many times are written once and
/// read back as shared copies, so reading it allocates each string once.
extension ActorAssembly: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        var table: [String: Int] = [:]
        // Sized at once: every actor's id and every briefing's slug are among the strings.
        table.reserveCapacity(actors.count + maps.count * 4)
        var strings: [String] = []
        var body = BinaryWriter(capacity: 1 << 20)
        func ref(_ text: String) {
            if let index = table[text] {
                body.int(index)
            } else {
                table[text] = strings.count
                body.int(strings.count)
                strings.append(text)
            }
        }
        body.int(actors.count)
        for actor in actors {
            ref(actor.id)
            body.string(actor.name)
            body.value(actor.kind)
            body.strings(actor.roles)
            body.strings(actor.aliases)
            body.optional(actor.description) { $0.string($1) }
            body.optional(actor.url) { $0.string($1) }
            body.int(actor.briefings.count)
            for slug in actor.briefings { ref(slug) }
            body.int(actor.mentionCount)
            body.int(actor.quotes.count)
            for quote in actor.quotes {
                ref(quote.briefing)
                body.int(quote.article)
                body.int(quote.index)
            }
            body.int(actor.related.count)
            for link in actor.related {
                ref(link.id)
                body.int(link.count)
            }
        }
        body.int(maps.count)
        for briefing in maps {
            body.int(briefing.count)
            for map in briefing {
                body.int(map.count)
                // In the map's order, ascending extracted ids, which reading checks.
                for pair in map.pairs {
                    ref(pair.local)
                    ref(pair.site)
                }
            }
        }
        body.optional(pages) { writer, pages in
            writer.array(pages.briefings) { $0.uint64($1) }
            writer.array(pages.actors) { $0.uint64($1) }
            writer.array(pages.quoted) { writer, positions in writer.array(positions) { $0.int(Int($1)) } }
        }
        writer.uint64(fingerprint)
        writer.strings(strings)
        writer.raw(body.bytes)
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Corrupt) {
        fingerprint = try reader.uint64()
        let strings = try reader.strings()
        func ref(_ reader: inout BinaryReader) throws(BinaryReader.Corrupt) -> String {
            let index = try reader.int()
            guard strings.indices.contains(index) else { throw BinaryReader.Corrupt() }
            return strings[index]
        }
        actors = try reader.array { reader throws(BinaryReader.Corrupt) in
            SiteActor(
                id: try ref(&reader), name: try reader.string(), kind: try reader.value(), roles: try reader.strings(),
                aliases: try reader.strings(),
                description: try reader.optional { reader throws(BinaryReader.Corrupt) in try reader.string() },
                url: try reader.optional { reader throws(BinaryReader.Corrupt) in try reader.string() },
                briefings: try reader.array { reader throws(BinaryReader.Corrupt) in try ref(&reader) },
                mentionCount: try reader.int(),
                quotes: try reader.array { reader throws(BinaryReader.Corrupt) in
                    QuoteRef(briefing: try ref(&reader), article: try reader.int(), index: try reader.int())
                },
                related: try reader.array { reader throws(BinaryReader.Corrupt) in RelatedActor(id: try ref(&reader), count: try reader.int()) })
        }
        maps = try reader.array { reader throws(BinaryReader.Corrupt) in
            try reader.array { reader throws(BinaryReader.Corrupt) in
                let pairs = try reader.array { reader throws(BinaryReader.Corrupt) in
                    ActorMap.Pair(local: try ref(&reader), site: try ref(&reader))
                }
                guard let map = ActorMap(sorted: pairs) else { throw BinaryReader.Corrupt() }
                return map
            }
        }
        pages = try reader.optional { reader throws(BinaryReader.Corrupt) in
            ActorPageHashes(
                briefings: try reader.array { reader throws(BinaryReader.Corrupt) in try reader.uint64() },
                actors: try reader.array { reader throws(BinaryReader.Corrupt) in try reader.uint64() },
                quoted: try reader.array { reader throws(BinaryReader.Corrupt) in
                    try reader.array { reader throws(BinaryReader.Corrupt) in
                        guard let position = Int32(exactly: try reader.int()) else { throw BinaryReader.Corrupt() }
                        return position
                    }
                })
        }
    }
}
