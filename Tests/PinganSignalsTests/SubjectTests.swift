import PinganSignals
import Testing

@Suite("Monitoring subjects")
struct SubjectTests {
    let normalizer = Normalizer()

    private func matches(_ expression: String, _ text: String) throws -> Bool {
        let subject = try SubjectExpression(name: "s", source: expression)
        return !SubjectMatcher(subjects: [subject]).match(normalizer.normalize(text).content).isEmpty
    }

    @Test("AND, OR, NOT, parentheses and quoted phrases combine as analysts write them")
    func booleanLogic() throws {
        let expression = "(东城区 OR 西城区) AND (火灾 | 起火) NOT 演习"
        #expect(try matches(expression, "东城区某小区发生火灾"))
        #expect(try matches(expression, "西城区一仓库起火"))
        #expect(try !matches(expression, "东城区消防演习，模拟火灾"))
        #expect(try !matches(expression, "朝阳区发生火灾"))
        #expect(try matches("\"第一 医院\" 火灾", "市第一医院发生火灾"))
        #expect(try matches("拖欠 + 工资 -演练", "公司拖欠工资三个月"))
        #expect(try matches("停水 与 (小区 或 街道)", "小区停水两天"))
    }

    @Test("operators are whole tokens, so a word like 非法集资 stays a term")
    func operatorsAreTokens() throws {
        #expect(try matches("非法集资", "警惕非法集资"))
        #expect(try !matches("警惕 非 法集资", "警惕非法集资"))
        #expect(try matches("警惕 非 诈骗", "警惕非法集资"))
    }

    @Test("terms are normalised like the text: traditional and full-width forms match")
    func normalisedTerms() throws {
        #expect(try matches("醫院 ＡＮＤ 火災", "医院发生火灾"))
    }

    @Test(
        "a syntax error names its position",
        arguments: [
            ("(火灾 OR 起火", 9), ("火灾 OR", 5), ("火灾 )", 3), ("\"火灾", 0), ("AND 火灾", 0), ("NOT 演习", 0),
        ])
    func syntaxErrors(source: String, position: Int) {
        #expect {
            try SubjectExpression(name: "bad", source: source)
        } throws: { error in
            guard case .subjectSyntax(let subject, let found, _) = error as? SignalsError else { return false }
            return subject == "bad" && found == position
        }
    }

    @Test("a thousand subjects are matched in one pass with the same results as one by one")
    func manySubjects() throws {
        var generator = SyntheticCorpus(seed: 11)
        let subjects = try generator.subjects(count: 1000).map {
            try SubjectExpression(name: $0.name, source: $0.expression)
        }
        let all = SubjectMatcher(subjects: subjects)
        for post in generator.stream(count: 200) {
            let content = normalizer.normalize(post.text).content
            let together = all.match(content)
            let separately = subjects.indices.filter {
                !SubjectMatcher(subjects: [subjects[$0]]).match(content).isEmpty
            }
            #expect(together == separately)
        }
    }

    @Test("a subjects file names the line of an error")
    func subjectsFile() throws {
        let subjects = try SubjectMatcher.parse(file: "# comment\nfire: 火灾 OR 起火\n\nwage = 拖欠 工资\n")
        #expect(subjects.map(\.name) == ["fire", "wage"])
        #expect(throws: SignalsError.self) { try SubjectMatcher.parse(file: "ok: 火灾\nbad: (火灾\n") }
    }

    @Test("Aho–Corasick reports overlapping patterns")
    func ahoCorasick() {
        let automaton = AhoCorasick(patterns: [[0x61, 0x62], [0x62, 0x63], [0x61, 0x62, 0x63, 0x64], [0x63]])
        #expect(automaton.matches(in: [0x61, 0x62, 0x63, 0x64]) == [0, 1, 2, 3])
        #expect(automaton.matches(in: [0x78, 0x62, 0x63]) == [1, 3])
    }
}
