import Foundation

extension DeductionRule: CustomStringConvertible {
    /// The rule in one line, for dry runs and reports: "特别重大 -30/起, 重大 -15/起; at most -50".
    public var description: String {
        var text: String
        switch basis {
        case .perIncident(let points, let counter):
            text = "-\(Self.format(points)) per \(counter)"
        case .perPerson(let points):
            text = "-\(Self.format(points)) per person (人)"
        case .perIncidentBySeverity(let steps):
            text =
                "by severity: "
                + steps.map { "\($0.severity) -\(Self.format($0.points))/\($0.counter)" }
                .joined(separator: ", ")
        case .rateThreshold(let rate):
            let unit = rate.isPercentage ? "%" : ""
            text = "\(rate.metric) \(Self.symbol(rate.comparison)) \(Self.format(rate.threshold))\(unit)"
            if let per = rate.perPopulation { text += " (per \(Self.grouped(per)))" }
            text += ": -\(Self.format(rate.firstDeduction))"
            if let size = rate.stepSize, let step = rate.stepDeduction {
                text += ", then -\(Self.format(step)) per further \(Self.format(size))\(unit)"
            }
            if let base = rate.populationBase { text += "; population base: \(base)" }
        }
        if let cap { text += "; at most -\(Self.format(cap))" }
        return text
    }
}
