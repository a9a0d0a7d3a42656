import Foundation

/// An inline SVG of an actor and the actors they appear with most, placed on a circle around them.
enum ActorNetwork {
    /// The drawing, or an empty string when the actor shares no briefing with anyone.
    static func svg(center: SiteActor, site: Site, root: String, limit: Int = 10) -> String {
        precondition(limit <= layouts.count, "layouts are worked out for up to 10 nodes")
        let links = center.related.prefix(limit).compactMap { link in site.actors[link.id].map { ($0, link.count) } }
        guard !links.isEmpty else { return "" }
        let strongest = Double(links.map(\.1).max() ?? 1)
        let names = links.map { "\($0.0.name) (\($0.1))" }.joined(separator: ", ")
        var svg = "<svg class=\"network\" viewBox=\"0 0 720 400\" aria-labelledby=\"network-title network-desc\">"
        svg += "<title id=\"network-title\">\(HTML.escape(center.name)) and the actors named with them</title>"
        svg += "<desc id=\"network-desc\">Shared briefings: \(HTML.escape(names))</desc>"
        var nodes = ""
        let layout = Self.layouts[links.count - 1]
        for (index, (actor, count)) in links.enumerated() {
            let place = layout[index]
            let stroke = f(1 + 5 * Double(count) / strongest)
            svg += "<line class=\"network-edge\" x1=\"360\" y1=\"200\" x2=\"\(place.x)\" y2=\"\(place.y)\" stroke-width=\"\(stroke)\"></line>"
            nodes += "<a href=\"\(root)\(PageContext.actorPath(actor.id))\">"
            nodes += "<circle class=\"network-node kind-\(actor.kind.rawValue)\" cx=\"\(place.x)\" cy=\"\(place.y)\" r=\"8\"></circle>"
            nodes += "<text class=\"network-label\" x=\"\(place.labelX)\" y=\"\(place.labelY)\" text-anchor=\"\(place.anchor)\">"
            nodes += HTML.escape(short(actor.name)) + "</text></a>"
        }
        svg += nodes
        svg += "<circle class=\"network-center kind-\(center.kind.rawValue)\" cx=\"360\" cy=\"200\" r=\"14\"></circle>"
        svg += "<text class=\"network-label network-center-label\" x=\"360\" y=\"232\" text-anchor=\"middle\">\(HTML.escape(short(center.name)))</text>"
        return svg + "</svg>"
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
        name.count > 26 ? String(name.prefix(25)) + "…" : name
    }

    /// One decimal, so output is stable across platforms.
    private static func f(_ value: Double) -> String {
        let scaled = Int((value * 10).rounded())
        let sign = scaled < 0 ? "-" : ""
        let magnitude = abs(scaled)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
