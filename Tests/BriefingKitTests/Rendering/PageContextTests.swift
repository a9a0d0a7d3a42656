import Testing

@testable import BriefingKit

@Suite("Page dates")
struct PageContextTests {
    @Test func isoDatesReadAsDayMonthYear() {
        #expect(PageContext.displayDate("2016-07-03") == "3 July 2016")
        #expect(PageContext.displayDate("2024-12-31T09:00:00Z") == "31 December 2024")
        #expect(PageContext.displayDate("0999-01-10") == "10 January 0999")
    }

    @Test func anythingElseIsShownAsWrittenOrNotAtAll() {
        #expect(PageContext.displayDate(nil) == nil)
        #expect(PageContext.displayDate("2016-07") == nil)
        #expect(PageContext.displayDate("2016-13-03") == "2016-13-03")
        #expect(PageContext.displayDate("2016/07/03") == "2016/07/03")
        // Not the digits-and-dashes form: the general reading, which takes what lies between the dashes.
        #expect(PageContext.displayDate("16-7-30000") == "30000 July 16")
        #expect(PageContext.displayDate("2016-07-0\u{301}3") == "2016-07-0\u{301}3")
    }
}

@Suite struct TemplateObjectTests {
    @Test func objectsAreEqualWhenTheirFieldsAreInOrderAndReadTheFirstOfARepeatedName() {
        let object: TemplateObject = ["name": "Ana", "count": .int(2), "name": "ignored"]
        #expect(object["name"] == .string("Ana"))
        #expect(object["count"] == .string("2"))
        #expect(object["missing"] == nil)
        let same: TemplateObject = ["name": "Ana", "count": .int(2), "name": "ignored"]
        let reordered: TemplateObject = ["count": .int(2), "name": "Ana", "name": "ignored"]
        #expect(object == same && object.hashValue == same.hashValue)
        #expect(object != reordered)
        var edited = object
        edited["count"] = .int(3)
        edited["extra"] = true
        edited["name"] = nil
        #expect(edited.fields.map { $0.0 } == ["count", "name", "extra"])
        #expect(edited["name"] == .string("ignored"))
    }
}
