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
    /// Paragraph spans of `text`: its lines, or its blank-line blocks when most blocks run over several lines.
    static func paragraphs(of text: ScalarText) -> [TextSpan] {
        let lines = text.nonBlankLines()
        var blocks: [TextSpan] = []
        var multiLine = 0
        var i = 0
        let scalars = text.scalars
        while i < lines.count {
            var block = lines[i]
            var j = i + 1
            while j < lines.count, isSingleLineBreak(scalars, from: block.end, to: lines[j].start) {
                block.end = lines[j].end
                j += 1
            }
            if j > i + 1 { multiLine += 1 }
            blocks.append(block)
            i = j
        }
        // Blank-line blocks are paragraphs only when the text has several and most of them wrap over lines;
        // otherwise (one paragraph per line, as most news text comes) every line is a paragraph.
        return blocks.count > 1 && multiLine * 2 > blocks.count ? blocks : lines
    }

    private static func isSingleLineBreak(_ scalars: [Unicode.Scalar], from: Int, to: Int) -> Bool {
        var breaks = 0
        for k in from..<to where scalars[k] == "\n" { breaks += 1 }
        return breaks == 1
    }

    /// Renders `text` with `highlights`; `after` gives HTML to place after the paragraph with the given index.
    static func render(_ text: ScalarText, paragraphs: [TextSpan], highlights: [Highlight], after: [Int: String] = [:]) -> String {
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
        func put(_ piece: Piece) {
            pool.withUnsafeBufferPointer { html.append(UnsafeBufferPointer(rebasing: $0[piece.range])) }
        }
        var stack: [Int] = []  // indices into elements, innermost last
        var pending: [Int] = []  // split by a paragraph end, to reopen in the next paragraph
        var next = 0
        var paragraphIndex = -1
        var position = elements.first?.start ?? 0
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
                if !stack.isEmpty { html.appendEscaped(text, position, boundary) }
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
    /// is sorted as one integer key (with its position for ties) when its offsets fit in 30 bits, as any article
    /// within the size limit does: comparing and moving two integers rather than whole elements.
    private static func sorted(_ elements: [Element]) -> [Element] {
        let limit = 1 << 30
        guard elements.allSatisfy({ $0.start >= 0 && $0.end >= 0 && $0.start < limit && $0.end < limit }) else {
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
/// pieces copied from where they lie rather than through a generic sequence of bytes.
struct HTMLBytes {
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
        buffer.write(atMost: 20) { out in
            var magnitude = value.magnitude
            var digits = 0
            repeat {
                digits += 1
                magnitude /= 10
            } while magnitude > 0
            let sign = value < 0 ? 1 : 0
            if sign == 1 { out[0] = UInt8(ascii: "-") }
            magnitude = value.magnitude
            var index = sign + digits
            repeat {
                index -= 1
                out[index] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
                magnitude /= 10
            } while magnitude > 0
            return sign + digits
        }
    }

    /// The text between two scalar offsets, escaped; line breaks become `<br>`. Written straight into room for
    /// the worst case (six bytes a scalar, for `&quot;`), of which only what was written counts.
    mutating func appendEscaped(_ text: ScalarText, _ start: Int, _ end: Int) {
        guard start < end else { return }
        // The scalars are read unchecked below: a span past the text must stop here, as indexing would.
        precondition(start >= 0 && end <= text.scalars.count, "span \(start)..<\(end) outside the text")
        text.scalars.withUnsafeBufferPointer { scalars in
            buffer.write(atMost: (end - start) * 6) { out in
                var n = 0
                func put(_ literal: StaticString) {
                    literal.withUTF8Buffer { for byte in $0 { out[n] = byte; n += 1 } }
                }
                for i in start..<end {
                    let value = scalars[i].value
                    switch value {
                    case 0x26: put("&amp;")
                    case 0x3C: put("&lt;")
                    case 0x3E: put("&gt;")
                    case 0x22: put("&quot;")
                    case 0x0A: put("<br>\n")
                    case 0x0D: continue
                    case 0..<0x80:
                        out[n] = UInt8(value)
                        n += 1
                    case 0x80..<0x800:
                        out[n] = UInt8(0xC0 | value >> 6)
                        out[n + 1] = UInt8(0x80 | value & 0x3F)
                        n += 2
                    case 0x800..<0x10000:
                        out[n] = UInt8(0xE0 | value >> 12)
                        out[n + 1] = UInt8(0x80 | (value >> 6) & 0x3F)
                        out[n + 2] = UInt8(0x80 | value & 0x3F)
                        n += 3
                    default:
                        out[n] = UInt8(0xF0 | value >> 18)
                        out[n + 1] = UInt8(0x80 | (value >> 12) & 0x3F)
                        out[n + 2] = UInt8(0x80 | (value >> 6) & 0x3F)
                        out[n + 3] = UInt8(0x80 | value & 0x3F)
                        n += 4
                    }
                }
                return n
            }
        }
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
