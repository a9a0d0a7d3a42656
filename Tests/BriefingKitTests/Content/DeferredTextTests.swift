import Extraction
import Testing

@testable import BriefingKit

@Suite("Deferred text")
struct DeferredTextTests {
    let body = "“We will not wait,” said Ana Brown.\nThe dam — 40 m high — opened in 1961."

    @Test func textFromUTF8ReadsAsTheStringItEncodes() {
        let bytes = Array("xx".utf8) + Array(body.utf8) + Array("yy".utf8)
        let text = DeferredText(utf8: ByteSlice(bytes)[2..<(bytes.count - 2)])
        #expect(text.string == body)
        #expect(text.string == body)  // made once, read again
    }

    @Test func invalidBytesBecomeReplacementCharacters() {
        let text = DeferredText(utf8: ByteSlice([0x41, 0xFF, 0x42]))
        #expect(text.string == "A\u{FFFD}B")
    }

    @Test func withUTF8GivesTheSameBytesBeforeAndAfterTheStringIsMade() {
        let deferred = DeferredText(utf8: ByteSlice(Array(body.utf8)))
        #expect(deferred.withUTF8 { Array($0) } == Array(body.utf8))
        _ = deferred.string
        #expect(deferred.withUTF8 { Array($0) } == Array(body.utf8))
        #expect(DeferredText(body).withUTF8 { Array($0) } == Array(body.utf8))
    }

    @Test func equalityAndHashFollowTheText() {
        let deferred = DeferredText(utf8: ByteSlice(Array(body.utf8)))
        let made = DeferredText(body)
        #expect(deferred == made)
        #expect(deferred.hashValue == made.hashValue)
        #expect(deferred != DeferredText(body + "."))
    }

    @Test func anArticleSourceReadBackFromTheCacheHasItsBodyAndWritesTheSameBytes() throws {
        var metadata = ArticleMetadata()
        metadata.title = "The dam"
        let source = ArticleSource(
            path: "briefings/dam/a.txt", slug: "a", format: .text, body: body, bodyStart: 12, bodyLine: 4, metadata: metadata,
            credits: ["Photo: Ana Brown"])
        var writer = BinaryWriter(capacity: 256)
        writer.value(source)
        let bytes = writer.bytes
        let read = try BinaryReader.reading(bytes) { reader throws(BinaryReader.Corrupt) in try reader.value(ArticleSource.self) }

        // Written again before its body is read, it gives the bytes it was read from.
        var again = BinaryWriter(capacity: 256)
        again.value(read)
        #expect(again.bytes == bytes)
        #expect(read.body == body)
        #expect(read == source)

        let nothing = ArticleExtraction(title: nil, sentences: [], keyPoints: [], quotes: [], actors: [])
        var article = Article(source: read, body: read.body, extraction: nothing, actorMap: [:], title: "The dam")
        #expect(article.body == body)
        article.body = "Changed."
        #expect(article.source.body == "Changed.")
    }
}
