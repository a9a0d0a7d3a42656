import Extraction
import Testing

@testable import BriefingKit

@Suite struct PassageMatcherTests {
    let text = "The minister said the plan was “unrealistic.”\nShe added that talks would resume in  June, after the vote."

    @Test func matchesIgnoringCaseSpacesAndQuoteMarks() throws {
        let matcher = PassageMatcher(text: text)
        let span = try #require(matcher.find("the plan was \"Unrealistic.\""))
        #expect(Array(text.unicodeScalars)[span.start..<span.end].map(String.init).joined() == "the plan was “unrealistic.")
    }

    @Test func matchesAcrossCollapsedWhiteSpace() throws {
        let span = try #require(PassageMatcher(text: text).find("talks would resume in June"))
        #expect(span.start == 61)
    }

    @Test func ellipsisSkipsWords() throws {
        let span = try #require(PassageMatcher(text: text).find("She added … after the vote"))
        #expect(span.start == 46)
        #expect(span.end == text.unicodeScalars.count - 1)
    }

    @Test func unrelatedTextDoesNotMatch() {
        #expect(PassageMatcher(text: text).find("the plan was realistic") == nil)
        #expect(PassageMatcher(text: text).find("plan") == nil)  // too short to anchor
    }
}
