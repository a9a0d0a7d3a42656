/// Settings for an extraction run.
public struct ExtractionOptions: Sendable, Hashable {
    /// How many key points to keep.
    public var keyPointCount: Int

    /// Creates options.
    public init(keyPointCount: Int = 5) {
        self.keyPointCount = keyPointCount
    }
}

/// Runs every extraction step over one article's text.
public struct Extractor: Sendable {
    /// The options in force.
    public let options: ExtractionOptions

    /// Creates an extractor.
    public init(options: ExtractionOptions = ExtractionOptions()) {
        self.options = options
    }

    /// Loads the word lists now rather than at the first extraction, so that a caller can have it done beside
    /// other work.
    public static func loadWordLists() {
        _ = Gazetteer.shared
    }

    /// Sentences, key points, quotes with speakers and actors of `text`; offsets are scalar offsets into `text`.
    public func extract(_ text: String) -> ArticleExtraction {
        let scalars = ScalarText(text)
        // Paragraphs (lines) are found once for the splitter and the quote finder.
        let paragraphs = scalars.paragraphSpans()
        let sentences = SentenceSplitter().split(scalars, paragraphs: paragraphs)
        // One word split serves both the actor and the speaker rules.
        let words = ActorTokenizer.split(scalars, sentences: sentences)
        var actors = ActorRecognizer().recognize(scalars, words: words)
        let found = QuoteFinder().find(scalars, sentences: sentences, paragraphs: paragraphs)
        let quotes = SpeakerAttributor().attribute(found, in: scalars, sentences: sentences, words: words, actors: actors)
        actors = ActorRecognizer.promotingSpeakers(actors, quotes: quotes)
        let keyPoints = KeyPointRanker().rank(
            scalars, sentences: sentences, count: options.keyPointCount, quotes: quotes, actors: actors)
        let headline = ProseFilter.headlineLine(scalars)
        var extraction = ArticleExtraction(
            title: headline.map { Self.title(scalars.string($0)) }, sentences: sentences, keyPoints: keyPoints, quotes: quotes,
            actors: actors)
        extraction.headline = headline
        return extraction
    }

    /// A headline line as a title: without the full stop some sources add, also when it sits inside a closing
    /// quotation mark ("It’s ‘in Their Heads.’").
    private static func title(_ line: String) -> String {
        if line.hasSuffix(".") && !line.hasSuffix("..") { return String(line.dropLast()) }
        if let close = line.last, "’”'\"".contains(close), line.dropLast().hasSuffix("."), !line.dropLast().hasSuffix("..") {
            return String(line.dropLast(2)) + String(close)
        }
        return line
    }
}
