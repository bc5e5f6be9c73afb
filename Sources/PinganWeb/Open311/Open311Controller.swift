import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import PinganCore
import PinganServices
import PinganStore

/// The Open311 GeoReport v2 server (issue 4 §1), mounted at `/open311`: discovery, services, service definitions,
/// posting and reading requests, tokens — XML or JSON by the path's suffix, errors as the specification's
/// `errors/error{code, description}` with 400, 403 or 404. See `docs/OPEN311.md`.
struct Open311Controller {
    let open311: Open311Service
    let limits: Limits
    let perKey: Open311RateLimiter
    let perAddress: Open311RateLimiter
    let clock: @Sendable () -> Date

    /// The limits on posting.
    struct Limits: Sendable {
        /// Largest form body, in bytes.
        var maxBodyBytes: Int
        /// POSTs per minute per API key.
        var postsPerMinutePerKey: Int
        /// POSTs per minute per client address.
        var postsPerMinutePerAddress: Int
    }

    init(open311: Open311Service, limits: Limits, clock: @escaping @Sendable () -> Date) {
        self.open311 = open311
        self.limits = limits
        self.perKey = Open311RateLimiter(perMinute: limits.postsPerMinutePerKey, clock: clock)
        self.perAddress = Open311RateLimiter(perMinute: limits.postsPerMinutePerAddress, clock: clock)
        self.clock = clock
    }

    /// The base of the v2 endpoint, as discovery announces it.
    static let endpointPath = "/open311/v2"
    /// The largest page of requests, and the default.
    static let maximumRequests = 1_000

    /// An error as the specification writes it.
    struct Failure: Error {
        var status: HTTPResponse.Status
        var errors: [(code: Int, description: String)]
        var headers: HTTPFields = [:]
    }

    func addRoutes(to router: Router<PinganRequestContext>) {
        let group = router.group("open311")
        for format in Open311Format.allCases {
            group.get("discovery.\(format.rawValue)") { request, context in
                respond(format, root: "discovery", context: context) { try discovery(request) }
            }
            group.get("v2/services.\(format.rawValue)") { request, context in
                try await respondAsync(format, root: "services", context: context) { try await services(request) }
            }
            group.get("v2/requests.\(format.rawValue)") { request, context in
                try await respondAsync(format, root: "service_requests", context: context) {
                    try await requests(request)
                }
            }
            group.get("v2/servicerequestupdates.\(format.rawValue)") { request, context in
                try await respondAsync(format, root: "service_request_updates", context: context) {
                    try await updates(request)
                }
            }
            group.post("v2/servicerequestupdates.\(format.rawValue)") { request, context in
                try await respondAsync(format, root: "service_request_updates", context: context) {
                    try await postUpdate(request, context: context)
                }
            }
            group.post("v2/requests.\(format.rawValue)") { request, context in
                try await respondAsync(format, root: "service_requests", context: context) {
                    try await post(request, context: context)
                }
            }
        }
        group.get("v2/services/{file}") { request, context in
            try await withFormat(context) { code, format in
                try await respondAsync(format, root: "service_definition", context: context) {
                    try await definition(code: code, request: request)
                }
            }
        }
        group.get("v2/requests/{file}") { request, context in
            try await withFormat(context) { id, format in
                try await respondAsync(format, root: "service_requests", context: context) {
                    try await single(id: id, request: request)
                }
            }
        }
        group.get("v2/tokens/{file}") { _, context in
            try await withFormat(context) { token, format in
                // Pingan answers every request at once (service type `realtime`), so it never hands out tokens.
                try await respondAsync(format, root: "service_requests", context: context) {
                    throw PinganError.notFound(entity: "token", id: token)
                }
            }
        }
    }

    // MARK: Handlers

    private func discovery(_ request: Request) throws -> Open311Value {
        let base = Self.base(request)
        return .object([
            ("changeset", .text("2026-11-22T00:00:00+08:00")),
            ("contact", .text("请联系本地社会治理中心(12345 政务服务便民热线)。Contact the social-governance centre.")),
            ("key_service", .text("API 密钥由社会治理中心管理员签发(POST /api/v1/open311/clients)。")),
            (
                "endpoints",
                .list(
                    item: "endpoint",
                    [
                        .object([
                            ("specification", .text("http://wiki.open311.org/GeoReport_v2")),
                            ("url", .text(base + Self.endpointPath)),
                            ("changeset", .text("2026-11-22T00:00:00+08:00")),
                            ("type", .text("production")),
                            (
                                "formats",
                                .list(item: "format", [.text("text/xml"), .text("application/json")])
                            ),
                        ])
                    ])
            ),
        ])
    }

    private func services(_ request: Request) async throws -> Open311Value {
        _ = try await open311.jurisdiction(Self.parameter(request, "jurisdiction_id"))
        return .list(
            item: "service",
            try await open311.services().map { service in
                .object([
                    ("service_code", .text(service.code)), ("service_name", .text(service.name)),
                    ("description", .text(service.description)), ("metadata", .bool(service.hasMetadata)),
                    ("type", .text("realtime")), ("keywords", .text(service.keywords)), ("group", .text(service.group)),
                ])
            })
    }

    private func definition(code: String, request: Request) async throws -> Open311Value {
        _ = try await open311.jurisdiction(Self.parameter(request, "jurisdiction_id"))
        let attributes = try await open311.definition(code: code)
        return .object([
            ("service_code", .text(code)),
            (
                "attributes",
                .list(
                    item: "attribute",
                    attributes.map { attribute in
                        .object([
                            ("variable", .bool(attribute.variable)), ("code", .text(attribute.code)),
                            ("datatype", .text(attribute.datatype.rawValue)), ("required", .bool(attribute.required)),
                            ("datatype_description", .optional(attribute.datatypeDescription)),
                            ("order", .number(Double(attribute.order))), ("description", .text(attribute.description)),
                            (
                                "values",
                                .list(
                                    item: "value",
                                    attribute.values.map {
                                        .object([("key", .text($0.key)), ("name", .text($0.name))])
                                    }
                                )
                            ),
                        ])
                    })
            ),
        ])
    }

    /// The form fields of a POST (query string first, then the body) and its api_key, once the body fits the limit,
    /// the key is valid and neither the client address nor the key is over its rate.
    private func admittedForm(
        _ request: Request, context: PinganRequestContext
    ) async throws -> (
        [(name: String, value: String)], String?
    ) {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limits.maxBodyBytes)
        } catch {
            throw Failure(
                status: .badRequest,
                errors: [(413, "request body larger than \(limits.maxBodyBytes) bytes")])
        }
        var fields = FormFields.parse(request.uri.query ?? "")
        fields += FormFields.parse(String(buffer: buffer))
        let apiKey = fields.last { $0.name == "api_key" }?.value
        if let address = context.remoteAddress?.ipAddress, let wait = await perAddress.admit("ip:" + address) {
            throw Self.throttled(wait)
        }
        _ = try await open311.client(apiKey: apiKey)
        if let apiKey, let wait = await perKey.admit("key:" + apiKey) { throw Self.throttled(wait) }
        return (fields, apiKey)
    }

    /// The POST half of `servicerequestupdates`: a client system reports back on a request it posted.
    private func postUpdate(_ request: Request, context: PinganRequestContext) async throws -> Open311Value {
        let (fields, apiKey) = try await admittedForm(request, context: context)
        func field(_ name: String) -> String? {
            let value = fields.last { $0.name == name }?.value.trimmingCharacters(in: .whitespacesAndNewlines)
            return value?.isEmpty == false ? value : nil
        }
        let id = try await open311.postUpdate(
            apiKey: apiKey, requestID: field("service_request_id"), description: field("description"),
            status: field("status"), clientUpdateID: field("update_id"))
        return .list(item: "request_update", [.object([("update_id", .text(id.uuidString))])])
    }

    private func post(_ request: Request, context: PinganRequestContext) async throws -> Open311Value {
        let (fields, apiKey) = try await admittedForm(request, context: context)
        let submission = try Open311Submission.parse(fields).get()
        let receipt = try await open311.submit(submission, apiKey: apiKey)
        return .list(
            item: "request",
            [
                .object([
                    ("service_request_id", .text(receipt.record.number)),
                    ("service_notice", .optional(receipt.notice)), ("account_id", .null),
                ])
            ])
    }

    private func requests(_ request: Request) async throws -> Open311Value {
        let jurisdiction = try await open311.jurisdiction(Self.parameter(request, "jurisdiction_id"))
        let query = try Self.query(request, now: clock())
        let found = try await open311.requests(query, in: jurisdiction)
        return .list(
            item: "request", found.map { render($0, extensions: Self.parameter(request, "extensions") == "true") })
    }

    /// mySociety's `servicerequestupdates`: the status changes of the requests this client posted (api_key
    /// required), between `start_date` and `end_date` (default the last 24 hours, at most 90 days).
    private func updates(_ request: Request) async throws -> Open311Value {
        let apiKey = Self.parameter(request, "api_key")
        var violations: [FieldViolation] = []
        let to = Self.time(request, "end_date", into: &violations) ?? clock()
        let from = Self.time(request, "start_date", into: &violations) ?? to.addingTimeInterval(-86_400)
        if to < from || to.timeIntervalSince(from) > 90 * 86_400 {
            violations.append(.init(field: "end_date", rule: "range", detail: "0 to 90 days after start_date"))
        }
        _ = try await open311.client(apiKey: apiKey)
        if !violations.isEmpty { throw PinganError.invalid(violations) }
        let found = try await open311.updates(apiKey: apiKey, from: from, to: to)
        return .list(
            item: "request_update",
            found.compactMap { update in
                guard let told = update.type.open311Update else { return nil }
                return .object([
                    ("update_id", .text(update.id.uuidString)), ("service_request_id", .text(update.caseNumber)),
                    ("status", .text(told.status)), ("external_status_code", .text(told.externalStatus)),
                    ("updated_datetime", .text(Open311Time.format(update.at))),
                    ("description", .text(told.description)),
                    ("media_url", .null),
                ])
            })
    }

    private func single(id: String, request: Request) async throws -> Open311Value {
        let jurisdiction = try await open311.jurisdiction(Self.parameter(request, "jurisdiction_id"))
        var query = Open311Repository.PublicQuery()
        query.numbers = [id]
        guard let found = try await open311.requests(query, in: jurisdiction).first else {
            throw PinganError.notFound(entity: "service request", id: id)
        }
        return .list(item: "request", [render(found, extensions: Self.parameter(request, "extensions") == "true")])
    }

    private func render(_ found: Open311Repository.PublicRequest, extensions: Bool) -> Open311Value {
        let record = found.record
        let details = found.details
        var members: [(String, Open311Value)] = [
            ("service_request_id", .text(record.number)), ("status", .text(record.open311Status)),
            ("status_notes", .text(record.open311StatusNotes)), ("service_name", .optional(found.serviceName)),
            ("service_code", .text(record.categoryCode)),
            ("description", .text(String(record.description.prefix(Open311Submission.maximumDescriptionLength)))),
            ("agency_responsible", .optional(found.agency)), ("service_notice", .optional(open311.notice(for: record))),
            ("requested_datetime", .text(Open311Time.format(record.createdAt))),
            ("updated_datetime", .text(Open311Time.format(record.closedAt ?? record.updatedAt))),
            ("expected_datetime", .optional(record.deadline.map(Open311Time.format))),
            ("address", .optional(details?.address)), ("address_id", .optional(details?.addressID)),
            ("zipcode", .null), ("lat", .optional(details?.latitude)), ("long", .optional(details?.longitude)),
            ("media_url", .optional(details?.mediaURL)),
        ]
        if extensions {
            members.append(
                ("extended_attributes", .object([("channel", .text(record.source.rawValue))])))
            members.append(
                (
                    "attributes",
                    .list(
                        item: "attribute",
                        (details?.attributes ?? [:]).sorted { $0.key < $1.key }.map {
                            .object([("code", .text($0.key)), ("value", .text($0.value.joined(separator: ",")))])
                        })
                ))
            members.append(("notes", .list(item: "note", Self.notes(record))))
        }
        return .object(members)
    }

    /// The `notes[]` history extension: the milestones the record itself carries, without names or results.
    private static func notes(_ record: Case) -> [Open311Value] {
        var notes: [(Date, String, String)] = [(record.createdAt, "submitted", "已受理")]
        if let resolution = record.resolution { notes.append((resolution.resolvedAt, "resolved", "已办结")) }
        if let closedAt = record.closedAt { notes.append((closedAt, "closed", record.open311StatusNotes)) }
        if record.status.isOpen, record.updatedAt != record.createdAt {
            notes.append((record.updatedAt, "updated", record.open311StatusNotes))
        }
        return notes.sorted { $0.0 < $1.0 }.map {
            .object([
                ("datetime", .text(Open311Time.format($0.0))), ("description", .text($0.2)), ("type", .text($0.1)),
            ])
        }
    }

    // MARK: Parameters

    static func query(_ request: Request, now: Date) throws -> Open311Repository.PublicQuery {
        var query = Open311Repository.PublicQuery()
        if let ids = parameter(request, "service_request_id") {
            query.numbers = ids.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            return query
        }
        if let codes = parameter(request, "service_code") {
            query.categories = codes.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        var violations: [FieldViolation] = []
        let start = time(request, "start_date", into: &violations)
        let end = time(request, "end_date", into: &violations)
        let window: TimeInterval = 90 * 86_400
        query.to = end ?? (start.map { $0.addingTimeInterval(window) } ?? now)
        query.from = start ?? query.to?.addingTimeInterval(-window)
        if let from = query.from, let to = query.to {
            if to < from {
                violations.append(.init(field: "end_date", rule: "order", detail: "end_date is before start_date"))
            } else if to.timeIntervalSince(from) > window {
                violations.append(.init(field: "end_date", rule: "range", detail: "at most 90 days between the dates"))
            }
        }
        if let statuses = parameter(request, "status") {
            query.statuses = Set(statuses.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            if !query.statuses.isSubset(of: ["open", "closed"]) {
                violations.append(.init(field: "status", rule: "unknown_value", detail: "open or closed"))
            }
        }
        let page = integer(request, "page", default: 1, range: 1...100_000, into: &violations)
        let size = integer(
            request, "page_size", default: maximumRequests, range: 1...maximumRequests, into: &violations)
        query.limit = size
        query.offset = (page - 1) * size
        if !violations.isEmpty { throw PinganError.invalid(violations) }
        return query
    }

    /// The time parameter `name`, when given; a malformed one is a violation.
    private static func time(_ request: Request, _ name: String, into violations: inout [FieldViolation]) -> Date? {
        guard let text = parameter(request, name) else { return nil }
        guard let date = Timestamp.parse(text) else {
            violations.append(.init(field: name, rule: "format", detail: "a W3C ISO 8601 time with an offset"))
            return nil
        }
        return date
    }

    private static func integer(
        _ request: Request, _ name: String, default value: Int, range: ClosedRange<Int>,
        into violations: inout [FieldViolation]
    ) -> Int {
        guard let text = parameter(request, name) else { return value }
        guard let number = Int(text), range.contains(number) else {
            violations.append(
                .init(
                    field: name, rule: "range", detail: "a whole number from \(range.lowerBound) to \(range.upperBound)"
                ))
            return value
        }
        return number
    }

    /// A query parameter; an empty one counts as absent (the specification's rule for optional arguments).
    static func parameter(_ request: Request, _ name: String) -> String? {
        guard let value = request.uri.queryParameters.get(name), !value.isEmpty else { return nil }
        return value
    }

    /// `scheme://host` of the request, from the Host header (http unless a proxy says otherwise).
    private static func base(_ request: Request) -> String {
        let host = request.head.authority ?? "localhost"
        let forwarded = HTTPField.Name("X-Forwarded-Proto").flatMap { request.headers[$0] }
        let scheme = forwarded == "https" ? "https" : "http"
        return "\(scheme)://\(host)"
    }

    private static func throttled(_ seconds: Int) -> Failure {
        var headers = HTTPFields()
        headers[.retryAfter] = String(seconds)
        return Failure(
            status: .badRequest, errors: [(429, "too many requests; retry after \(seconds) seconds")], headers: headers)
    }

    // MARK: Responses

    private func withFormat(
        _ context: PinganRequestContext, _ body: (String, Open311Format) async throws -> Response
    ) async throws -> Response {
        let file = try context.parameters.require("file")
        guard let (name, format) = Open311Format.split(file), !name.isEmpty else {
            return Self.errorResponse(
                Failure(status: .notFound, errors: [(404, "unknown format: end the path with .xml or .json")]),
                format: .xml)
        }
        return try await body(name, format)
    }

    private func respond(
        _ format: Open311Format, root: String, context: PinganRequestContext, _ body: () throws -> Open311Value
    ) -> Response {
        do {
            return Self.response(try body().document(root: root, format: format), status: .ok, format: format)
        } catch {
            return Self.errorResponse(Self.failure(error, context: context), format: format)
        }
    }

    private func respondAsync(
        _ format: Open311Format, root: String, context: PinganRequestContext,
        _ body: () async throws -> Open311Value
    ) async throws -> Response {
        do {
            return Self.response(try await body().document(root: root, format: format), status: .ok, format: format)
        } catch {
            return Self.errorResponse(Self.failure(error, context: context), format: format)
        }
    }

    private static func response(
        _ text: String, status: HTTPResponse.Status, format: Open311Format, headers: HTTPFields = [:]
    )
        -> Response
    {
        var headers = headers
        headers[.contentType] = format.contentType
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    private static func errorResponse(_ failure: Failure, format: Open311Format) -> Response {
        let errors = Open311Value.list(
            item: "error",
            failure.errors.map {
                .object([("code", .number(Double($0.code))), ("description", .text($0.description))])
            })
        return response(
            errors.document(root: "errors", format: format), status: failure.status, format: format,
            headers: failure.headers)
    }

    /// The specification's statuses: 404 for what does not exist, 403 for a missing or wrong api_key, 400 for
    /// everything else (including a failure of the back office, which is logged with the request id).
    private static func failure(_ error: any Error, context: PinganRequestContext) -> Failure {
        switch error {
        case let failure as Failure:
            return failure
        case PinganError.invalid(let violations):
            return Failure(
                status: .badRequest,
                errors: violations.map { (400, "\($0.field): \($0.detail) (\($0.rule))") })
        case PinganError.notFound(let entity, let id):
            let name = entity == "service" ? "service_code" : entity == "jurisdiction" ? "jurisdiction_id" : entity
            return Failure(status: .notFound, errors: [(404, "\(name) '\(id)' not found")])
        case PinganError.forbidden(let detail), PinganError.unauthenticated(let detail):
            return Failure(status: .forbidden, errors: [(403, detail)])
        case PinganError.conflict(_, let detail):
            return Failure(status: .badRequest, errors: [(409, detail)])
        default:
            context.logger.error("open311 internal error", metadata: ["error": "\(String(reflecting: error))"])
            return Failure(
                status: .badRequest,
                errors: [(500, "the service could not complete the request; request id \(context.id)")])
        }
    }
}

/// `application/x-www-form-urlencoded` fields in order, repeated keys kept (`attribute[CODE][]`).
enum FormFields {
    static func parse(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]), !name.isEmpty else { return nil }
            return (name, parts.count > 1 ? decode(parts[1]) ?? "" : "")
        }
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
