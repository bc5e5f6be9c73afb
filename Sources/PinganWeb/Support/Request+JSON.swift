import Foundation
import Hummingbird
import NIOCore

extension Request {
    /// Decodes the JSON body as `type`, keeping the decoder's own error (so the problem names the field and rule)
    /// and refusing bodies over the context's limit with 413.
    ///
    /// Hummingbird's `decode(as:context:)` turns every decoding error into a bare 400 message; this keeps the facts.
    func decodeJSON<T: Decodable>(as type: T.Type, context: PinganRequestContext) async throws -> T {
        let buffer: ByteBuffer
        do {
            buffer = try await body.collect(upTo: context.maxUploadSize)
        } catch is NIOTooManyBytesError {
            throw Problem(
                type: "too-large", title: "Request body too large", status: .contentTooLarge,
                detail: "the body exceeds the limit of \(context.maxUploadSize) bytes")
        }
        do {
            return try APIJSON.decoder.decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw RequestBodyError(underlying: error)
        }
    }
}

/// A request body that does not decode: the client's fault (400), unlike a `DecodingError` from reading stored rows,
/// which is the server's (500).
struct RequestBodyError: Error {
    var underlying: DecodingError
}
