import Testing

@testable import BriefingKit

@Suite struct CreditsBlockTests {
    @Test func trailingCreditsBecomeMetadata() throws {
        let text = """
            The mayor spoke on Monday.
            The council voted on Tuesday.
            Smith reported from Oslo, Norway. Ann Lee in Bergen; Ola Berg in Oslo, Norway; and Bo K. Dahl and Eva Ruud in Tromsø contributed to this report.
            Excerpts: The daily ledger
            COMMENTS
            """
        let block = try #require(CreditsBlock.find(in: text))
        #expect(block.reporters == ["Smith"])
        #expect(block.contributors == ["Ann Lee", "Ola Berg", "Bo K. Dahl", "Eva Ruud"])
        #expect(block.source == "The daily ledger")
        #expect(block.lines.count == 3)
        let body = String(String.UnicodeScalarView(Array(text.unicodeScalars)[..<block.start]))
        #expect(body == "The mayor spoke on Monday.\nThe council voted on Tuesday.")
    }

    @Test func articleWithoutCreditsHasNone() {
        #expect(CreditsBlock.find(in: "One line.\nAnother line, reported widely.\n") == nil)
    }
}
