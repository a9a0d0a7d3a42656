/// What a word's characters are, worked out once when the word is split off: the rules ask these questions of
/// many words, and `Character` properties cost a Unicode look-up each.
struct WordShape: OptionSet, Sendable, Hashable {
    let rawValue: UInt8

    /// Every character of the text is a number.
    static let allNumber = WordShape(rawValue: 1 << 0)
    /// Every character of the text is a number or a hyphen.
    static let allNumberOrDash = WordShape(rawValue: 1 << 1)
    /// The text starts with a number.
    static let firstIsNumber = WordShape(rawValue: 1 << 2)
    /// The text starts with a letter.
    static let firstIsLetter = WordShape(rawValue: 1 << 3)
    /// The key holds a number somewhere.
    static let keyHasNumber = WordShape(rawValue: 1 << 4)

    init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The shape of the ASCII word `scalars[start..<end]`, without `Character` look-ups.
    init(ascii scalars: [Unicode.Scalar], _ start: Int, _ end: Int) {
        var allDigits = true
        var allDigitsOrDash = true
        var hasDigit = false
        for k in start..<end {
            let v = scalars[k].value
            let digit = v &- 0x30 < 10
            if digit { hasDigit = true } else { allDigits = false }
            if !digit && v != 0x2D { allDigitsOrDash = false }
        }
        var shape: WordShape = []
        if allDigits { shape.insert(.allNumber) }
        if allDigitsOrDash { shape.insert(.allNumberOrDash) }
        if hasDigit { shape.insert(.keyHasNumber) }
        if start < end {
            let first = scalars[start].value
            if first &- 0x30 < 10 { shape.insert(.firstIsNumber) }
            if (first | 0x20) &- 0x61 < 26 { shape.insert(.firstIsLetter) }
        }
        self = shape
    }

    /// The shape of any word, through `Character` properties.
    init(_ text: String, key: String) {
        var shape: WordShape = []
        if text.allSatisfy(\.isNumber) { shape.insert(.allNumber) }
        if text.allSatisfy({ $0.isNumber || $0 == "-" }) { shape.insert(.allNumberOrDash) }
        if text.first?.isNumber == true { shape.insert(.firstIsNumber) }
        if text.first?.isLetter == true { shape.insert(.firstIsLetter) }
        if key.contains(where: \.isNumber) { shape.insert(.keyHasNumber) }
        self = shape
    }
}
