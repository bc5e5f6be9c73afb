import Foundation
import PinganCore
import SQLKit

extension SQLRow {
    func string(_ column: String) throws -> String {
        try decode(column: column, as: String.self)
    }

    func optionalString(_ column: String) throws -> String? {
        try decode(column: column, as: String?.self)
    }

    func int(_ column: String) throws -> Int {
        try decode(column: column, as: Int.self)
    }

    func uuid(_ column: String) throws -> UUID {
        let text = try string(column)
        guard let id = UUIDText.parse(text) else { throw StoreError.corrupt(column: column, value: text) }
        return id
    }

    func optionalUUID(_ column: String) throws -> UUID? {
        guard let text = try optionalString(column) else { return nil }
        guard let id = UUIDText.parse(text) else { throw StoreError.corrupt(column: column, value: text) }
        return id
    }

    func date(_ column: String) throws -> Date {
        let text = try string(column)
        guard let date = Timestamp.parse(text) else { throw StoreError.corrupt(column: column, value: text) }
        return date
    }

    func optionalDate(_ column: String) throws -> Date? {
        guard let text = try optionalString(column) else { return nil }
        guard let date = Timestamp.parse(text) else { throw StoreError.corrupt(column: column, value: text) }
        return date
    }
}

/// Faults of the stored data itself; a client never causes one.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stored value cannot be read back as its type.
    case corrupt(column: String, value: String)

    /// One line for logs.
    public var description: String {
        switch self {
        case .corrupt(let column, let value): "stored value '\(value)' in column \(column) is not valid"
        }
    }
}
