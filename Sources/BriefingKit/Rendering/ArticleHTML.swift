import Extraction

/// An inline element laid over a stretch of article text.
struct Highlight: Sendable {
    enum Kind: Int, Sendable, Comparable {
        case paragraph = 0, passage = 1, quote = 2, actor = 3
        static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    var span: TextSpan
    var kind: Kind
    /// Opening tag for the first fragment; elements split by nesting reopen with `reopenTag`.
    var openTag: String
    var reopenTag: String
    var closeTag: String
    /// HTML placed right after the element's last fragment closes.
    var trailer: String = ""
}

/// Article text as HTML: paragraphs, with quotes, actor names and annotated passages marked up.
/// Overlapping elements are split so that the result always nests correctly.
struct ArticleHTML: Sendable {
    /// Paragraph spans of `text` (scalar offsets): its lines, or its blank-line blocks when most blocks run over
    /// several lines. Read from the text's UTF-8 as it lies: decoding the whole text into scalars first cost
    /// more than the paragraphs.
    static func paragraphs(of text: String) -> [TextSpan] {
        // Each non-blank line without its surrounding white space, with the count of "\n" before it: two lines
        // are one block when exactly one "\n" lies between them.
        var lines: [(span: TextSpan, breaksBefore: Int)] = []
        var text = text
        text.withUTF8 { utf8 in
            let count = utf8.count
            var (byte, scalar, breaks) = (0, 0, 0)
            var (lineByte, lineScalar) = (0, 0)
            func isSpace(at index: Int) -> (Bool, length: Int) {
                let (value, length) = UTF8Cursor.scalar(utf8, at: index)
                return (ScalarText.isSpace(Unicode.Scalar(value) ?? " "), length)
            }
            // The line from `lineByte` to `end`, trimmed by walking in from either end.
            func endLine(byte end: Int, scalar endScalar: Int) {
                var (start, startScalar) = (lineByte, lineScalar)
                while start < end, case let (space, length) = isSpace(at: start), space {
                    start += length
                    startScalar += 1
                }
                guard start < end else { return }
                var (stop, stopScalar) = (end, endScalar)
                while stop > start {
                    var lead = stop - 1
                    while lead > start, utf8[lead] & 0xC0 == 0x80 { lead -= 1 }
                    guard isSpace(at: lead).0 else { break }
                    stop = lead
                    stopScalar -= 1
                }
                lines.append((TextSpan(startScalar, stopScalar), breaks))
            }
            while byte < count {
                // Eight bytes with no byte below 0x0E (so no line end): their scalars are the bytes that do not
                // continue a sequence (10xxxxxx).
                if byte + 8 <= count, case let word = ByteWord.load(utf8, at: byte), !ByteWord.hasByte(below: 0x0E, in: word) {
                    scalar += 8 - ByteWord.continuationCount(word)
                    byte += 8
                    continue
                }
                let value = utf8[byte]
                if value == 0x0A || value == 0x0D {
                    endLine(byte: byte, scalar: scalar)
                    if value == 0x0A { breaks += 1 }
                    (byte, scalar) = (byte + 1, scalar + 1)
                    (lineByte, lineScalar) = (byte, scalar)
                } else {
                    if value & 0xC0 != 0x80 { scalar += 1 }
                    byte += 1
                }
            }
            endLine(byte: count, scalar: scalar)
        }
        var blocks: [TextSpan] = []
        var multiLine = 0
        var i = 0
        while i < lines.count {
            var block = lines[i].span
            var j = i + 1
            while j < lines.count, lines[j].breaksBefore - lines[j - 1].breaksBefore == 1 {
                block.end = lines[j].span.end
                j += 1
            }
            if j > i + 1 { multiLine += 1 }
            blocks.append(block)
            i = j
        }
        // Blank-line blocks are paragraphs only when the text has several and most of them wrap over lines;
        // otherwise (one paragraph per line, as most news text comes) every line is a paragraph.
        return blocks.count > 1 && multiLine * 2 > blocks.count ? blocks : lines.map(\.span)
    }

    /// Renders `text` with `highlights` (spans in scalar offsets); `after` gives HTML to place after the paragraph
    /// with the given index. The text is escaped from its UTF-8 as it lies, walked to each boundary in turn.
    static func render(_ text: String, paragraphs: [TextSpan], highlights: [Highlight], after: [Int: String] = [:]) -> String {
        var text = text
        return text.withUTF8 { utf8 in render(utf8, paragraphs: paragraphs, highlights: highlights, after: after) }
    }

    private static func render(
        _ text: UnsafeBufferPointer<UInt8>, paragraphs: [TextSpan], highlights: [Highlight], after: [Int: String]
    ) -> String {
        // The tags go into one byte pool and the elements name them by place: sorting and walking the elements
        // then moves plain values, with no string copied or counted.
        var pool = Array("<p></p>".utf8)
        let (openParagraph, closeParagraph, nothing) = (Piece(0, 3), Piece(3, 4), Piece(0, 0))
        func add(_ tag: String) -> Piece {
            let offset = pool.count
            var tag = tag
            tag.withUTF8 { pool.append(contentsOf: $0) }
            return Piece(offset, pool.count - offset)
        }
        var elements = paragraphs.map {
            Element(start: $0.start, end: $0.end, kind: .paragraph, open: openParagraph, reopen: openParagraph, close: closeParagraph, trailer: nothing)
        }
        elements.reserveCapacity(elements.count + highlights.count)
        for highlight in highlights where highlight.span.length > 0 {
            let open = add(highlight.openTag)
            let reopen = highlight.reopenTag == highlight.openTag ? open : add(highlight.reopenTag)
            elements.append(
                Element(
                    start: highlight.span.start, end: highlight.span.end, kind: highlight.kind, open: open, reopen: reopen,
                    close: add(highlight.closeTag), trailer: highlight.trailer.isEmpty ? nothing : add(highlight.trailer)))
        }
        elements = sorted(elements)

        var html = HTMLBytes(capacity: text.count * 2)
        var cursor = UTF8Cursor(text)
        func put(_ piece: Piece) {
            pool.withUnsafeBufferPointer { html.append(UnsafeBufferPointer(rebasing: $0[piece.range])) }
        }
        var stack: [Int] = []  // indices into elements, innermost last
        var pending: [Int] = []  // split by a paragraph end, to reopen in the next paragraph
        var next = 0
        var paragraphIndex = -1
        var position = elements.first?.start ?? 0
        cursor.advance(to: position, strictly: false)
        // Boundaries: every start and end, visited in order.
        var boundaries: [Int] = []
        boundaries.reserveCapacity(elements.count * 2)
        for element in elements {
            boundaries.append(element.start)
            boundaries.append(element.end)
        }
        boundaries.sort()
        var previous = -1
        for boundary in boundaries where boundary != previous {
            previous = boundary
            if boundary > position {
                if stack.isEmpty {
                    // Text outside every paragraph is not shown, and a span past the text there is let be.
                    cursor.advance(to: boundary, strictly: false)
                } else {
                    precondition(position >= 0, "span from \(position) outside the text")
                    let from = cursor.byte
                    cursor.advance(to: boundary)
                    html.appendEscaped(UnsafeBufferPointer(rebasing: text[from..<cursor.byte]))
                }
                position = boundary
            }
            // Close every element ending here, innermost first; elements above one that ends are reopened,
            // inside the next paragraph when the one that ended was a paragraph.
            pending.removeAll { elements[$0].end <= boundary }
            if stack.contains(where: { elements[$0].end == boundary }) {
                var reopen: [Int] = []
                var closedParagraph = false
                while let top = stack.last {
                    let hasEnding = stack.contains { elements[$0].end == boundary }
                    if !hasEnding { break }
                    stack.removeLast()
                    put(elements[top].close)
                    if elements[top].end == boundary {
                        put(elements[top].trailer)
                        if elements[top].kind == .paragraph {
                            closedParagraph = true
                            if let extra = after[paragraphIndex] { html.append(extra) }
                        }
                    } else {
                        reopen.append(top)
                    }
                }
                if closedParagraph {
                    pending = reopen.reversed() + pending
                } else {
                    for index in reopen.reversed() {
                        put(elements[index].reopen)
                        stack.append(index)
                    }
                }
            }
            // Open elements starting here; one that outlives the element it opens inside is split later.
            while next < elements.count, elements[next].start == boundary {
                let element = elements[next]
                if element.kind == .paragraph {
                    paragraphIndex += 1
                    put(element.open)
                    stack.append(next)
                    for index in pending {
                        put(elements[index].reopen)
                        stack.append(index)
                    }
                    pending = []
                } else if !stack.isEmpty {
                    put(element.open)
                    stack.append(next)
                }
                // Elements outside every paragraph (credits, blank text) are not shown.
                next += 1
            }
        }
        return html.string
    }

    /// `elements` by start, then longest first, then kind, elements equal in all three in the order given. Each
    /// is sorted as one integer key (with its position for ties) when its offsets fit in 30 bits (as any article
    /// within the size limit does) and its kind in 2: comparing and moving two integers rather than whole elements.
    private static func sorted(_ elements: [Element]) -> [Element] {
        let limit = 1 << 30
        guard elements.allSatisfy({ $0.start >= 0 && $0.end >= 0 && $0.start < limit && $0.end < limit && $0.kind.rawValue < 4 }) else {
            var elements = elements
            elements.sort { ($0.start, -$0.end, $0.kind) < ($1.start, -$1.end, $1.kind) }
            return elements
        }
        var keys = elements.enumerated().map { index, element in
            (key: UInt64(element.start) << 32 | UInt64(limit - 1 - element.end) << 2 | UInt64(element.kind.rawValue), index: index)
        }
        keys.sort { ($0.key, $0.index) < ($1.key, $1.index) }
        return keys.map { elements[$0.index] }
    }

    /// Bytes of the tag pool.
    private struct Piece {
        var offset: Int32
        var count: Int32

        init(_ offset: Int, _ count: Int) {
            self.offset = Int32(offset)
            self.count = Int32(count)
        }

        var range: Range<Int> { Int(offset)..<Int(offset + count) }
    }

    /// A highlight or paragraph with its tags as pieces of the pool.
    private struct Element {
        var start: Int
        var end: Int
        var kind: Highlight.Kind
        var open: Piece
        var reopen: Piece
        var close: Piece
        var trailer: Piece
    }
}

/// HTML built as UTF-8 bytes in one growing allocation: no intermediate strings for the article text, and
/// pieces copied from where they lie rather than through a generic sequence of bytes. Not copyable: the
/// allocation is shared, so a copy would write into the same bytes.
struct HTMLBytes: ~Copyable {
    private let buffer: PageBuffer

    init(capacity: Int) {
        buffer = PageBuffer(capacity: capacity)
    }

    mutating func append(_ text: String) {
        buffer.append(text)
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        buffer.append(bytes)
    }

    /// The digits of `value`.
    mutating func append(_ value: Int) {
        buffer.write(atMost: 20) { JSONWriter.writeDecimal(value, into: $0) }
    }

    /// Article text from its UTF-8, escaped: `& < > "` become entities, line breaks `<br>` and carriage returns
    /// go. Plain runs are skipped eight bytes at a time and copied whole, into room for the worst case (six bytes
    /// a byte, for `&quot;`), of which only what was written counts.
    mutating func appendEscaped(_ text: UnsafeBufferPointer<UInt8>) {
        guard let base = text.baseAddress, !text.isEmpty else { return }
        buffer.write(atMost: text.count * 6) { out in
            var n = 0
            func put(_ literal: StaticString) {
                literal.withUTF8Buffer { for byte in $0 { out[n] = byte; n += 1 } }
            }
            var index = 0
            var runStart = 0
            func flush(upTo end: Int) {
                guard runStart < end, let target = out.baseAddress else { return }
                (target + n).initialize(from: base + runStart, count: end - runStart)
                n += end - runStart
            }
            while index < text.count {
                index = ByteWord.skip(text, from: index, until: Self.mayStopArticleText)
                guard index < text.count else { break }
                let entity: StaticString?
                switch text[index] {
                case 0x26: entity = "&amp;"
                case 0x3C: entity = "&lt;"
                case 0x3E: entity = "&gt;"
                case 0x22: entity = "&quot;"
                case 0x0A: entity = "<br>\n"
                case 0x0D: entity = ""
                default: entity = nil
                }
                if let entity {
                    flush(upTo: index)
                    put(entity)
                    runStart = index + 1
                }
                index += 1
            }
            flush(upTo: text.count)
            return n
        }
    }

    /// Whether any byte of `word` may need `appendEscaped`'s attention: below 0x0E (line ends among them), `"`,
    /// `&`, `<` or `>`.
    @inline(__always)
    private static func mayStopArticleText(_ word: UInt64) -> Bool {
        ByteWord.hasByte(below: 0x0E, in: word) || ByteWord.hasByte(0x22, in: word) || ByteWord.hasByte(0x26, in: word)
            || ByteWord.hasByte(0x3E, orWithout: 0x02, in: word)
    }

    /// `text` with `& < > " '` escaped, as `HTML.escape` does.
    mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated() {
                guard let entity = HTMLEscaping.replacement(for: byte) else { continue }
                buffer.append(UnsafeBufferPointer(rebasing: utf8[start..<index]))
                buffer.append(entity)
                start = index + 1
            }
            buffer.append(UnsafeBufferPointer(rebasing: utf8[start...]))
        }
    }

    var string: String { buffer.string }
}

/// A place in valid UTF-8 (a `String`'s storage) counted both in scalars and in bytes, moved forward by scalars:
/// article spans count scalars, and the text is copied from its bytes.
struct UTF8Cursor {
    private let text: UnsafeBufferPointer<UInt8>
    /// Scalars before the place.
    private(set) var scalar = 0
    /// Bytes before the place.
    private(set) var byte = 0

    init(_ text: UnsafeBufferPointer<UInt8>) {
        self.text = text
    }

    /// Moves to scalar `target`, which must not lie before the place; past the end of the text it traps, or
    /// when not `strictly`, stops at the end.
    mutating func advance(to target: Int, strictly: Bool = true) {
        precondition(target >= scalar || !strictly, "scalar \(target) is behind the cursor at \(scalar)")
        while scalar < target {
            if !strictly, byte == text.count { return }
            // Eight ASCII bytes are eight scalars.
            if target - scalar >= 8, byte + 8 <= text.count, ByteWord.isASCII(ByteWord.load(text, at: byte)) {
                byte += 8
                scalar += 8
                continue
            }
            precondition(byte < text.count, "scalar \(target) is past the end of the text")
            byte += Self.length(of: text[byte])
            scalar += 1
        }
    }

    /// Bytes in the sequence a lead byte starts.
    @inline(__always)
    static func length(of lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The scalar value at byte `index` and its length in bytes, as `ScalarText` decodes it (a sequence cut
    /// short by the end, which valid UTF-8 never has, reads as U+FFFD to the end).
    @inline(__always)
    static func scalar(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        ScalarText.decodeScalar(utf8, at: index) ?? (0xFFFD, utf8.count - index)
    }
}

/// Escaping for text placed in HTML by code rather than by a template.
enum HTML {
    /// `text` with `& < > " '` escaped, safe in element content and quoted attributes.
    static func escape(_ text: String) -> String {
        var copy = text
        let plain = copy.withUTF8 { utf8 in !utf8.contains { HTMLEscaping.replacement(for: $0) != nil } }
        if plain { return text }
        var bytes = HTMLBytes(capacity: text.utf8.count + 16)
        bytes.appendEscaped(text)
        return bytes.string
    }
}
