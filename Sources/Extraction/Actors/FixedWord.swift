/// Function words the rules name one by one ("the", "of", "who"). Every article's key table starts with them, in
/// this order, so a word is one of them exactly when its key id equals the case's raw value: the rules compare
/// integers instead of strings.
enum FixedWord: Int32, CaseIterable, Sendable {
    case the, a, an, of, `for`, to, who, whom, which, that, `as`, and, or, at, `in`, by, with, from, this
    case he, she, they, it, his, her, their, our
    case `is`, was, were, been, being, are, be, get, got, has, had
    case said, says, told, according, reported, contributed, report, files
    case read, related, watch, photos, video, listen, more

    /// The word's key.
    var text: String { String(describing: self) }

    /// The keys of every case, in id order.
    static let keys: [String] = allCases.map(\.text)
}

extension ActorWord {
    /// Whether the word's key is `word`.
    @inline(__always) func `is`(_ word: FixedWord) -> Bool { id == word.rawValue }
}
