/// How a quotation is marked in the text.
public enum QuoteMarkStyle: String, Sendable, Hashable {
    /// Curly double marks: “…”.
    case curly
    /// Straight double marks: "…".
    case straight
    /// Two apostrophes or two single curly marks standing for a double mark: ''…'' (New York Times style).
    case doubledApostrophe
    /// Guillemets or low-9 marks: «…», „…“.
    case other
    /// Single marks, in a text that uses no double ones (British style): ‘…’ or '…'.
    case single
}

/// A direct quotation found in the text, with what the speaker attributor needs to know about its setting.
public struct QuoteSpan: Hashable, Sendable {
    /// The quoted words, without the quotation marks (for a quotation running over several paragraphs, only
    /// this paragraph's stretch).
    public var span: TextSpan
    /// The paragraph (line) that holds the quotation.
    public var paragraph: TextSpan
    /// The opening mark, or nil when the text has none (a paragraph that continues a quotation without
    /// repeating the mark, or a closing mark whose opening mark is missing).
    public var openingMark: TextSpan?
    /// The closing mark, or nil when the quotation runs on to the next paragraph or its closing mark is missing.
    public var closingMark: TextSpan?
    /// How the quotation is marked.
    public var style: QuoteMarkStyle
    /// The quotation opens the paragraph (nothing but white space before its opening mark).
    public var startsParagraph: Bool
    /// The paragraph continues a quotation left open at the end of the previous paragraph.
    public var continuesPreviousParagraph: Bool
    /// The quotation is left open at the end of the paragraph (multi-paragraph quotation, or an unbalanced mark).
    public var continuesIntoNextParagraph: Bool
    /// The quotation is a fragment inside the writer's own sentence ("called the plan “unrealistic”"): it does
    /// not start a sentence.
    public var isPartial: Bool

    /// Creates a quotation span.
    public init(
        span: TextSpan, paragraph: TextSpan, openingMark: TextSpan?, closingMark: TextSpan?, style: QuoteMarkStyle,
        startsParagraph: Bool, continuesPreviousParagraph: Bool, continuesIntoNextParagraph: Bool, isPartial: Bool
    ) {
        self.span = span
        self.paragraph = paragraph
        self.openingMark = openingMark
        self.closingMark = closingMark
        self.style = style
        self.startsParagraph = startsParagraph
        self.continuesPreviousParagraph = continuesPreviousParagraph
        self.continuesIntoNextParagraph = continuesIntoNextParagraph
        self.isPartial = isPartial
    }
}
