import Foundation
import Testing

@testable import Extraction

@Suite("Gazetteer lists")
struct GazetteerTests {
    @Test func linesSkipCommentsBlanksAndCarriageReturns() {
        let data = Data("# places\r\nParis|Paname\r\n\nLyon\n#Lille\nNîmes".utf8)
        #expect(Gazetteer.lines(of: data) == ["Paris|Paname", "Lyon", "Nîmes"])
    }

    @Test func aFileThatIsNotUTF8GivesNoLines() {
        #expect(Gazetteer.lines(of: Data([0x41, 0xFF, 0x0A, 0x42])).isEmpty)
    }

    @Test func fieldsSplitOnTheSeparatorWithALimitAndEmptyFieldsOnRequest() {
        #expect(Gazetteer.fields("United Kingdom|UK||Britain", "|") == ["United Kingdom", "UK", "Britain"])
        #expect(Gazetteer.fields("lord mayor|hm|extra", "|", limit: 2) == ["lord mayor", "hm|extra"])
        #expect(Gazetteer.fields("the  white house", " ", keepingEmpty: true) == ["the", "", "white", "house"])
    }

    @Test func listsReadFromAFolderReachTheLexicon() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gazetteer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = [
            "countries.txt": "# name|aliases\nUnited Kingdom|UK|Britain\n",
            "roles.txt": "senator\nmrs.|hf\nbaker|s\nlord mayor|m\n",
            "first-names.txt": "Ana f\nJohn m\nRobin\n",
            "organizations.txt": "The White House|White House\n",
        ]
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        let gazetteer = Gazetteer(directory: folder)

        #expect(gazetteer.places["britain"] == "United Kingdom")
        #expect(gazetteer.countries == ["United Kingdom"])
        #expect(gazetteer.roles["mrs."]?.isHonorific == true)
        #expect(gazetteer.roles["mrs."]?.gender == .female)
        #expect(gazetteer.roles["baker"]?.isSurname == true)
        #expect(gazetteer.longestRole == 2)
        #expect(gazetteer.firstNames["ana"] == .female)
        #expect(gazetteer.firstNames["robin"] == .unknown)
        #expect(gazetteer.wordClass("john").contains(.firstNameMale))
        #expect(gazetteer.wordClass("white").contains(.knownStartAfterThe))
        #expect(gazetteer.wordClass("the").contains(.knownStart))
        #expect(gazetteer.wordClass("uk").contains(.place))
        #expect(gazetteer.wordClass("unlisted").isEmpty)
    }
}
