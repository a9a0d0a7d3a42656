import Foundation
import Hummingbird

/// Answers every request: the Host check first, then the live-reload stream or a file of the output folder.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let site: SitePath
    let hosts: HostPolicy
    let hub: ReloadHub
    /// The port actually bound (known only once the server runs when asked for port 0).
    let port: @Sendable () -> Int

    func respond(to request: Request, context: Context) async throws -> Response {
        // HTTP/1.1 requires exactly one Host; the first is moved to `authority`, so any left is a second one.
        if request.headers.contains(where: { $0.name.canonicalName == "host" }) {
            return Self.text(.badRequest, "Bad request: more than one Host header.\n")
        }
        guard request.head.authority != nil else { return Self.text(.badRequest, "Bad request: no Host header.\n") }
        guard hosts.allows(request.head.authority, port: port()) else {
            return Self.text(.forbidden, "Forbidden: this preview answers only to localhost.\n")
        }
        guard request.method == .get || request.method == .head else {
            var response = Self.text(.methodNotAllowed, "Only GET and HEAD.\n")
            response.headers[.allow] = "GET, HEAD"
            return response
        }
        let response = request.uri.path == LiveReloadScript.eventsPath ? events() : await file(request.uri.path)
        return request.method == .head ? response.createHeadResponse() : response
    }

    private func events() -> Response {
        var headers = Self.headers(type: "text/event-stream; charset=utf-8")
        // Some proxies hold back streamed responses unless told not to.
        if let buffering = HTTPFields.Element.Name("X-Accel-Buffering") { headers[buffering] = "no" }
        let hub = hub
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                let stream = hub.subscribe()
                // A dropped connection is retried after a second, not the browser's default of three or more.
                try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
                for await event in stream {
                    try await writer.write(ByteBuffer(string: event.wireFormat))
                }
                try await writer.finish(nil)
            })
    }

    private func file(_ rawPath: String) async -> Response {
        var resolution = site.resolve(rawPath)
        if resolution == .notFound, hub.isBuilding {
            // The writer swaps the output folder in two renames; a request between them finds nothing.
            // Waiting for the build to end gives the answer the next moment would.
            let deadline = ContinuousClock.now + .seconds(10)
            while hub.isBuilding, ContinuousClock.now < deadline {
                try? await Task.sleep(for: .milliseconds(20))
            }
            resolution = site.resolve(rawPath)
        }
        switch resolution {
        case .file(let path):
            return serve(path, status: .ok) ?? notFound()
        case .redirect(let location):
            var response = Response(status: .found, headers: Self.headers(type: "text/plain; charset=utf-8"))
            response.headers[.location] = location
            return response
        case .notFound:
            return notFound()
        case .forbidden:
            return Self.text(.forbidden, "Forbidden.\n")
        case .malformed:
            return Self.text(.badRequest, "Bad request: the path cannot be decoded.\n")
        }
    }

    private func serve(_ path: String, status: HTTPResponse.Status) -> Response? {
        // Read before the file: a page may then carry an older number than its content (one extra reload),
        // never a newer one (a missed reload).
        let build = hub.build
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let type = MediaType.of(path)
        let bytes = MediaType.isHTML(type) ? LiveReloadScript.inject(into: Array(data), build: build) : Array(data)
        return Response(status: status, headers: Self.headers(type: type), body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The site's own 404 page, or a bare one; either carries the script, so the error overlay shows even
    /// before the first good build.
    private func notFound() -> Response {
        if let page = site.notFoundPage(), let response = serve(page, status: .notFound) { return response }
        let html = "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Not found</title><body><h1>Not found</h1>"
            + "<p>Nothing here yet. Is the site built?</p></body></html>"
        return Response(
            status: .notFound, headers: Self.headers(type: "text/html; charset=utf-8"),
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: LiveReloadScript.inject(into: Array(html.utf8), build: hub.build))))
    }

    private static func text(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(status: status, headers: headers(type: "text/plain; charset=utf-8"), body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    /// Every answer is marked never to be cached: a preview must show the latest build on every load.
    private static func headers(type: String) -> HTTPFields {
        var headers: HTTPFields = [.contentType: type, .cacheControl: "no-store"]
        if let nosniff = HTTPFields.Element.Name("X-Content-Type-Options") { headers[nosniff] = "nosniff" }
        return headers
    }
}
