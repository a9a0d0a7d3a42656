import Extraction
import Testing

@Suite struct JSONWriterTests {
    @Test func escapesEverythingJSONAndHTMLScriptsNeed() {
        var json = JSONWriter()
        json.string("a\"b\\c\nd\te\u{1}<script>&\u{2028}é—“ok”")
        #expect(json.output == "\"a\\\"b\\\\c\\nd\\te\\u0001\\u003cscript\\u003e\\u0026\\u2028é—“ok”\"")
    }

    @Test func escapesAtTheEdgesOfAString() {
        var json = JSONWriter()
        json.beginArray()
        json.string("\u{2029}")
        json.string("a\u{1B}")
        json.string("\u{7F}ü\"")
        json.string("")
        json.string("\u{E2}\u{2014}")
        json.endArray()
        #expect(json.output == "[\"\\u2029\",\"a\\u001b\",\"\u{7F}ü\\\"\",\"\",\"\u{E2}\u{2014}\"]")
    }

    @Test func negativeAndSmallFractions() {
        var json = JSONWriter()
        json.beginArray()
        for value in [-0.5, -1.25, 0.0005, 0.00004, -3.0, 12.3400] { json.number(value) }
        json.endArray()
        #expect(json.output == "[-0.5,-1.25,0.0005,0,-3,12.34]")
    }

    @Test func objectsArraysAndNumbers() {
        var json = JSONWriter()
        json.beginObject()
        json.int(1, key: "version")
        json.beginArray("spans")
        json.beginArray()
        json.int(0)
        json.int(12)
        json.endArray()
        json.endArray()
        json.number(0.93456, key: "score")
        json.number(2, key: "whole")
        json.string(nil, key: "speaker")
        json.bool(true, key: "ok")
        json.endObject()
        #expect(json.output == "{\"version\":1,\"spans\":[[0,12]],\"score\":0.9346,\"whole\":2,\"speaker\":null,\"ok\":true}")
    }

    @Test func longStringsAreLinear() {
        // 200,000 short strings: a quadratic append would take minutes, this takes milliseconds.
        var json = JSONWriter()
        json.beginArray()
        for i in 0..<200_000 { json.string("quote \(i) with \"marks\"") }
        json.endArray()
        #expect(json.output.utf8.count > 4_000_000)
        #expect(json.output.hasSuffix("\"quote 199999 with \\\"marks\\\"\"]"))
    }
}
