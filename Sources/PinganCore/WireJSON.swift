import Foundation

/// The one JSON form Pingan writes for the API and for stored case records (which the ledger list sends as stored):
/// snake_case keys, sorted, slashes unescaped, times as ``Timestamp`` text.
public enum WireJSON {
    /// A new encoder writing that form.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = Timestamp.jsonEncoding
        return encoder
    }
}
