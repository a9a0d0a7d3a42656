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
