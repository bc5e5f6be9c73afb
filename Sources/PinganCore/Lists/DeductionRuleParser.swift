import Foundation

/// Reads the deduction a negative-list entry writes in prose (BRIEF §4, issue 7 "Deduction rules").
///
/// Grammar, after folding full-width characters and removing blanks; the deduction sits in parentheses that contain
/// "分", its clauses separated by commas, semicolons or "、":
/// - per incident: `-30分/件`, `扣5分/起`, `每起扣5分` (measure words 件 起 次 例 宗 个 家 处);
/// - per person: `-3分/人` (人, 名, 人次);
/// - by severity: `特别重大-30分/件,重大-10分/件` — every clause labelled;
/// - threshold on a rate: the entry names a rate and a threshold before the parentheses, `万人命案发案率>0.6`
///   (comparisons `>` `≥` `<` `≤` 超过 高于 大于 低于 小于 不足; 万人 = per 10,000, 十万人 = per 100,000, or `%`),
///   and the parentheses give the first deduction `超过即-20分`, optional further steps `每超过0.1再-10分`;
/// - a cap in any rule: `最多共扣50分`, `最高扣20分`, `累计不超过30分`;
/// - a note that defines the population base ("……的人口基数为上一年度常住人口。") is kept with a rate rule.
///
/// Anything else — an amount that does not say per what ("(-10分)"), a veto (一票否决), clauses of different
/// kinds mixed — is flagged with the reason, so that the rule is entered by hand.
public enum DeductionRuleParser {
    /// The rule read from the prose, or why none could be read.
    public enum Outcome: Sendable, Equatable {
        /// The rule.
        case rule(DeductionRule)
        /// The reason the prose could not be read, for the person who enters the rule by hand.
        case flagged(String)
    }

    private enum Clause {
        case counted(label: String, points: Decimal, counter: String)
        case first(points: Decimal, written: String)
        case step(size: Decimal, points: Decimal)
        case cap(Decimal)
        case neutral
        case unknown(String)
    }

    /// Reads the rule of an entry from its `text` and the definition `notes` that follow it.
    public static func parse(_ text: String, notes: [String] = []) -> Outcome {
        let folded = ListText.compact(ListText.fold(text))
        if folded.contains("一票否决") {
            return .flagged("一票否决 (one-vote veto) is not a points deduction; record it with the accountability ladder")
        }
        let (main, groups) = split(folded)
        let deductionText = groups.isEmpty ? main : groups.joined(separator: ",")
        let clauses = deductionText.split { ",;、".contains($0) }.map { classify(String($0)) }
        var counted: [(String, Decimal, String)] = []
        var firsts: [(Decimal, String)] = []
        var steps: [(Decimal, Decimal)] = []
        var caps: [Decimal] = []
        for clause in clauses {
            switch clause {
            case .counted(let label, let points, let counter): counted.append((label, points, counter))
            case .first(let points, let written): firsts.append((points, written))
            case .step(let size, let points): steps.append((size, points))
            case .cap(let points): caps.append(points)
            case .neutral: break
            case .unknown(let written):
                return .flagged("cannot read the deduction “\(written)”; enter the rule by hand")
            }
        }
        guard caps.count <= 1 else { return .flagged("more than one cap; enter the rule by hand") }
        if !firsts.isEmpty || !steps.isEmpty {
            guard counted.isEmpty else {
                return .flagged("mixes counted deductions with threshold steps; enter the rule by hand")
            }
            guard let threshold = rateThreshold(main) else {
                guard let first = firsts.first, steps.isEmpty else {
                    return .flagged("threshold steps without a rate and threshold such as “万人命案发案率>0.6”")
                }
                return .flagged("deduction “\(first.1)” does not say per what (件, 起, 人); enter the rule by hand")
            }
            guard firsts.count == 1, steps.count <= 1, let first = firsts.first else {
                return .flagged("a rate threshold needs one first deduction and at most one step; enter it by hand")
            }
            var rate = threshold
            rate.firstDeduction = first.0
            rate.stepSize = steps.first?.0
            rate.stepDeduction = steps.first?.1
            rate.populationBase = populationBase(notes)
            return .rule(DeductionRule(basis: .rateThreshold(rate), cap: caps.first))
        }
        guard !counted.isEmpty else { return .flagged("no deduction found in the entry; enter the rule by hand") }
        let labelled = counted.filter { !$0.0.isEmpty }
        if labelled.isEmpty {
            guard counted.count == 1, let only = counted.first else {
                return .flagged("several deductions without a severity; enter the rule by hand")
            }
            let basis: DeductionRule.Basis =
                ["人", "名", "人次"].contains(only.2)
                ? .perPerson(points: only.1) : .perIncident(points: only.1, counter: only.2)
            return .rule(DeductionRule(basis: basis, cap: caps.first))
        }
        guard labelled.count == counted.count else {
            return .flagged("some deductions name a severity and some do not; enter the rule by hand")
        }
        let severities = counted.map { DeductionRule.SeverityStep(severity: $0.0, points: $0.1, counter: $0.2) }
        return .rule(DeductionRule(basis: .perIncidentBySeverity(severities), cap: caps.first))
    }

    /// The text outside parentheses, and the contents of the parentheses that hold a deduction (contain "分").
    private static func split(_ text: String) -> (String, [String]) {
        var main = ""
        var groups: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            switch character {
            case "(", "[", "【":
                if depth > 0 { current.append(character) }
                depth += 1
            case ")", "]", "】":
                depth = max(depth - 1, 0)
                if depth == 0 {
                    if current.contains("分") { groups.append(current) } else { main += "(\(current))" }
                    current = ""
                } else {
                    current.append(character)
                }
            default:
                if depth > 0 { current.append(character) } else { main.append(character) }
            }
        }
        if depth > 0 { main += "(" + current }
        return (main, groups)
    }

    private static func classify(_ clause: String) -> Clause {
        if clause.isEmpty || clause == "扣完为止" || clause == "上不封顶" { return .neutral }
        if let match = clause.wholeMatch(
            of: #/(?:最多|最高|累计最多|累计最高|累计不超过|累计|上限|封顶|共计最多)共?(?:扣除|扣|-)?(\d+(?:\.\d+)?)分(?:为止|封顶)?/#),
            let points = ListText.decimal(match.1)
        {
            return .cap(points)
        }
        if let match = clause.wholeMatch(
            of:
                #/每(?:超过|超出|高于|高出|多|增加|上升|低于|低|高|下降|减少)(\d+(?:\.\d+)?)(?:%|个百分点)?(?:再|另|加|追加|增)?(?:扣除|扣|减|-)(\d+(?:\.\d+)?)分/#
        ),
            let size = ListText.decimal(match.1), let points = ListText.decimal(match.2)
        {
            return .step(size: size, points: points)
        }
        if let match = clause.wholeMatch(
            of: #/(.*?)(?:扣除|扣|减|-)(\d+(?:\.\d+)?)分\/(件|起|次|例|宗|个|家|处|人次|人|名)/#),
            let points = ListText.decimal(match.2)
        {
            return .counted(label: label(match.1), points: points, counter: String(match.3))
        }
        if let match = clause.wholeMatch(
            of: #/(.*?)每(?:发生)?一?(件|起|次|例|宗|个|家|处|人次|人|名)(?:扣除|扣|减|-)(\d+(?:\.\d+)?)分/#),
            let points = ListText.decimal(match.3)
        {
            return .counted(label: label(match.1), points: points, counter: String(match.2))
        }
        if let match = clause.wholeMatch(
            of: #/(?:超过|超出|超标|高于|高出|大于|达到|低于|小于|少于|不足|未达到|未达)?即?(?:扣除|扣|减|-)(\d+(?:\.\d+)?)分/#),
            let points = ListText.decimal(match.1)
        {
            return .first(points: points, written: clause)
        }
        return clause.contains("分") ? .unknown(clause) : .neutral
    }

    private static func label(_ text: some StringProtocol) -> String {
        var label = String(text)
        for ending in ["的", "事故", "案件"] where label.hasSuffix(ending) && label.count > ending.count {
            label.removeLast(ending.count)
            break
        }
        return label
    }

    /// The rate, comparison and threshold written before the parentheses ("万人命案发案率>0.6").
    private static func rateThreshold(_ main: String) -> DeductionRule.RateThreshold? {
        guard
            let match = main.firstMatch(
                of: #/([^,;。()]*?率)(>=|≥|>|<=|≤|<|超过|高于|大于|低于|小于|不足)(\d+(?:\.\d+)?)(%)?/#),
            let threshold = ListText.decimal(match.3)
        else { return nil }
        var metric = String(match.1)
        if let numbering = ListNumbering.parse(Array(metric)) { metric = String(metric.dropFirst(numbering.length)) }
        let comparison: DeductionRule.Comparison
        switch match.2 {
        case ">=", "≥": comparison = .atLeast
        case "<=", "≤": comparison = .atMost
        case "<", "低于", "小于", "不足": comparison = .below
        default: comparison = .above
        }
        let perPopulation: Int?
        if metric.contains("百万人") {
            perPopulation = 1_000_000
        } else if metric.contains("十万人") || metric.contains("10万人") {
            perPopulation = 100_000
        } else if metric.contains("万人") {
            perPopulation = 10_000
        } else if metric.contains("千人") {
            perPopulation = 1_000
        } else {
            perPopulation = nil
        }
        return DeductionRule.RateThreshold(
            metric: metric, perPopulation: perPopulation, comparison: comparison, threshold: threshold,
            isPercentage: match.4 != nil, firstDeduction: 0)
    }

    /// The population base a note defines ("……的人口基数为上一年度常住人口。" → "上一年度常住人口").
    private static func populationBase(_ notes: [String]) -> String? {
        for note in notes {
            let folded = ListText.compact(ListText.fold(note))
            guard let range = folded.range(of: "人口基数") else { continue }
            var rest = folded[range.upperBound...]
            for lead in ["为", "按", "以", "是"] where rest.hasPrefix(lead) {
                rest = rest.dropFirst()
                break
            }
            let base = rest.prefix { !"。;,".contains($0) }
            if !base.isEmpty { return String(base) }
        }
        return nil
    }
}
