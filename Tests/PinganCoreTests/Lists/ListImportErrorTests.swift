import Foundation
import PinganCore
import Testing

@Suite("Refusing documents that cannot be imported")
struct ListImportErrorTests {
    @Test("An empty or blank document is refused as empty")
    func empty() {
        #expect(throws: ListImportError.empty) { try ResponsibilityListTextParser.text(from: Data()) }
        #expect(throws: ListImportError.empty) {
            try ResponsibilityListTextParser.text(from: Data(" \n\u{3000}\r\n".utf8))
        }
    }

    @Test("A document that is not UTF-8 is refused")
    func notUTF8() {
        // "平安" in GB18030, as Windows saves Chinese text by default.
        #expect(throws: ListImportError.notUTF8) {
            try ResponsibilityListTextParser.text(from: Data([0xC6, 0xBD, 0xB0, 0xB2]))
        }
    }

    @Test("A document over 50 MB is refused with its size")
    func tooLarge() {
        let limit = ResponsibilityListTextParser.maximumBytes
        #expect(limit == 52_428_800)
        #expect(throws: ListImportError.tooLarge(bytes: limit + 1, limit: limit)) {
            try ResponsibilityListTextParser.text(from: Data(count: limit + 1))
        }
    }

    @Test("A document without a list, or with a list that names no units, is refused with a clear reason")
    func noListOrUnits() {
        #expect(throws: ListImportError.noList) {
            try ResponsibilityListTextParser.importDocument(Data("关于开展平安宣传的通知\n".utf8), strict: false)
        }
        let bare = Data("基础工作(20分)\n一、宣传(20分)\n1.宣传活动(20分)\n每季度开展一次。\n".utf8)
        #expect(throws: ListImportError.refused("list “基础工作” names no units (no 牵头单位, 参与单位 or 责任部门)")) {
            try ResponsibilityListTextParser.importDocument(bare, strict: false)
        }
    }

    @Test("The sample imports, but a strict import refuses its warnings")
    func strictness() throws {
        let data = Data(try ListFixtures.sample().utf8)
        let result = try ResponsibilityListTextParser.importDocument(data, strict: false)
        #expect(result.lists.count == 2)
        #expect(throws: ListImportError.self) { try ResponsibilityListTextParser.importDocument(data, strict: true) }
    }

    @Test("Every error reads as one line")
    func messages() {
        let errors: [ListImportError] = [.tooLarge(bytes: 60_000_000, limit: 52_428_800), .notUTF8, .empty, .noList]
        #expect(errors.allSatisfy { !$0.description.isEmpty && !$0.description.contains("\n") })
        #expect(ListImportError.tooLarge(bytes: 60_000_000, limit: 52_428_800).description.contains("50 MB"))
    }
}
