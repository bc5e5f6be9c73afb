import Foundation
import PinganCore
import Testing

@Suite("The dry-run JSON of an import")
struct ListImportJSONTests {
    @Test("The JSON has the keys of issue 7 in order, with snake_case names")
    func shape() throws {
        let result = ResponsibilityListTextParser.parse(ListFixtures.fullWidthVariant)
        let json = ListImportJSON.encode(result)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["lists", "problems"])
        let list = try #require((object["lists"] as? [[String: Any]])?.first)
        #expect(Set(list.keys) == ["title", "points", "chapters", "negative_list"])
        let chapter = try #require((list["chapters"] as? [[String: Any]])?.first)
        #expect(Set(chapter.keys) == ["code", "title", "points", "items"])
        let item = try #require((chapter["items"] as? [[String: Any]])?.first)
        #expect(
            Set(item.keys) == ["code", "title", "points", "lead_units", "participating_units", "requirement"])
        #expect(item["lead_units"] as? [String] == ["区委政法委"])
        #expect((item["points"] as? NSNumber)?.doubleValue == 20.5)
        let order = ["\"title\"", "\"points\"", "\"chapters\"", "\"negative_list\""].compactMap {
            json.range(of: $0)?.lowerBound
        }
        #expect(order.count == 4 && order == order.sorted())
    }

    @Test("Problems carry their line and a message that starts with the severity")
    func problems() throws {
        let result = ResponsibilityListTextParser.parse(ListFixtures.mismatchVariant)
        let value = ListImportJSON.value(result)
        guard case .object(let fields) = value,
            case .array(let problems)? = fields.first(where: { $0.0 == "problems" })?.1
        else {
            Issue.record("no problems array")
            return
        }
        let first = try #require(problems.first)
        guard case .object(let problem) = first else {
            Issue.record("a problem is not an object")
            return
        }
        #expect(problem.map(\.0) == ["line", "message"])
        #expect(problem[0].1 == .number(1))
        guard case .string(let message) = problem[1].1 else {
            Issue.record("message is not a string")
            return
        }
        #expect(message.hasPrefix("error: list “专项工作指引” states 100 points"))
    }

    @Test("Rules are objects with their kind and figures, and flagged entries have a null rule")
    func rules() throws {
        let result = ResponsibilityListTextParser.parse(try ListFixtures.sample())
        let json = ListImportJSON.encode(result)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let list = try #require((object["lists"] as? [[String: Any]])?.first)
        let entries = try #require(list["negative_list"] as? [[String: Any]])
        #expect(entries.count == 5)
        let rate = try #require(entries[2]["rule"] as? [String: Any])
        #expect(rate["kind"] as? String == "rate_threshold")
        #expect(rate["per_population"] as? Int == 100_000)
        #expect(rate["cap"] as? Int == 30)
        #expect(entries[4]["rule"] is NSNull)
        let table = try #require((object["lists"] as? [[String: Any]])?.last)
        let task = try #require(((table["chapters"] as? [[String: Any]])?.first?["items"] as? [[String: Any]])?.first)
        #expect((task["items"] as? [[String: Any]])?.count == 2)
    }

    @Test("Strings are escaped and Chinese text is written as is")
    func escaping() {
        let output = ListImportJSON.encode(.array([.string("引号\"与\\换行\n\u{01}")]))
        #expect(output == "[\n  " + "\"引号\\\"与\\\\换行\\n\\u0001\"" + "\n]")
    }
}
