import Foundation

/// An inline SVG of an actor and the actors they appear with most, placed on a circle around them.
enum ActorNetwork {
    /// The drawing, or an empty string when the actor shares no briefing with anyone.
    static func svg(center: SiteActor, site: Site, root: String, limit: Int = 10) -> String {
        let links = center.related.prefix(limit).compactMap { link in site.actors[link.id].map { ($0, link.count) } }
        guard !links.isEmpty else { return "" }
        let width = 720.0
        let height = 400.0
        let cx = width / 2
        let cy = height / 2
        let radius = 150.0
        let strongest = Double(links.map(\.1).max() ?? 1)
        let names = links.map { "\($0.0.name) (\($0.1))" }.joined(separator: ", ")
        var svg = "<svg class=\"network\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" aria-labelledby=\"network-title network-desc\">"
        svg += "<title id=\"network-title\">\(HTML.escape(center.name)) and the actors named with them</title>"
        svg += "<desc id=\"network-desc\">Shared briefings: \(HTML.escape(names))</desc>"
        var nodes = ""
        for (index, (actor, count)) in links.enumerated() {
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(links.count)
            let x = cx + radius * cos(angle)
            let y = cy + radius * sin(angle)
            let stroke = 1 + 5 * Double(count) / strongest
            svg += "<line class=\"network-edge\" x1=\"\(f(cx))\" y1=\"\(f(cy))\" x2=\"\(f(x))\" y2=\"\(f(y))\" stroke-width=\"\(f(stroke))\"></line>"
            let anchor = abs(cos(angle)) < 0.2 ? "middle" : (cos(angle) > 0 ? "start" : "end")
            let labelX = x + (anchor == "start" ? 12 : anchor == "end" ? -12 : 0)
            let labelY = y + (anchor == "middle" ? (sin(angle) > 0 ? 24 : -14) : 5)
            nodes += "<a href=\"\(root)\(PageContext.actorPath(actor.id))\">"
            nodes += "<circle class=\"network-node kind-\(actor.kind.rawValue)\" cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"8\"></circle>"
            nodes += "<text class=\"network-label\" x=\"\(f(labelX))\" y=\"\(f(labelY))\" text-anchor=\"\(anchor)\">\(HTML.escape(short(actor.name)))</text></a>"
        }
        svg += nodes
        svg += "<circle class=\"network-center kind-\(center.kind.rawValue)\" cx=\"\(f(cx))\" cy=\"\(f(cy))\" r=\"14\"></circle>"
        svg += "<text class=\"network-label network-center-label\" x=\"\(f(cx))\" y=\"\(f(cy + 32))\" text-anchor=\"middle\">\(HTML.escape(short(center.name)))</text>"
        return svg + "</svg>"
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
