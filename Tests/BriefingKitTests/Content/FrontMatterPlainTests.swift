import Testing

@testable import BriefingKit

/// The fast reading of plain front matter gives exactly what Yams gives (strings, quoting, lists, nulls,
/// lines and columns), and leaves to Yams everything it does not read itself.
@Suite("Plain front matter")
struct FrontMatterPlainTests {
    /// Every field as one comparable line: key, shape, line and column, nested values indented.
    func described(_ fields: [String: FrontMatterValue]) -> String {
        func describe(_ value: FrontMatterValue) -> String {
            let at = "@\(value.location.line ?? 0):\(value.location.column ?? 0)"
            switch value.shape {
            case .null: return "null" + at
            case .scalar(let text, let quoted): return (quoted ? "q" : "p") + "\"\(text)\"" + at
            case .list(let items): return "[" + items.map(describe).joined(separator: ", ") + "]" + at
            case .map(let entries): return "{" + entries.map { "\($0.0): \(describe($0.1))" }.joined(separator: ", ") + "}" + at
            }
        }
        return fields.keys.sorted().map { "\($0) = \(describe(fields[$0]!))" }.joined(separator: "\n")
    }

    func expectSameAsYAML(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let plain = try #require(
            FrontMatter.plainMapping(yaml, file: "a.txt", firstLine: 2), "not read as plain: \(yaml)", sourceLocation: sourceLocation)
        let parsed = try FrontMatter.yamlMapping(yaml, file: "a.txt", firstLine: 2)
        #expect(described(plain) == described(parsed), "\(yaml)", sourceLocation: sourceLocation)
    }

    @Test func typicalFrontMatterReadsAsYamsReadsIt() throws {
        try expectSameAsYAML(
            """
            title: "Trump’s plan: what it means"
            published: 2016-07-03
            tags: [politics, economy, foreign policy]
            draft: false
            # a comment line

            summary: It's the economy, stupid — again (2016).
            source: https://example.com/a?b=c&d=1#top
            """)
        try expectSameAsYAML("title: 'Single quoted #1'\r\nauthor: Ana Brown\r\ntags: []\r\n")
        try expectSameAsYAML("tags: [ Zürich ,São Paulo,x ]\nsticky: null\ncount: 12\nweird: a#b c:d [e] {f}")
        try expectSameAsYAML("list: [null, NULL, a]\nempty-quoted: \"\"\nkey_2: “Quoted” words\n")
        try expectSameAsYAML(String(repeating: "k", count: 1024) + ": longest key libyaml takes")
        try expectSameAsYAML("")
        try expectSameAsYAML("# only a comment\n\n   \n")
    }

    @Test func manyGeneratedValuesReadAsYamsReadsThem() throws {
        let values = [
            "plain words", "Ünïcödé — dash", "10:30", "3.14", "yes", "No", "Null", "a, b, c", "x'y", "C#", "a (aside)",
            "\"dq: with # and ' marks\"", "'sq \"with\" marks'", "[one]", "[a b, c d, e]", "[]", "[ ]", "email@example.org",
            "50% off", "a ? b", "a - b", "end.", "«guillemets»", "tab\u{00A0}nbsp",
        ]
        for (n, value) in values.enumerated() {
            let other = values[(n * 7 + 3) % values.count]
            try expectSameAsYAML("first: \(value)\nsecond-key:   \(other)   \nthird: \(value)")
        }
    }

    /// Random lines over the characters YAML treats specially: whenever the fast path reads one, Yams must
    /// accept it and read the same.
    @Test func randomLinesReadAsPlainAreReadTheSameByYAML() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        let pieces = [
            "a", "Z", "7", "é", "—", "“", " ", "  ", ":", ": ", "#", " #", "'", "\"", "[", "]", ",", ", ", "-", "?", "&", "*",
            "!", "|", ">", "%", "@", "`", "{", "}", "~", "null", "\\", "\t", "\r", "\u{00A0}", "\u{0085}", "x:y",
        ]
        var read = 0
        for _ in 0..<4000 {
            var lines: [String] = []
            for n in 0..<(1 + next(3)) {
                var value = ""
                for _ in 0..<(1 + next(6)) { value += pieces[next(pieces.count)] }
                lines.append(["k\(n): ", "k\(n):", "k-\(n): [", "# ", " k\(n): "][next(5)] + value + ["", "]", " "][next(3)])
            }
            let yaml = lines.joined(separator: "\n")
            guard let plain = FrontMatter.plainMapping(yaml, file: "a.txt", firstLine: 2) else { continue }
            read += 1
            let parsed: [String: FrontMatterValue]
            do { parsed = try FrontMatter.yamlMapping(yaml, file: "a.txt", firstLine: 2) } catch {
                Issue.record("read as plain but YAML refuses it: \(yaml.debugDescription): \(error)")
                continue
            }
            #expect(described(plain) == described(parsed), "\(yaml.debugDescription)")
        }
        // Enough of them are plain for the comparison to mean something.
        #expect(read > 300)
    }

    @Test func anythingElseIsLeftToYAML() {
        let others = [
            "title:", "title:   ", "title: |\n  block", "title: >\n  folded", "title: &a x\nother: *a", "title: !tag x",
            "title: \"esc\\\"aped\"", "title: x # comment", "title: x\ntitle: y", "title: a: b", "title: {a: 1}",
            "tags: [a, ]", "tags: [a, [b]]", "title:\tx", "title: a\u{0085}b", "title: a\u{2028}b", "- item",
            "title: \"quoted\" tail", "title: 'it''s'", "  indented: x", "title: x\n  continued", "\"key\": x",
            String(repeating: "k", count: 1025) + ": x", "title: -5", "title: ?x", "title: (aside)", "title: ~x", "title: x:", "key:value", "%YAML 1.2", "clé: x", "title: a\rb",
        ]
        for yaml in others {
            #expect(FrontMatter.plainMapping(yaml, file: "a.txt", firstLine: 1) == nil, "\(yaml)")
        }
    }

    @Test func errorsStillComeFromYAMLWithTheirLines() {
        do {
            _ = try FrontMatter.parse("---\ntitle: a\ntitle: b\n---\nBody", file: "a.txt")
            Issue.record("a key written twice was accepted")
        } catch {
            #expect(error.location?.line == 3)
            #expect(error.message.contains("duplicate key 'title'"))
        }
    }
}
