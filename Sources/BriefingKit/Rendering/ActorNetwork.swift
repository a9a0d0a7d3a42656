import Extraction
import Foundation

/// An inline SVG of an actor and the actors they appear with most, placed on a circle around them.
enum ActorNetwork {
    /// The drawing, or an empty string when the actor shares no briefing with anyone.
    static func svg(center: SiteActor, site: Site, root: String, limit: Int = 10) -> String {
        precondition(limit <= layouts.count, "layouts are worked out for up to 10 nodes")
        // Only what is drawn: a whole actor copied would retain every string it holds, twice per drawing.
        let links = center.related.prefix(limit).compactMap { link in
            site.actors[link.id].map { Node(id: $0.id, name: $0.name, kind: $0.kind, count: link.count) }
        }
        guard !links.isEmpty else { return "" }
        let strongest = Double(links.map(\.count).max() ?? 1)
        // Written as bytes: the drawing is made of many small pieces, and strings grow slowly piece by piece.
        var svg = HTMLBytes(capacity: 1_024 + 320 * links.count)
        svg.append("<svg class=\"network\" viewBox=\"0 0 720 400\" aria-labelledby=\"network-title network-desc\"><title id=\"network-title\">")
        svg.appendEscaped(center.name)
        svg.append(" and the actors named with them</title><desc id=\"network-desc\">Shared briefings: ")
        for (index, actor) in links.enumerated() {
            if index > 0 { svg.append(", ") }
            svg.appendEscaped(actor.name)
            svg.append(" (")
            svg.append(actor.count)
            svg.append(")")
        }
        svg.append("</desc>")
        let layout = Self.layouts[links.count - 1]
        for (index, actor) in links.enumerated() {
            let place = layout[index]
            svg.append("<line class=\"network-edge\" x1=\"360\" y1=\"200\" x2=\"")
            svg.append(place.x)
            svg.append("\" y2=\"")
            svg.append(place.y)
            svg.append("\" stroke-width=\"")
            appendTenths(1 + 5 * Double(actor.count) / strongest, to: &svg)
            svg.append("\"></line>")
        }
        for (index, actor) in links.enumerated() {
            let place = layout[index]
            svg.append("<a href=\"")
            // The link's pieces appended one by one: `PageContext.actorPath` would build a string for each node.
            svg.append(root)
            svg.append("actors/")
            svg.append(actor.id)
            svg.append("/index.html")
            svg.append("\"><circle class=\"network-node kind-")
            svg.append(actor.kind.rawValue)
            svg.append("\" cx=\"")
            svg.append(place.x)
            svg.append("\" cy=\"")
            svg.append(place.y)
            svg.append("\" r=\"8\"></circle><text class=\"network-label\" x=\"")
            svg.append(place.labelX)
            svg.append("\" y=\"")
            svg.append(place.labelY)
            svg.append("\" text-anchor=\"")
            svg.append(place.anchor)
            svg.append("\">")
            svg.appendEscaped(short(actor.name))
            svg.append("</text></a>")
        }
        svg.append("<circle class=\"network-center kind-")
        svg.append(center.kind.rawValue)
        svg.append("\" cx=\"360\" cy=\"200\" r=\"14\"></circle><text class=\"network-label network-center-label\" x=\"360\" y=\"232\" text-anchor=\"middle\">")
        svg.appendEscaped(short(center.name))
        svg.append("</text></svg>")
        return svg.string
    }

    /// An actor drawn around the centre, and the briefings it shares with it.
    private struct Node {
        var id: String
        var name: String
        var kind: ActorKind
        var count: Int
    }

    /// Where the nodes of an n-node drawing go (n = 1…10), worked out once: coordinates as SVG text.
    private struct Place: Sendable {
        var x, y, labelX, labelY, anchor: String
    }

    private static let layouts: [[Place]] = (1...10).map { count in
        (0..<count).map { index in
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(count)
            let x = 360 + 150 * cos(angle)
            let y = 200 + 150 * sin(angle)
            let anchor = abs(cos(angle)) < 0.2 ? "middle" : (cos(angle) > 0 ? "start" : "end")
            let labelX = x + (anchor == "start" ? 12 : anchor == "end" ? -12 : 0)
            let labelY = y + (anchor == "middle" ? (sin(angle) > 0 ? 24 : -14) : 5)
            return Place(x: f(x), y: f(y), labelX: f(labelX), labelY: f(labelY), anchor: anchor)
        }
    }

    private static func short(_ name: String) -> String {
        // Counting Characters walks grapheme breaks; a name of at most 26 bytes has at most 26 of them.
        name.utf8.count <= 26 || name.count <= 26 ? name : String(name.prefix(25)) + "…"
    }

    /// `value` with one decimal (none when it is a whole number), appended without building a string.
    private static func appendTenths(_ value: Double, to svg: inout HTMLBytes) {
        let scaled = Int((value * 10).rounded())
        if scaled < 0 { svg.append("-") }
        svg.append(abs(scaled) / 10)
        if abs(scaled) % 10 != 0 {
            svg.append(".")
            svg.append(abs(scaled) % 10)
        }
    }

    /// One decimal, so output is stable across platforms.
    private static func f(_ value: Double) -> String {
        var text = HTMLBytes(capacity: 8)
        appendTenths(value, to: &text)
        return text.string
    }
}
