import CCmark

/// A top-level block of a rendered Markdown document.
public struct MarkdownBlock: Hashable, Sendable {
    /// The block kinds that matter to the site; everything else is `.other`.
    public enum Kind: String, Hashable, Sendable {
        case heading, blockQuote, thematicBreak, other
    }

    /// What kind of block this is.
    public var kind: Kind
    /// The block rendered to HTML (raw HTML in the source never passes through).
    public var html: String
    /// The block's text without markup, paragraphs joined by a space.
    public var text: String
    /// 1-based line of the block in the Markdown source.
    public var line: Int
    /// The `id` given to a heading, nil for other blocks.
    public var headingID: String?
    /// Heading level 1…6, 0 for other blocks.
    public var level: Int
}

/// A Markdown document rendered block by block.
public struct RenderedMarkdown: Hashable, Sendable {
    /// The top-level blocks in source order.
    public var blocks: [MarkdownBlock]

    /// The whole document as HTML.
    public var html: String { blocks.map(\.html).joined() }
}

/// Markdown to HTML through libcmark, with smart punctuation, UTF-8 validation and raw HTML suppressed.
public struct MarkdownRenderer: Sendable {
    /// The cmark options every render uses: never `CMARK_OPT_UNSAFE`.
    public static let options: Int32 = CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8

    /// Creates a renderer.
    public init() {}

    /// Renders `markdown`; `firstLine` is the file line on which `markdown` starts, so block lines are file lines.
    /// Heading ids are unique within the document and never collide with `reservedIDs`.
    public func render(_ markdown: String, firstLine: Int = 1, reservedIDs: Set<String> = []) -> RenderedMarkdown {
        var utf8 = Array(markdown.utf8)
        let root: OpaquePointer? = utf8.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parse_document($0, buffer.count, Self.options)
                }
            } ?? cmark_parse_document("", 0, Self.options)
        }
        guard let root else { return RenderedMarkdown(blocks: []) }
        defer { cmark_node_free(root) }

        var usedIDs = reservedIDs
        var blocks: [MarkdownBlock] = []
        var node = cmark_node_first_child(root)
        while let current = node {
            blocks.append(block(current, firstLine: firstLine, usedIDs: &usedIDs))
            node = cmark_node_next(current)
        }
        return RenderedMarkdown(blocks: blocks)
    }

    private func block(_ node: OpaquePointer, firstLine: Int, usedIDs: inout Set<String>) -> MarkdownBlock {
        let line = Int(cmark_node_get_start_line(node)) + firstLine - 1
        var html = Self.html(of: node)
        let text = Self.plainText(of: node)
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HEADING:
            let level = Int(cmark_node_get_heading_level(node))
            var id = HeadingID.make(text)
            if usedIDs.contains(id) {
                var n = 2
                while usedIDs.contains("\(id)-\(n)") { n += 1 }
                id = "\(id)-\(n)"
            }
            usedIDs.insert(id)
            let open = "<h\(level)>"
            if html.hasPrefix(open) {
                html = "<h\(level) id=\"\(id)\">" + html.dropFirst(open.count)
            }
            return MarkdownBlock(kind: .heading, html: html, text: text, line: line, headingID: id, level: level)
        case CMARK_NODE_BLOCK_QUOTE:
            return MarkdownBlock(kind: .blockQuote, html: html, text: text, line: line, headingID: nil, level: 0)
        case CMARK_NODE_THEMATIC_BREAK:
            return MarkdownBlock(kind: .thematicBreak, html: html, text: text, line: line, headingID: nil, level: 0)
        default:
            return MarkdownBlock(kind: .other, html: html, text: text, line: line, headingID: nil, level: 0)
        }
    }

    /// Renders one node (and its children) to HTML, freeing cmark's buffer.
    private static func html(of node: OpaquePointer) -> String {
        guard let buffer = cmark_render_html(node, options) else { return "" }
        defer { free(buffer) }
        return String(cString: buffer)
    }

    /// The text of a node's descendants: text and code literals, breaks as spaces, blocks separated by a space.
    static func plainText(of node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let current = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(current)
            switch (event, type) {
            case (CMARK_EVENT_ENTER, CMARK_NODE_TEXT), (CMARK_EVENT_ENTER, CMARK_NODE_CODE):
                if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
            case (CMARK_EVENT_ENTER, CMARK_NODE_SOFTBREAK), (CMARK_EVENT_ENTER, CMARK_NODE_LINEBREAK):
                text += " "
            case (CMARK_EVENT_EXIT, CMARK_NODE_PARAGRAPH), (CMARK_EVENT_EXIT, CMARK_NODE_HEADING):
                text += " "
            default:
                break
            }
        }
        while text.last == " " { text.removeLast() }
        return text
    }
}

/// Heading anchors: lower-case words joined by hyphens, as GitHub and most generators make them.
public enum HeadingID {
    /// The id for a heading's text ("Who said what?" → "who-said-what").
    public static func make(_ text: String) -> String {
        var id = ""
        var pendingHyphen = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || (scalar.value >= 0x30 && scalar.value <= 0x39) {
                if pendingHyphen && !id.isEmpty { id += "-" }
                pendingHyphen = false
                id.unicodeScalars.append(scalar)
            } else if scalar == " " || scalar == "-" || scalar == "_" {
                pendingHyphen = true
            }
        }
        return id.isEmpty ? "section" : id
    }
}
