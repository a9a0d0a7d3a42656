/// An inline SVG bar chart of how often each speaker is quoted.
enum QuoteChart {
    /// The chart, or an empty string when nobody is quoted. `href`s are relative to the site root.
    static func svg(speakers: [(name: String, href: String?, count: Int)], root: String, limit: Int = 12) -> String {
        let rows = Array(speakers.prefix(limit))
        guard let maximum = rows.map(\.count).max(), maximum > 0 else { return "" }
        let rowHeight = 26
        let labelWidth = 170
        let barWidth = 260
        let height = rows.count * rowHeight + 8
        let width = labelWidth + barWidth + 48
        let summary = rows.map { "\($0.name): \($0.count)" }.joined(separator: ", ")
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" aria-labelledby=\"chart-title chart-desc\">"
        svg += "<title id=\"chart-title\">Quotes per speaker</title>"
        svg += "<desc id=\"chart-desc\">\(HTML.escape(summary))</desc>"
        for (i, row) in rows.enumerated() {
            let y = 4 + i * rowHeight
            let length = max(2, row.count * barWidth / maximum)
            let label = row.name.utf8.count <= 24 || row.name.count <= 24 ? row.name : String(row.name.prefix(23)) + "…"
            let text = "<text class=\"chart-label\" x=\"\(labelWidth - 8)\" y=\"\(y + 17)\" text-anchor=\"end\">\(HTML.escape(label))</text>"
            if let href = row.href {
                svg += "<a href=\"\(root)\(href)\">\(text)</a>"
            } else {
                svg += text
            }
            svg += "<rect class=\"chart-bar\" x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(length)\" height=\"\(rowHeight - 8)\" rx=\"3\"></rect>"
            svg += "<text class=\"chart-value\" x=\"\(labelWidth + length + 6)\" y=\"\(y + 17)\">\(row.count)</text>"
        }
        return svg + "</svg>"
    }
}
