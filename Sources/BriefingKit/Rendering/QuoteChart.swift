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
        // Written as bytes: the chart is many small pieces, and strings grow slowly piece by piece.
        var svg = HTMLBytes(capacity: 512 + 400 * rows.count)
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ")
        svg.append(width)
        svg.append(" ")
        svg.append(height)
        svg.append("\" width=\"")
        svg.append(width)
        svg.append("\" height=\"")
        svg.append(height)
        svg.append("\" aria-labelledby=\"chart-title chart-desc\"><title id=\"chart-title\">Quotes per speaker</title><desc id=\"chart-desc\">")
        for (i, row) in rows.enumerated() {
            if i > 0 { svg.append(", ") }
            svg.appendEscaped(row.name)
            svg.append(": ")
            svg.append(row.count)
        }
        svg.append("</desc>")
        for (i, row) in rows.enumerated() {
            let y = 4 + i * rowHeight
            let length = max(2, row.count * barWidth / maximum)
            let label = row.name.utf8.count <= 24 || row.name.count <= 24 ? row.name : String(row.name.prefix(23)) + "…"
            if let href = row.href {
                svg.append("<a href=\"")
                svg.append(root)
                svg.append(href)
                svg.append("\">")
            }
            svg.append("<text class=\"chart-label\" x=\"")
            svg.append(labelWidth - 8)
            svg.append("\" y=\"")
            svg.append(y + 17)
            svg.append("\" text-anchor=\"end\">")
            svg.appendEscaped(label)
            svg.append("</text>")
            if row.href != nil { svg.append("</a>") }
            svg.append("<rect class=\"chart-bar\" x=\"")
            svg.append(labelWidth)
            svg.append("\" y=\"")
            svg.append(y + 4)
            svg.append("\" width=\"")
            svg.append(length)
            svg.append("\" height=\"")
            svg.append(rowHeight - 8)
            svg.append("\" rx=\"3\"></rect><text class=\"chart-value\" x=\"")
            svg.append(labelWidth + length + 6)
            svg.append("\" y=\"")
            svg.append(y + 17)
            svg.append("\">")
            svg.append(row.count)
            svg.append("</text>")
        }
        svg.append("</svg>")
        return svg.string
    }
}
