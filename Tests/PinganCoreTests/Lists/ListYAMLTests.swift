import Foundation
import PinganCore
import Testing

@Suite("The canonical YAML form of responsibility lists")
struct ListYAMLTests {
    /// The lists with every source line number set to 0, which the canonical form does not keep.
    static func withoutLines(_ lists: [ResponsibilityList]) -> [ResponsibilityList] {
        func clear(_ item: ListItem) -> ListItem {
            var item = item
            item.line = 0
            item.subitems = item.subitems.map(clear)
            return item
        }
        return lists.map { list in
            var list = list
            list.line = 0
            list.chapters = list.chapters.map { chapter in
                var chapter = chapter
                chapter.line = 0
                chapter.items = chapter.items.map(clear)
                return chapter
            }
            list.negativeList = list.negativeList.map { entry in
                var entry = entry
                entry.line = 0
                return entry
            }
            return list
        }
    }

    @Test("Text → YAML → import gives the same lists for the shared sample, with the same reconciliation")
    func sampleRoundTrip() throws {
        // setup
        let parsed = ResponsibilityListTextParser.parse(try ListFixtures.sample())
        try #require(parsed.lists.count == 2)
        // act
        let yaml = ListYAMLDocument.export(parsed.lists)
        let read = try ListYAMLDocument.read(yaml)
        // verify
        #expect(read.lists == Self.withoutLines(parsed.lists))
        #expect(read.problems.map(\.message) == parsed.lists.flatMap { $0.reconcile() }.map(\.message))
        #expect(read.lists[0].negativeList.contains { $0.rule != nil })
        #expect(ListYAMLDocument.export(read.lists) == yaml)
    }

    @Test("The YAML is diff-friendly: one key per line, multi-line requirements as literal blocks")
    func readableShape() throws {
        let list = ResponsibilityList(
            title: "基础工作指引", statedPoints: 20,
            chapters: [
                ListChapter(
                    code: "一", title: "体系", statedPoints: 20,
                    items: [
                        ListItem(
                            code: "1", title: "领导责任", statedPoints: 20, requirement: "第一段。\n第二段。",
                            leadUnits: ["区委办", "区平安办"])
                    ])
            ])
        let yaml = ListYAMLDocument.export([list])
        #expect(yaml.contains("\n            requirement: |-\n              第一段。\n              第二段。\n"))
        #expect(yaml.contains("\n            lead_units:\n              - \"区委办\"\n              - \"区平安办\"\n"))
        #expect(yaml.contains("\n    points: 20\n"))
        #expect(try ListYAMLDocument.read(yaml).lists == [list])
    }

    @Test(
        "Any string survives the round trip: quotes, colons, hashes, YAML words, blanks, control characters",
        arguments: [
            "\"quoted\" and 'single'", "key: value # not a comment", "null", "~", "true", "- 1", "20", "  leading",
            "trailing  ", "tab\there", "line\r\nbreak", "back\\slash", "\u{0}\u{7}\u{1B}", "\u{2028}", "\u{FEFF}bom",
            "多行\n\n  缩进\n", "", "|-", "> folded", "[区委办]", "{}", "&anchor *alias !tag", "#hash", "---", "...",
            "é\u{301} 👨‍👩‍👧",
        ])
    func anyString(text: String) throws {
        let list = ResponsibilityList(
            title: "T" + text, documentTitle: text, introduction: text,
            chapters: [
                ListChapter(
                    code: text, title: text, description: text, leadUnits: [text],
                    items: [ListItem(code: text, title: text, requirement: text, participatingUnits: [text, text])])
            ],
            negativeList: [NegativeListEntry(code: text, text: text, notes: [text], flag: text)])
        let read = try ListYAMLDocument.read(ListYAMLDocument.export([list]))
        #expect(read.lists == [list])
    }

    @Test("Hand-written YAML is read: plain scalars, flow sequences, comments, folded blocks, compact sequences")
    func handWritten() throws {
        let yaml = """
            ---
            # edited by hand
            format: pingan.responsibility-lists/1
            lists:
            - title: 基础工作指引   # plain text
              points: 40
              chapters:
              - code: 一
                title: '健全''平安''体系'
                points: 40
                items:
                  - code: 1
                    title: 落实领导责任制
                    points: 40
                    lead_units: [区委办, "区平安办"]
                    requirement: >
                      区委、区政府把平安建设
                      纳入年度重点工作。
              negative_list:
                - text: 发生重大案件(-30分/件)
                  rule:
                    kind: per_incident
                    points: 30
                    counter: 件
                    cap: ~
            """
        let result = try ListYAMLDocument.read(yaml)
        let list = try #require(result.lists.first)
        #expect(list.statedPoints == 40)
        #expect(list.chapters[0].title == "健全'平安'体系")
        let item = try #require(list.chapters[0].items.first)
        #expect(item.code == "1")
        #expect(item.leadUnits == ["区委办", "区平安办"])
        #expect(item.requirement == "区委、区政府把平安建设 纳入年度重点工作。\n")
        #expect(list.negativeList[0].rule == DeductionRule(basis: .perIncident(points: 30, counter: "件")))
        #expect(result.problems.allSatisfy { $0.kind != .pointsMismatch })
    }

    @Test(
        "Malformed YAML is refused with the line or the field that is wrong",
        arguments: [
            ("format: pingan.responsibility-lists/1\nlists:\n  - title: \"open\n", "line 3:"),
            ("format: pingan.responsibility-lists/1\nlists:\n\t- title: x\n", "line 3: tabs"),
            ("format: other/2\nlists: []\n", "format: must be"),
            (
                "format: pingan.responsibility-lists/1\nlists:\n  - title: x\n    pionts: 3\n",
                "lists[0].pionts: unknown key"
            ),
            (
                "format: pingan.responsibility-lists/1\nlists:\n  - title: x\n    points: 12abc\n",
                "lists[0].points: must be a number"
            ),
            ("format: pingan.responsibility-lists/1\nlists:\n  - title: a\n    title: b\n", "line 4: the key"),
            ("format: pingan.responsibility-lists/1\nlists: &a []\n", "line 2: anchors"),
            ("just a sentence", "document: must be a mapping"),
        ])
    func malformed(yaml: String, expected: String) {
        #expect {
            try ListYAMLDocument.read(yaml)
        } throws: { error in
            guard case .malformed = error as? ListImportError else { return false }
            return "\(error)".contains(expected)
        }
    }

    @Test("A YAML document without lists, or a list that names no units, is refused before storing")
    func refusals() throws {
        let empty = Data("format: pingan.responsibility-lists/1\nlists: []\n".utf8)
        #expect(throws: ListImportError.noList) { try ListImportFormat.yaml.importDocument(empty, strict: false) }
        let bare = ListYAMLDocument.export([
            ResponsibilityList(
                title: "x", chapters: [ListChapter(code: "一", title: "y", items: [ListItem(code: "1", title: "z")])])
        ])
        #expect {
            try ListImportFormat.yaml.importDocument(Data(bare.utf8), strict: false)
        } throws: { error in
            guard case .refused(let reason) = error as? ListImportError else { return false }
            return reason.contains("names no units")
        }
    }
}
