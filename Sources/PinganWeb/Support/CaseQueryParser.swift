import Foundation
import Hummingbird
import PinganCore
import PinganStore

/// Reads the ledger's list filters from a query string (issue 3 §9): `status`, `kind`, `category` (`code` or
/// `prefix.*`), `level` — each repeatable or comma-separated — `unit` (a unit code) and `region` (a region code: its
/// whole subtree), both resolved by the controller, `source`, `from`, `to` (ISO 8601), `overdue=true`,
/// `supervised=true|false`, `sort=newest|oldest|deadline`, `cursor`, `limit` (1–1000). Every bad value is reported
/// at once.
enum CaseQueryParser {
    struct Parsed {
        var query: CaseRepository.Query
        var unitCode: String?
        var regionCode: String?
    }

    static func parse(_ parameters: Parameters, now: Date) throws(PinganError) -> Parsed {
        var query = CaseRepository.Query()
        var reader = QueryReader(parameters)
        var violations: [FieldViolation] = []
        func values(_ name: String) -> [String] {
            parameters.getAll(name).flatMap { $0.split(separator: ",").map(String.init) }.filter { !$0.isEmpty }
        }
        func enumValues<E: RawRepresentable & CaseIterable>(_ name: String, _: E.Type) -> [E]
        where E.RawValue == String {
            values(name).compactMap { text in
                guard let value = E(rawValue: text) else {
                    violations.append(
                        .init(
                            field: name, rule: "unknown_value",
                            detail: "unknown \(name) '\(text)'; allowed: "
                                + E.allCases.map(\.rawValue).joined(separator: ", ")))
                    return nil
                }
                return value
            }
        }
        func date(_ name: String) -> Date? {
            guard let text = parameters.get(name) else { return nil }
            guard let date = Timestamp.parse(text) else {
                violations.append(
                    .init(field: name, rule: "format", detail: "expected an ISO 8601 time with an offset"))
                return nil
            }
            return date
        }
        func flag(_ name: String) -> Bool? {
            guard let text = parameters.get(name) else { return nil }
            switch text {
            case "true": return true
            case "false": return false
            default:
                violations.append(.init(field: name, rule: "format", detail: "true or false"))
                return nil
            }
        }
        query.statuses = enumValues("status", CaseStatus.self)
        query.kinds = enumValues("kind", CaseKind.self)
        query.levels = enumValues("level", WarningLevel.self)
        query.categories = values("category")
        for (index, pattern) in query.categories.enumerated() where CategoryPattern(pattern) == nil {
            violations.append(.init(field: "category[\(index)]", rule: "format", detail: "a code or prefix.*"))
        }
        query.source = enumValues("source", SourceChannel.self).first
        query.createdFrom = reader.date("from")
        query.createdTo = reader.date("to")
        if flag("overdue") == true { query.overdueAt = now }
        query.supervised = flag("supervised")
        if let sort = parameters.get("sort") {
            if let value = CaseRepository.Query.Sort(rawValue: sort) {
                query.sort = value
            } else {
                violations.append(.init(field: "sort", rule: "unknown_value", detail: "newest, oldest or deadline"))
            }
        }
        query.limit = reader.integer("limit", in: 1...1000) ?? query.limit
        if let text = parameters.get("cursor") {
            if let cursor = decodeCursor(text) {
                query.after = cursor
            } else {
                violations.append(.init(field: "cursor", rule: "format", detail: "the cursor is not one this API gave"))
            }
        }
        violations += reader.violations
        guard violations.isEmpty else { throw .invalid(violations) }
        return Parsed(query: query, unitCode: parameters.get("unit"), regionCode: parameters.get("region"))
    }

    /// The opaque cursor for a position: base64url of `key|id`.
    static func cursor(_ position: (key: String, id: UUID)) -> String {
        Data("\(position.key)|\(position.id.uuidString)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decodeCursor(_ text: String) -> (key: String, id: UUID)? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64) else { return nil }
        let parts = String(decoding: data, as: UTF8.self).split(separator: "|", maxSplits: 1).map(String.init)
        guard parts.count == 2, let id = UUID(uuidString: parts[1]) else { return nil }
        return (parts[0], id)
    }
}
