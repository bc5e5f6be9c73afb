import Foundation
import Hummingbird
import PinganCore

/// Reads typed values from a query string, collecting every bad value as a ``PinganCore/FieldViolation`` so that
/// one answer names them all.
struct QueryReader {
    let parameters: Parameters
    var violations: [FieldViolation] = []

    init(_ parameters: Parameters) {
        self.parameters = parameters
    }

    /// The value of `name`, if present.
    func text(_ name: String) -> String? { parameters.get(name) }

    /// An ISO 8601 time with an offset.
    mutating func date(_ name: String) -> Date? {
        guard let text = parameters.get(name) else { return nil }
        guard let date = Timestamp.parse(text) else {
            violations.append(.init(field: name, rule: "format", detail: "expected an ISO 8601 time with an offset"))
            return nil
        }
        return date
    }

    /// A whole number within `range`.
    mutating func integer(_ name: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = parameters.get(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            violations.append(
                .init(field: name, rule: "range", detail: "\(name) is from \(range.lowerBound) to \(range.upperBound)"))
            return nil
        }
        return value
    }

    /// Throws every violation collected.
    func finish() throws(PinganError) {
        guard violations.isEmpty else { throw .invalid(violations) }
    }
}
