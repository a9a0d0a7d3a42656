import Testing

@testable import BriefingKit

@Suite struct FrontMatterTests {
    @Test func splitsFieldsFromBody() throws {
        let text = "---\ntitle: Hello\ntags: [a, b]\n---\nBody line\n"
        let matter = try FrontMatter.parse(text, file: "x.md")
        #expect(try matter.fields["title"]?.string("title") == "Hello")
        #expect(try matter.fields["tags"]?.strings("tags") == ["a", "b"])
        #expect(matter.body == "Body line\n")
        #expect(matter.bodyLine == 5)
        #expect(matter.bodyOffset == 34)
        #expect(Array(text.unicodeScalars)[matter.bodyOffset] == "B")
    }

    @Test func noFrontMatterKeepsWholeText() throws {
        let matter = try FrontMatter.parse("Just text\n", file: "x.txt")
        #expect(matter.fields.isEmpty)
        #expect(matter.body == "Just text\n")
        #expect(matter.bodyOffset == 0)
    }

    @Test func crlfAndBOMAreAccepted() throws {
        let text = "\u{FEFF}---\r\ntitle: Hi\r\n---\r\nBody"
        let matter = try FrontMatter.parse(text, file: "x.md")
        #expect(try matter.fields["title"]?.string("title") == "Hi")
        #expect(matter.body == "Body")
        #expect(Array(text.unicodeScalars)[matter.bodyOffset] == "B")
    }

    @Test func unclosedFrontMatterNamesLineOne() {
        #expect {
            try FrontMatter.parse("---\ntitle: x\nbody", file: "b/index.md")
        } throws: { error in
            let error = error as? BuildError
            return error?.location == SourceLocation(file: "b/index.md", line: 1, column: 1) && error?.message.contains("never closed") == true
        }
    }

    @Test func badIndentationNamesItsFileLine() {
        // Line 3 of the file is the badly indented key.
        let text = "---\ntitle: x\n  date: 2024-01-01\n---\n"
        #expect {
            try FrontMatter.parse(text, file: "b/index.md")
        } throws: { error in
            guard let error = error as? BuildError, let line = error.location?.line else { return false }
            return error.location?.file == "b/index.md" && line == 3 && error.message.hasPrefix("invalid YAML")
        }
    }

    @Test func duplicateKeyNamesTheSecondLine() {
        let text = "---\ntitle: a\ndate: 2024-01-01\ntitle: b\n---\n"
        #expect {
            try FrontMatter.parse(text, file: "b/index.md")
        } throws: { error in
            guard let error = error as? BuildError else { return false }
            return error.location?.line == 4 && error.message.contains("duplicate key 'title'")
        }
    }

    @Test func wrongTypeNamesTheValueLine() throws {
        let text = "---\ntitle: a\ntags:\n  nested: map\n---\n"
        let matter = try FrontMatter.parse(text, file: "b/index.md")
        #expect {
            try matter.fields["tags"]?.strings("tags")
        } throws: { error in
            guard let error = error as? BuildError else { return false }
            return error.location?.line == 4 && error.message == "'tags' must be a list of text values"
        }
    }

    @Test func unclosedQuoteNamesTheLineItOpensOn() {
        let text = "---\ntitle: \"Half a title\ndate: 2025-02-12\nsummary: fine\n---\nBody\n"
        #expect {
            try FrontMatter.parse(text, file: "b/index.md")
        } throws: { error in
            guard let error = error as? BuildError else { return false }
            return error.location == SourceLocation(file: "b/index.md", line: 2, column: 8) && error.message.contains("quoted scalar")
        }
    }

    @Test func aTabBeforeAKeyNamesItsOwnLine() {
        let text = "---\ntitle: x\ndate: 2025-02-12\n\tsummary: y\n---\nBody\n"
        #expect {
            try FrontMatter.parse(text, file: "b/index.md")
        } throws: { error in
            guard let error = error as? BuildError else { return false }
            return error.location?.line == 4 && error.message.contains("tab")
        }
    }

    @Test func tagsOnOneLineAreSplitAtCommas() throws {
        let matter = try FrontMatter.parse("---\ntags: russia, ukraine ,, talks\nother: [a, b]\n---\n", file: "x.md")
        #expect(try matter.fields["tags"]?.tags("tags") == ["russia", "ukraine", "talks"])
        #expect(try matter.fields["other"]?.tags("other") == ["a", "b"])
    }
}
