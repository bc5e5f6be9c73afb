import Foundation

/// Collects the broken rules of one action's fields, so that all of them are reported at once (BRIEF "bad input
/// gets a clear error" naming the field). Used by ``CaseLifecycle``.
struct FieldCheck {
    /// The longest reason, in characters.
    static let reasonLimit = 2_000
    /// The longest note or result, in characters.
    static let noteLimit = 10_000

    let time: Date
    private(set) var violations: [FieldViolation] = []

    init(time: Date) {
        self.time = time
    }

    /// A required text: trimmed, non-empty, at most `limit` characters. Returns the trimmed text.
    mutating func text(_ value: String, field: String, limit: Int) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            fail(field, "required", "a \(field.replacingOccurrences(of: "_", with: " ")) is required")
        } else if trimmed.count > limit {
            fail(field, "length", "at most \(limit) characters")
        }
        return trimmed
    }

    /// An optional text: trimmed, at most `limit` characters; empty becomes `nil`.
    mutating func optionalText(_ value: String?, field: String, limit: Int) -> String? {
        guard let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else {
            return nil
        }
        if trimmed.count > limit { fail(field, "length", "at most \(limit) characters") }
        return trimmed
    }

    /// A deadline, when given, must lie after the time of the action.
    mutating func future(_ date: Date?, field: String) {
        if let date, date <= time {
            fail(field, "past", "the \(field.replacingOccurrences(of: "_", with: " ")) must lie in the future")
        }
    }

    /// Participating units: no duplicates, and not the lead unit itself.
    mutating func participants(_ ids: [UUID], lead: UUID, field: String) {
        if ids.contains(lead) {
            fail(field, "lead_included", "the responsible unit cannot also be a participating unit")
        }
        if Set(ids).count != ids.count {
            fail(field, "duplicate", "each participating unit is listed once")
        }
    }

    /// Records a broken rule.
    mutating func fail(_ field: String, _ rule: String, _ detail: String) {
        violations.append(FieldViolation(field: field, rule: rule, detail: detail))
    }

    /// Throws every broken rule, if any.
    func done() throws(PinganError) {
        guard violations.isEmpty else { throw .invalid(violations) }
    }
}
