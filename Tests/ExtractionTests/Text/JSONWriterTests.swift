import Testing

@testable import Extraction

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

    @Test func theEightByteScanStopsAtExactlyTheBytesThatNeedAnEscape() {
        let stops: Set<UInt8> = Set(0x00..<0x20).union([0x22, 0x26, 0x3C, 0x3E, 0x5C, 0xE2])
        for position in 0..<8 {
            for value in 0...255 {
                // Every other byte an ordinary letter, or a byte next to the stops in value.
                for filler: UInt8 in [0x61, 0x21, 0x3D, 0x7F, 0xE1] {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[position] = UInt8(value)
                    let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    let expected = bytes.contains { stops.contains($0) }
                    #expect(JSONWriter.containsByteNeedingEscape(word) == expected, "byte \(value) at \(position) among \(filler)")
                }
            }
        }
    }

    @Test func escapesFoundAtEveryPlaceInALongString() {
        for special in ["\"", "\\", "\n", "<", ">", "&", "\u{2028}", "\u{1}"] {
            for position in 0..<20 {
                var json = JSONWriter()
                let text = String(repeating: "a", count: position) + special + String(repeating: "b", count: 19 - position)
                json.string(text)
                let escaped = ["\"": "\\\"", "\\": "\\\\", "\n": "\\n", "<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u{2028}": "\\u2028", "\u{1}": "\\u0001"][special]!
                #expect(json.output == "\"" + String(repeating: "a", count: position) + escaped + String(repeating: "b", count: 19 - position) + "\"")
            }
        }
    }

    @Test func commasSeparateValuesAtEveryDepthAndPairsWriteLikeTwoIntegerArrays() {
        var json = JSONWriter()
        json.beginObject()
        json.intPair(-1, 20)
        json.beginArray("spans")
        json.intPair(0, 3)
        json.beginArray()
        json.int(4)
        json.int(9)
        json.endArray()
        json.beginObject()
        json.endObject()
        json.intPair(10, 12)
        json.endArray()
        json.string("x", key: "after")
        json.endObject()
        #expect(json.output == "{[-1,20],\"spans\":[[0,3],[4,9],{},[10,12]],\"after\":\"x\"}")
    }
}
