import Extraction
import FuzzSupport

/// Extraction over any text: never a crash or a hang, every span inside the text, in order, and quote text
/// equal to the text at its span.
runFuzzer { data, size in
    let input = text(data, size)
    let scalars = Array(input.unicodeScalars)
    let extraction = Extractor(options: ExtractionOptions(keyPointCount: 8)).extract(input)
    func valid(_ span: TextSpan) -> Bool { span.start >= 0 && span.start <= span.end && span.end <= scalars.count }
    var previous = 0
    for sentence in extraction.sentences {
        require(valid(sentence), "sentence \(sentence) outside 0..<\(scalars.count)")
        require(sentence.start >= previous, "sentences out of order at \(sentence)")
        previous = sentence.end
    }
    for point in extraction.keyPoints {
        require(point.sentence >= 0 && point.sentence < extraction.sentences.count, "key point index \(point.sentence)")
    }
    for quote in extraction.quotes {
        require(valid(quote.span), "quote \(quote.span) outside the text")
        let text = String(String.UnicodeScalarView(scalars[quote.span.start..<quote.span.end]))
        require(text == quote.text, "quote text differs from its span \(quote.span)")
        if let id = quote.speakerId { require(extraction.actors.contains { $0.id == id }, "speaker id \(id) names no actor") }
    }
    for actor in extraction.actors {
        require(!actor.id.isEmpty && !actor.name.isEmpty, "actor without id or name")
        for mention in actor.mentions { require(valid(mention), "mention \(mention) of \(actor.id) outside the text") }
    }
    if let headline = extraction.headline { require(valid(headline), "headline \(headline) outside the text") }
    return 0
}
