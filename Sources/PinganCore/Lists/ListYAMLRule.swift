import Foundation

/// Reads a deduction rule from its canonical YAML form — the same fields as in the dry-run JSON (`kind` and its
/// figures, `cap`), described in `docs/LISTS.md`.
enum ListYAMLRule {
    typealias Fields = ListYAMLDocument.Fields
    typealias Invalid = ListYAMLDocument.Invalid

    static func rule(_ node: ListYAML.Node, path: String) throws -> DeductionRule {
        var fields = try Fields(node, path: path)
        let kind = try fields.string("kind")
        let basis: DeductionRule.Basis
        switch kind {
        case "per_incident":
            basis = .perIncident(
                points: try required(&fields, "points"), counter: try fields.string("counter", default: "件"))
        case "per_person":
            basis = .perPerson(points: try required(&fields, "points"))
        case "per_incident_by_severity":
            let steps = try fields.sequence("severities").enumerated().map { index, node in
                var step = try Fields(node, path: "\(path).severities[\(index)]")
                let result = DeductionRule.SeverityStep(
                    severity: try step.string("severity"), points: try required(&step, "points"),
                    counter: try step.string("counter", default: "件"))
                try step.finish()
                return result
            }
            guard !steps.isEmpty else { throw Invalid(path: "\(path).severities", reason: "must name a severity") }
            basis = .perIncidentBySeverity(steps)
        case "rate_threshold":
            basis = .rateThreshold(try threshold(&fields, path: path))
        default:
            throw Invalid(
                path: "\(path).kind",
                reason: "must be per_incident, per_incident_by_severity, per_person or rate_threshold, not \"\(kind)\"")
        }
        let cap = try fields.decimal("cap")
        try fields.finish()
        return DeductionRule(basis: basis, cap: cap)
    }

    private static func threshold(_ fields: inout Fields, path: String) throws -> DeductionRule.RateThreshold {
        let comparisonText = try fields.string("comparison")
        guard let comparison = DeductionRule.Comparison(rawValue: comparisonText) else {
            throw Invalid(
                path: "\(path).comparison",
                reason: "must be above, at_least, below or at_most, not \"\(comparisonText)\"")
        }
        var perPopulation: Int?
        if let population = try fields.decimal("per_population") {
            guard population > 0, population == population.rounded0, let whole = Int(exactly: population.int64) else {
                throw Invalid(path: "\(path).per_population", reason: "must be a whole number of people")
            }
            perPopulation = whole
        }
        let percentage = try fields.string("percentage", default: "false")
        guard percentage == "true" || percentage == "false" else {
            throw Invalid(path: "\(path).percentage", reason: "must be true or false")
        }
        return DeductionRule.RateThreshold(
            metric: try fields.string("metric"), perPopulation: perPopulation, comparison: comparison,
            threshold: try required(&fields, "threshold"), isPercentage: percentage == "true",
            firstDeduction: try required(&fields, "first_deduction"), stepSize: try fields.decimal("step_size"),
            stepDeduction: try fields.decimal("step_deduction"),
            populationBase: try fields.optionalString("population_base"))
    }

    private static func required(_ fields: inout Fields, _ key: String) throws -> Decimal {
        guard let value = try fields.decimal(key) else {
            throw Invalid(path: "\(fields.path).\(key)", reason: "is required")
        }
        return value
    }

    /// A plain decimal number ("20", "0.5", "-3"); nil for anything else ("12abc", "1e3", "").
    static func decimal(_ text: String) -> Decimal? {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
            parts.allSatisfy({ $0.allSatisfy(\.isNumber) })
        else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }
}

extension Decimal {
    fileprivate var rounded0: Decimal {
        var input = self
        var result = Decimal()
        NSDecimalRound(&result, &input, 0, .plain)
        return result
    }

    fileprivate var int64: Int64 {
        NSDecimalNumber(decimal: self).int64Value
    }
}
