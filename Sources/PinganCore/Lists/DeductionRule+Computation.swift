import Foundation

extension DeductionRule {
    /// The deduction this rule takes for `facts`, with the rule and figures behind it (BRIEF §4).
    ///
    /// Rate steps count whole steps beyond the threshold: with "万人命案发案率>0.6(超过即-20分,每超过0.1再-10分,
    /// 最多共扣50分)" a rate of 0.65 costs 20, 0.7 costs 30, 0.85 costs 40, and 0.9 or more costs the cap of 50.
    public func deduction(for facts: DeductionFacts) -> DeductionOutcome {
        var (uncapped, explanation) = uncappedDeduction(for: facts)
        var points = uncapped
        if let cap, uncapped > cap {
            points = cap
            explanation += "; capped at -\(Self.format(cap))"
        }
        return DeductionOutcome(points: points, uncappedPoints: uncapped, explanation: explanation)
    }

    private func uncappedDeduction(for facts: DeductionFacts) -> (Decimal, String) {
        switch basis {
        case .perIncident(let points, let counter):
            let total = Decimal(max(facts.incidents, 0)) * points
            return (total, "\(max(facts.incidents, 0)) \(counter) × -\(Self.format(points)) = -\(Self.format(total))")
        case .perPerson(let points):
            let total = Decimal(max(facts.persons, 0)) * points
            return (total, "\(max(facts.persons, 0)) 人 × -\(Self.format(points)) = -\(Self.format(total))")
        case .perIncidentBySeverity(let steps):
            return severityDeduction(steps: steps, facts: facts)
        case .rateThreshold(let threshold):
            return rateDeduction(threshold: threshold, rate: facts.rate)
        }
    }

    private func severityDeduction(steps: [SeverityStep], facts: DeductionFacts) -> (Decimal, String) {
        var total: Decimal = 0
        var terms: [String] = []
        for step in steps {
            let count = max(facts.incidentsBySeverity[step.severity] ?? 0, 0)
            guard count > 0 else { continue }
            total += Decimal(count) * step.points
            terms.append("\(step.severity) \(count) \(step.counter) × -\(Self.format(step.points))")
        }
        var explanation = terms.isEmpty ? "no incident of a listed severity" : terms.joined(separator: " + ")
        explanation += " = -\(Self.format(total))"
        let known = Set(steps.map(\.severity))
        let others = facts.incidentsBySeverity.filter { !known.contains($0.key) && $0.value > 0 }.keys.sorted()
        if !others.isEmpty {
            explanation += " (not covered by the rule: \(others.joined(separator: ", ")))"
        }
        return (total, explanation)
    }

    private func rateDeduction(threshold: RateThreshold, rate: Decimal?) -> (Decimal, String) {
        let unit = threshold.isPercentage ? "%" : ""
        let base = threshold.perPopulation.map { " per \(Self.grouped($0))" } ?? ""
        guard let rate else { return (0, "no rate given for \(threshold.metric)") }
        let shownRate = "\(threshold.metric) \(Self.format(rate, scale: 4))\(unit)\(base)"
        let limit = "\(Self.format(threshold.threshold))\(unit)"
        let excess: Decimal
        let crossed: Bool
        switch threshold.comparison {
        case .above: (excess, crossed) = (rate - threshold.threshold, rate > threshold.threshold)
        case .atLeast: (excess, crossed) = (rate - threshold.threshold, rate >= threshold.threshold)
        case .below: (excess, crossed) = (threshold.threshold - rate, rate < threshold.threshold)
        case .atMost: (excess, crossed) = (threshold.threshold - rate, rate <= threshold.threshold)
        }
        let symbol = Self.symbol(threshold.comparison)
        guard crossed else { return (0, "\(shownRate) is not \(symbol) \(limit): no deduction") }
        var total = threshold.firstDeduction
        var explanation = "\(shownRate) \(symbol) \(limit): -\(Self.format(threshold.firstDeduction))"
        if let size = threshold.stepSize, let step = threshold.stepDeduction, size > 0 {
            var quotient = excess / size
            var steps = Decimal()
            NSDecimalRound(&steps, &quotient, 0, .down)
            if steps > 0 {
                total += steps * step
                explanation += " + \(Self.format(steps)) further step(s) of \(Self.format(size))\(unit)"
                explanation += " × -\(Self.format(step))"
            }
        }
        explanation += " = -\(Self.format(total))"
        return (total, explanation)
    }

    static func symbol(_ comparison: Comparison) -> String {
        switch comparison {
        case .above: ">"
        case .atLeast: "≥"
        case .below: "<"
        case .atMost: "≤"
        }
    }

    /// A decimal as plain text, rounded to `scale` places when it has more ("0.0667").
    static func format(_ value: Decimal, scale: Int = 6) -> String {
        var input = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, scale, .plain)
        return "\(rounded)"
    }
}

extension DeductionRule {
    /// A population base with thousands separators, independent of the locale ("100,000").
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value.magnitude))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return value < 0 ? "-" + text : text
    }
}
