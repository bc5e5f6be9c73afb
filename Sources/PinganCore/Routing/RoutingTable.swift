import Foundation

/// The routing table (BRIEF §1 谁主管谁负责, 属地管理): rules of category × region subtree → responsible unit, edited by
/// administrators as a versioned document (DESIGN principle 2).
///
/// JSON form: `{"version": 3, "rules": [{"category": "labour.*", "region": "990102", "responsible": "qs-hrss",
/// "participants": ["qs-police"], "priority": 0}]}`.
public struct RoutingTable: Sendable, Equatable, Codable {
    /// The document version; a routing proposal names the version it came from.
    public var version: Int
    /// The rules, in the order the administrator wrote them (the order does not decide anything).
    public var rules: [RoutingRule]

    /// Creates a table; call ``validate(units:regions:)`` before using one that came from outside.
    public init(version: Int, rules: [RoutingRule]) {
        self.version = version
        self.rules = rules
    }

    /// Decodes and validates a table document; every error names its field path (`rules[2].responsible`).
    public static func load(json: Data, units: [OrgUnit], regions: [Region]) throws(PinganError) -> RoutingTable {
        let table = try JSONDocument.decode(RoutingTable.self, from: json)
        try table.validate(units: units, regions: regions)
        return table
    }

    /// Checks the table: a version of at least 1; every region code known; every unit reference known; no two rules
    /// for the same category pattern and region; a rule's participants neither repeat nor include its responsible
    /// unit; a territorial reference only as the responsible unit.
    public func validate(units: [OrgUnit], regions: [Region]) throws(PinganError) {
        var violations: [FieldViolation] = []
        if version < 1 {
            violations.append(.init(field: "version", rule: "range", detail: "the version is a whole number from 1"))
        }
        let regionCodes = Set(regions.map(\.code))
        var seen: [String: Int] = [:]
        for (index, rule) in rules.enumerated() {
            let at = "rules[\(index)]"
            if !regionCodes.contains(rule.regionCode) {
                violations.append(
                    .init(
                        field: "\(at).region", rule: "not_found", detail: "no region has the code '\(rule.regionCode)'")
                )
            }
            let pair = "\(rule.category.text)|\(rule.regionCode)"
            if let first = seen[pair] {
                violations.append(
                    .init(
                        field: "\(at).category", rule: "duplicate",
                        detail: "rules[\(first)] already routes '\(rule.category)' in region \(rule.regionCode)"))
            } else {
                seen[pair] = index
            }
            if rule.responsible != .territorial, rule.responsible.resolve(in: units) == nil {
                violations.append(
                    .init(field: "\(at).responsible", rule: "not_found", detail: "no unit is '\(rule.responsible)'"))
            }
            var participantIDs: Set<UUID> = []
            let leadID = rule.responsible.resolve(in: units)?.id
            for (position, participant) in rule.participants.enumerated() {
                let field = "\(at).participants[\(position)]"
                guard participant != .territorial else {
                    violations.append(
                        .init(
                            field: field, rule: "format",
                            detail: "a participant names a unit; '@territorial' is only for the responsible unit"))
                    continue
                }
                guard let unit = participant.resolve(in: units) else {
                    violations.append(.init(field: field, rule: "not_found", detail: "no unit is '\(participant)'"))
                    continue
                }
                if unit.id == leadID {
                    violations.append(
                        .init(field: field, rule: "duplicate", detail: "the responsible unit cannot also participate"))
                } else if !participantIDs.insert(unit.id).inserted {
                    violations.append(
                        .init(field: field, rule: "duplicate", detail: "'\(participant)' is listed twice"))
                }
            }
            if let note = rule.note, note.count > 200 {
                violations.append(
                    .init(field: "\(at).note", rule: "length", detail: "a note has at most 200 characters"))
            }
        }
        guard violations.isEmpty else { throw .invalid(violations) }
    }
}
