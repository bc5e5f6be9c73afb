import Foundation
import Hummingbird
import Logging
import NIOCore
import PinganCore
import PinganServices

/// The request context of every Pingan route: Hummingbird's core storage plus who is calling.
public struct PinganRequestContext: RequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The authenticated caller, set by ``AuthMiddleware``.
    public var principal: Principal?
    /// The id of the token the caller authenticated with.
    public var tokenID: UUID?
    /// Whether the caller authenticated with the session cookie (unsafe methods then need the CSRF header).
    public var viaCookie = false
    /// Whether the request carried a valid `X-CSRF-Token` header (workbench forms send a `_csrf` field instead).
    public var csrfVerified = false
    /// Largest body accepted; set from configuration by ``BodyLimitMiddleware``.
    public var bodyLimit = 1_048_576
    /// The connected peer (Open311 rate limits count per address).
    public var remoteAddress: SocketAddress?

    /// Creates the context for a new request.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }

    /// See `RequestContext.maxUploadSize`.
    public var maxUploadSize: Int { bodyLimit }

    /// JSON in with snake_case keys.
    public var requestDecoder: JSONDecoder { APIJSON.decoder }

    /// JSON out with snake_case keys and ISO 8601 times with milliseconds.
    public var responseEncoder: JSONEncoder { APIJSON.encoder }

    /// The caller as an ``PinganServices/Actor``, or a 401 problem when nobody is signed in.
    public func actor() throws(PinganError) -> Actor {
        .user(try requirePrincipal())
    }

    /// The signed-in caller, or a 401 problem.
    public func requirePrincipal() throws(PinganError) -> Principal {
        guard let principal else { throw .unauthenticated("sign in first: send a bearer token") }
        return principal
    }

    /// The path parameter `name` as a UUID; a malformed one is "not found" like an unknown one.
    public func uuidParameter(_ name: String, entity: String) throws -> UUID {
        let text = try parameters.require(name)
        guard let id = UUID(uuidString: text) else { throw PinganError.notFound(entity: entity, id: text) }
        return id
    }
}

/// The JSON conventions of the API: snake_case keys, times as ``PinganCore/Timestamp``.
enum APIJSON {
    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Timestamp.parse(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "'\(text)' is not an ISO 8601 time with an offset")
            }
            return date
        }
        return decoder
    }()

    static let encoder = WireJSON.makeEncoder()
}
