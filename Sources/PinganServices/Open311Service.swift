import Foundation
import PinganCore
import PinganStore
import SQLKit

/// The Open311 GeoReport v2 server's use cases (issue 4 §1): client systems and their API keys, the service list
/// and definitions, posting a request (a case of kind `request` through ``CaseService``'s intake), and the public
/// view of requests.
///
/// Privacy (BRIEF §6): the public view holds only cases marked public that are not disputes; personal fields posted
/// by a citizen become sealed case parties and are never returned.
public struct Open311Service: Sendable {
    private let env: ServiceEnvironment
    private let cases: CaseService
    private let sla: SLAPolicy

    /// Creates the service; `cases` is the intake path every request goes through.
    public init(_ env: ServiceEnvironment, cases: CaseService, sla: SLAPolicy = .defaultPolicy) {
        self.env = env
        self.cases = cases
        self.sla = sla
    }

    /// The domain whose categories are kept out of the public view: they concern private conflicts.
    public static let privateDomains: Set<String> = ["social_conflict"]

    // MARK: Client systems and keys

    /// A newly issued key: shown once, stored only as its SHA-256.
    public struct IssuedKey: Sendable {
        /// The client record.
        public var client: Open311Repository.Client
        /// The API key (`pgn_…`).
        public var apiKey: String
    }

    /// Issues an API key for the client system `name`; its requests are opened as `username`, an account that may
    /// open cases (an operator of the centre, usually). Admins only.
    public func issueKey(name: String, username: String, by actor: Actor) async throws -> IssuedKey {
        try actor.require(AccessPolicy.canManageOrganisation, "issue Open311 API keys")
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...100).contains(trimmed.count) else {
            throw PinganError.invalid(field: "name", rule: "length", detail: "a name of 1 to 100 characters")
        }
        let now = env.clock()
        let key = AuthService.newToken()
        let client = try await env.write { db, audit in
            guard let user = try await UserRepository(db).find(username: username), !user.disabled else {
                throw PinganError.invalid(
                    field: "username", rule: "not_found", detail: "there is no active user '\(username)'")
            }
            guard user.roles.contains(.operator) || user.roles.contains(.admin) || user.roles.contains(.gridWorker)
            else {
                throw PinganError.invalid(
                    field: "username", rule: "role", detail: "the account must be allowed to open cases (operator)")
            }
            let clients = Open311Repository(db)
            if try await clients.clients().contains(where: { $0.name == trimmed }) {
                throw PinganError.conflict(field: "name", detail: "a client named '\(trimmed)' exists")
            }
            let client = Open311Repository.Client(
                id: UUID(), name: trimmed, userID: user.id, createdAt: now, createdBy: actor.auditName, revokedAt: nil)
            try await clients.insert(client, keyHash: AuthService.hash(key))
            try await audit.append(
                AuditRecord(
                    actor: actor.auditName, action: "open311.key.issue", objectType: "open311_client",
                    objectID: client.id.uuidString, change: ["name": trimmed, "user": username]),
                at: now)
            return client
        }
        return IssuedKey(client: client, apiKey: key)
    }

    /// Every client system, with whether its key is revoked. Admins only.
    public func clients(by actor: Actor) async throws -> [Open311Repository.Client] {
        try actor.require(AccessPolicy.canManageOrganisation, "list Open311 clients")
        return try await env.provider.read { db in try await Open311Repository(db).clients() }
    }

    /// Revokes the key of client `id`. Admins only.
    public func revokeKey(clientID: UUID, by actor: Actor) async throws {
        try actor.require(AccessPolicy.canManageOrganisation, "revoke Open311 API keys")
        let now = env.clock()
        try await env.write { db, audit in
            guard try await Open311Repository(db).revoke(id: clientID, at: now) else {
                throw PinganError.notFound(entity: "open311 client", id: clientID.uuidString)
            }
            try await audit.append(
                AuditRecord(
                    actor: actor.auditName, action: "open311.key.revoke", objectType: "open311_client",
                    objectID: clientID.uuidString),
                at: now)
        }
    }

    // MARK: Services

    /// A service as Open311 lists it: one per active category.
    public struct Service: Sendable, Equatable {
        /// `service_code`: the category code.
        public var code: String
        /// `service_name`.
        public var name: String
        /// `description`.
        public var description: String
        /// `keywords`.
        public var keywords: String
        /// `group`: the risk domain.
        public var group: String
        /// `metadata`: whether the category declares attributes.
        public var hasMetadata: Bool
    }

    /// The services (active categories), by code.
    public func services() async throws -> [Service] {
        try await env.provider.read { db in
            let withAttributes = try await Open311Repository(db).categoriesWithAttributes()
            return try await CaseRepository(db).categories().map {
                Service(
                    code: $0.code, name: $0.nameZh, description: "\($0.nameZh)(\($0.nameEn))",
                    keywords: [$0.nameZh, $0.nameEn].joined(separator: ","), group: $0.domain,
                    hasMetadata: withAttributes.contains($0.code))
            }
        }
    }

    /// The attributes of service `code`; 404 when there is no such active category.
    public func definition(code: String) async throws -> [ServiceAttribute] {
        try await env.provider.read { db in
            guard try await CaseRepository(db).categoryExists(code) else {
                throw PinganError.notFound(entity: "service", id: code)
            }
            return try await Open311Repository(db).attributes(category: code).sorted { $0.order < $1.order }
        }
    }

    /// The region a `jurisdiction_id` names (a region code); 404 when unknown. `nil` when none was given.
    public func jurisdiction(_ id: String?) async throws -> Region? {
        guard let id, !id.isEmpty else { return nil }
        let region = try await env.provider.read { db in try await RegionRepository(db).find(code: id) }
        guard let region else { throw PinganError.notFound(entity: "jurisdiction", id: id) }
        return region
    }

    // MARK: Requests

    /// What a posted request answers.
    public struct Receipt: Sendable {
        /// The new case.
        public var record: Case
        /// `service_notice`: the time limit in plain Chinese (受理后5个工作日内办结).
        public var notice: String?
    }

    /// The client holding `apiKey`, or `forbidden` (the specification's 403).
    public func client(apiKey: String?) async throws -> (Open311Repository.Client, Principal) {
        guard let apiKey, !apiKey.isEmpty else { throw PinganError.forbidden("api_key is required") }
        let hash = AuthService.hash(apiKey)
        let found = try await env.provider.read { db -> (Open311Repository.Client, Principal)? in
            guard let client = try await Open311Repository(db).activeClient(keyHash: hash),
                let principal = try await Principal.account(id: client.userID, db: db)
            else { return nil }
            return (client, principal)
        }
        guard let found else {
            throw PinganError.forbidden("Invalid api_key received -- can't proceed with create_request.")
        }
        return found
    }

    /// Posts a request for the client holding `apiKey`: checks the service and its attributes, places the case in
    /// the region `address_id` names (when it is a region inside the jurisdiction), else the jurisdiction, else the
    /// client account's own region, and opens it through ``CaseService/create(_:by:alongside:)``.
    public func submit(_ submission: Open311Submission, apiKey: String?) async throws -> Receipt {
        let (client, principal) = try await client(apiKey: apiKey)
        let jurisdiction = try await jurisdiction(submission.jurisdictionID)
        let facts = try await env.provider.read { db in
            let category = try await CaseRepository(db).categories().first { $0.code == submission.serviceCode }
            let attributes = try await Open311Repository(db).attributes(category: submission.serviceCode)
            let home = try await UnitRepository(db).find(id: principal.unitID)?.regionCode
            let addressRegion = try await submission.addressID.asyncMap {
                try await RegionRepository(db).find(code: $0)
            }
            return (category, attributes, home, addressRegion ?? nil)
        }
        guard let category = facts.0 else { throw PinganError.notFound(entity: "service", id: submission.serviceCode) }
        let violations = ServiceAttribute.violations(of: submission.attributes, against: facts.1)
        if !violations.isEmpty { throw PinganError.invalid(violations) }
        var regionCode = jurisdiction?.code ?? facts.2 ?? ""
        if let region = facts.3, jurisdiction.map({ $0.contains(region) }) ?? true { regionCode = region.code }
        let draft = CaseDraft(
            kind: .request, categoryCode: category.code, regionCode: regionCode, source: .open311,
            title: Self.title(service: category.nameZh, description: submission.description),
            description: Self.description(submission, attributes: facts.1),
            isPublic: !Self.privateDomains.contains(category.domain))
        var parties: [CaseService.Party] = []
        if !submission.contact.isEmpty {
            parties.append(
                .init(
                    role: "applicant", name: submission.contact.fullName ?? "未留姓名", phone: submission.contact.phone,
                    email: submission.contact.email))
        }
        let details = Open311Repository.RequestDetails(
            clientID: client.id, jurisdictionID: submission.jurisdictionID, latitude: submission.latitude,
            longitude: submission.longitude, address: submission.address, addressID: submission.addressID,
            mediaURL: submission.mediaURL, attributes: submission.attributes)
        let now = env.clock()
        let intake = try await cases.create(.init(draft: draft, parties: parties), by: principal) { db, record in
            try await Open311Repository(db).insertDetails(details, caseID: record.id, at: now)
            // Which client system posted the request, beside the account's own case.create entry.
            try await AuditLog(db).append(
                AuditRecord(
                    actor: "open311:\(client.name)", action: "open311.request", objectType: "case",
                    objectID: record.number, change: ["client_id": client.id.uuidString]),
                at: now)
        }
        let notice = sla.rule(kind: .request, category: category.code, level: .none)?.rule.resolve.noticeText
        return Receipt(record: intake.record, notice: notice)
    }

    /// The public requests matching `query`, limited to `jurisdiction` when given.
    public func requests(
        _ query: Open311Repository.PublicQuery, in jurisdiction: Region?
    ) async throws
        -> [Open311Repository.PublicRequest]
    {
        var query = query
        query.regionPath = jurisdiction?.path
        let scoped = query
        return try await env.provider.read { db in try await Open311Repository(db).publicRequests(scoped) }
    }

    /// The status changes of the requests the client holding `apiKey` posted, in [`from`, `to`] (the
    /// `servicerequestupdates` extension): only the events ``PinganCore/CaseEventType/open311Update`` tells.
    public func updates(apiKey: String?, from: Date, to: Date) async throws -> [Open311Repository.Update] {
        let (client, _) = try await client(apiKey: apiKey)
        let all = try await env.provider.read { db in
            try await Open311Repository(db).updates(clientID: client.id, from: from, to: to, limit: 5_000)
        }
        return Array(all.filter { $0.type.open311Update != nil }.prefix(1_000))
    }

    /// A client system reports back on a request it posted (the POST half of `servicerequestupdates`): the
    /// description becomes a timeline note by the client's account, with the client's own status and update id.
    /// It never changes the case's status — only the responsible unit and the centre do that. Returns the note's
    /// event id. Requests of other clients, and unknown ones, are 404.
    public func postUpdate(
        apiKey: String?, requestID: String?, description: String?, status: String?, clientUpdateID: String?
    ) async throws -> UUID {
        let (client, principal) = try await client(apiKey: apiKey)
        var violations: [FieldViolation] = []
        if requestID == nil {
            violations.append(
                .init(field: "service_request_id", rule: "required", detail: "service_request_id is required"))
        }
        let text = description ?? ""
        if text.isEmpty || text.count > Open311Submission.maximumDescriptionLength {
            violations.append(
                .init(field: "description", rule: "length", detail: "a description of 1 to 4000 characters"))
        }
        if let status, !["open", "closed"].contains(status.lowercased()) {
            violations.append(.init(field: "status", rule: "unknown_value", detail: "open or closed"))
        }
        if let clientUpdateID, clientUpdateID.count > 64 {
            violations.append(.init(field: "update_id", rule: "length", detail: "at most 64 characters"))
        }
        if !violations.isEmpty { throw PinganError.invalid(violations) }
        let number = requestID ?? ""
        let (poster, version) = try await env.provider.read { db in
            (
                try await Open311Repository(db).postingClient(caseNumber: number),
                try await CaseRepository(db).find(number: number)?.record.version
            )
        }
        guard poster == client.id, let version else {
            throw PinganError.notFound(entity: "service request", id: number)
        }
        var note = "\(client.name) 反馈:\(text)"
        if let status { note += "(对方状态:\(status.lowercased()))" }
        if let clientUpdateID { note += "(对方更新编号:\(clientUpdateID))" }
        let changed = try await cases.apply(.addNote(note: note), to: number, expectedVersion: version, by: principal)
        let events = try await cases.events(number, by: principal)
        guard let event = events.last(where: { $0.version == changed.version }) else {
            throw PinganError.notFound(entity: "service request update", id: number)
        }
        return event.id
    }

    /// `service_notice` for a case: the SLA's promise for its kind, category and level.
    public func notice(for record: Case) -> String? {
        sla.rule(kind: record.kind, category: record.categoryCode, level: record.level)?.rule.resolve.noticeText
    }

    static func title(service: String, description: String) -> String {
        let firstLine = description.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let summary = firstLine.trimmingCharacters(in: .whitespaces)
        return summary.isEmpty ? service : "\(service):\(summary.prefix(60))"
    }

    static func description(_ submission: Open311Submission, attributes: [ServiceAttribute]) -> String {
        var lines = [submission.description]
        if let address = submission.address { lines.append("地址:\(address)") }
        for attribute in attributes.sorted(by: { $0.order < $1.order }) {
            guard let answers = submission.attributes[attribute.code], !answers.isEmpty else { continue }
            let names = answers.map { key in attribute.values.first { $0.key == key }?.name ?? key }
            lines.append("\(attribute.description):\(names.joined(separator: "、"))")
        }
        return lines.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}

extension Optional {
    fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
