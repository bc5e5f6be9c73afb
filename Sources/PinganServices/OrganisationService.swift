import Foundation
import PinganCore
import PinganStore
import SQLKit

/// Managing the organisation: regions, units and their leaders, users (issue 2 §5). Every change is validated
/// completely before anything is written and commits together with its audit entry.
public struct OrganisationService: Sendable {
    private let env: ServiceEnvironment

    /// Creates the service.
    public init(_ env: ServiceEnvironment) { self.env = env }

    // MARK: Regions

    /// What a client sends to create a region.
    public struct NewRegion: Sendable, Codable {
        /// Region code.
        public var code: String
        /// Name.
        public var name: String
        /// Level name (`city`, `district`, `street`, `community`, `grid`).
        public var level: String
        /// Parent code; absent for a root.
        public var parentCode: String?

        /// Creates the request.
        public init(code: String, name: String, level: String, parentCode: String?) {
            self.code = code
            self.name = name
            self.level = level
            self.parentCode = parentCode
        }
    }

    /// Creates a region.
    public func createRegion(_ request: NewRegion, by actor: Actor) async throws -> Region {
        try actor.require(AccessPolicy.canManageOrganisation, "manage regions")
        let now = env.clock()
        return try await env.write { db, audit in
            try await createRegion(request, by: actor, at: now, db: db, audit: audit)
        }
    }

    func createRegion(
        _ request: NewRegion, by actor: Actor, at now: Date, db: any SQLDatabase, audit: AuditLog
    )
        async throws -> Region
    {
        guard let level = RegionLevel(rawValue: request.level) else {
            throw PinganError.invalid(
                field: "level", rule: "unknown_value",
                detail: "unknown level '\(request.level)'; allowed: "
                    + RegionLevel.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let regions = RegionRepository(db)
        var parent: Region?
        if let parentCode = request.parentCode {
            guard let found = try await regions.find(code: parentCode) else {
                throw PinganError.invalid(
                    field: "parent_code", rule: "not_found", detail: "there is no region with code '\(parentCode)'")
            }
            parent = found
        }
        let region = try Region.make(code: request.code, name: request.name, level: level, parent: parent)
        if try await regions.find(code: region.code) != nil {
            throw PinganError.conflict(field: "code", detail: "a region with code '\(region.code)' already exists")
        }
        try await regions.insert(region, at: now)
        try await audit.append(
            AuditRecord(
                actor: actor.auditName, action: "region.create", objectType: "region", objectID: region.code,
                change: ["name": region.name, "level": region.level.rawValue, "parent_code": region.parentCode ?? ""]),
            at: now)
        return region
    }

    /// Regions the actor may see: all for admins and the system, the subtree of the user's region otherwise.
    public func regions(for actor: Actor) async throws -> [Region] {
        try await env.provider.read { db in
            try await RegionRepository(db).list(under: Self.scopePath(actor))
        }
    }

    // MARK: Units

    /// What a client sends to create a unit.
    public struct NewUnit: Sendable, Codable {
        /// Short code.
        public var code: String
        /// Full name.
        public var name: String
        /// Kind (`centre`, `department`, `street_office`, `community`, `other`).
        public var kind: String
        /// Region code.
        public var regionCode: String
        /// Parent unit code.
        public var parentCode: String?
        /// Other names.
        public var aliases: [String]?

        /// Creates the request.
        public init(
            code: String, name: String, kind: String, regionCode: String, parentCode: String? = nil,
            aliases: [String]? = nil
        ) {
            self.code = code
            self.name = name
            self.kind = kind
            self.regionCode = regionCode
            self.parentCode = parentCode
            self.aliases = aliases
        }
    }

    /// Creates a unit.
    public func createUnit(_ request: NewUnit, by actor: Actor) async throws -> OrgUnit {
        try actor.require(AccessPolicy.canManageOrganisation, "manage units")
        let now = env.clock()
        return try await env.write { db, audit in
            try await createUnit(request, by: actor, at: now, db: db, audit: audit)
        }
    }

    func createUnit(
        _ request: NewUnit, by actor: Actor, at now: Date, db: any SQLDatabase, audit: AuditLog
    )
        async throws -> OrgUnit
    {
        var violations: [FieldViolation] = []
        do {
            try OrgUnit.validate(code: request.code, name: request.name, aliases: request.aliases ?? [])
        } catch {
            if case .invalid(let found) = error { violations += found }
        }
        let kind = UnitKind(rawValue: request.kind)
        if kind == nil {
            violations.append(
                .init(
                    field: "kind", rule: "unknown_value",
                    detail: "unknown unit kind '\(request.kind)'; allowed: "
                        + UnitKind.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        let units = UnitRepository(db)
        if try await RegionRepository(db).find(code: request.regionCode) == nil {
            violations.append(
                .init(
                    field: "region_code", rule: "not_found",
                    detail: "there is no region with code '\(request.regionCode)'"
                ))
        }
        var parentID: UUID?
        if let parentCode = request.parentCode {
            if let parent = try await units.find(code: parentCode) {
                parentID = parent.id
            } else {
                violations.append(
                    .init(field: "parent_code", rule: "not_found", detail: "there is no unit with code '\(parentCode)'")
                )
            }
        }
        guard violations.isEmpty, let kind else { throw PinganError.invalid(violations) }
        if try await units.find(code: request.code) != nil {
            throw PinganError.conflict(field: "code", detail: "a unit with code '\(request.code)' already exists")
        }
        let name = request.name.trimmingCharacters(in: .whitespacesAndNewlines)
        if try await units.exists(name: name) {
            throw PinganError.conflict(field: "name", detail: "a unit named '\(name)' already exists")
        }
        let unit = OrgUnit(
            id: UUID(), code: request.code, name: name, kind: kind, regionCode: request.regionCode,
            parentID: parentID, aliases: request.aliases ?? [])
        try await units.insert(unit, at: now)
        try await audit.append(
            AuditRecord(
                actor: actor.auditName, action: "unit.create", objectType: "unit", objectID: unit.code,
                change: [
                    "name": unit.name, "kind": unit.kind.rawValue, "region_code": unit.regionCode,
                    "parent_code": request.parentCode ?? "",
                ]),
            at: now)
        return unit
    }

    /// Sets the holders of a unit's leader posts: `leaders` maps a post (`deputy`, `government_principal`,
    /// `party_principal`) to a username, or to `nil` to clear it. Posts not named are left as they are.
    public func setLeaders(unitCode: String, leaders: [String: String?], by actor: Actor) async throws -> OrgUnit {
        try actor.require(AccessPolicy.canManageOrganisation, "manage units")
        let now = env.clock()
        return try await env.write { db, audit in
            try await setLeaders(unitCode: unitCode, leaders: leaders, by: actor, at: now, db: db, audit: audit)
        }
    }

    func setLeaders(
        unitCode: String, leaders: [String: String?], by actor: Actor, at now: Date, db: any SQLDatabase,
        audit: AuditLog
    ) async throws -> OrgUnit {
        let units = UnitRepository(db)
        guard let unit = try await units.find(code: unitCode) else {
            throw PinganError.notFound(entity: "unit", id: unitCode)
        }
        var violations: [FieldViolation] = []
        var resolved: [(LeaderRole, User?)] = []
        for (post, username) in leaders.sorted(by: { $0.key < $1.key }) {
            guard let role = LeaderRole(rawValue: post) else {
                violations.append(
                    .init(
                        field: "leaders.\(post)", rule: "unknown_value",
                        detail: "unknown leader post '\(post)'; allowed: "
                            + LeaderRole.allCases.map(\.rawValue).joined(separator: ", ")))
                continue
            }
            guard let username else {
                resolved.append((role, nil))
                continue
            }
            guard let user = try await UserRepository(db).find(username: username) else {
                violations.append(
                    .init(field: "leaders.\(post)", rule: "not_found", detail: "there is no user '\(username)'"))
                continue
            }
            if !user.roles.contains(.leader) {
                violations.append(
                    .init(
                        field: "leaders.\(post)", rule: "role_required",
                        detail: "user '\(username)' does not hold the leader role"))
            }
            resolved.append((role, user))
        }
        guard violations.isEmpty else { throw PinganError.invalid(violations) }
        var change: [String: String] = [:]
        for (role, user) in resolved {
            try await units.setLeader(unitID: unit.id, role: role, userID: user?.id)
            change[role.rawValue] = user?.username ?? ""
        }
        try await audit.append(
            AuditRecord(
                actor: actor.auditName, action: "unit.set_leaders", objectType: "unit", objectID: unit.code,
                change: change),
            at: now)
        return try await units.find(id: unit.id) ?? unit
    }

    /// Units the actor may see.
    public func units(for actor: Actor) async throws -> [OrgUnit] {
        try await env.provider.read { db in
            let units = try await UnitRepository(db).list(regionPath: Self.scopePath(actor))
            guard case .user(let principal) = actor, !principal.has(.admin) else { return units }
            if principal.has(.operator) || principal.has(.leader) || principal.has(.assessor) { return units }
            return units.filter { $0.id == principal.unitID }
        }
    }

    /// The unit with `code`, if the actor may see it; otherwise `.notFound` (a handler does not learn that another
    /// unit's code exists).
    public func unit(code: String, for actor: Actor) async throws -> OrgUnit {
        try await env.provider.read { db in
            let units = UnitRepository(db)
            guard let unit = try await units.find(code: code), let path = try await units.regionPath(unitID: unit.id)
            else { throw PinganError.notFound(entity: "unit", id: code) }
            if case .user(let principal) = actor, !AccessPolicy.canSee(unitID: unit.id, regionPath: path, by: principal)
            {
                throw PinganError.notFound(entity: "unit", id: code)
            }
            return unit
        }
    }

    // MARK: Users

    /// What a client sends to create a user.
    public struct NewUser: Sendable, Codable {
        /// Login name.
        public var username: String
        /// Name shown to colleagues.
        public var displayName: String
        /// Role names.
        public var roles: [String]
        /// The unit's code.
        public var unitCode: String
        /// Initial password; a random one is generated and returned when absent.
        public var password: String?

        /// Creates the request.
        public init(username: String, displayName: String, roles: [String], unitCode: String, password: String?) {
            self.username = username
            self.displayName = displayName
            self.roles = roles
            self.unitCode = unitCode
            self.password = password
        }
    }

    /// Creates a user; returns it with the initial password when one was generated.
    public func createUser(_ request: NewUser, by actor: Actor) async throws -> (User, generatedPassword: String?) {
        try actor.require(AccessPolicy.canManageOrganisation, "manage users")
        let roles = try User.validate(
            username: request.username, displayName: request.displayName, roles: request.roles,
            password: request.password)
        let generated = request.password == nil ? PasswordHasher.randomPassword() : nil
        let hash = env.hasher.hash(request.password ?? generated ?? "")
        let now = env.clock()
        let user = try await env.write { db, audit in
            try await createUser(request, roles: roles, passwordHash: hash, by: actor, at: now, db: db, audit: audit)
        }
        return (user, generated)
    }

    func createUser(
        _ request: NewUser, roles: Set<Role>, passwordHash: String, by actor: Actor, at now: Date, db: any SQLDatabase,
        audit: AuditLog
    ) async throws -> User {
        guard let unit = try await UnitRepository(db).find(code: request.unitCode) else {
            throw PinganError.invalid(
                field: "unit_code", rule: "not_found", detail: "there is no unit with code '\(request.unitCode)'")
        }
        let users = UserRepository(db)
        if try await users.find(username: request.username) != nil {
            throw PinganError.conflict(
                field: "username", detail: "a user named '\(request.username)' already exists")
        }
        let user = User(
            id: UUID(), username: request.username,
            displayName: request.displayName.trimmingCharacters(in: .whitespacesAndNewlines), roles: roles,
            unitID: unit.id, disabled: false)
        try await users.insert(user, passwordHash: passwordHash, at: now)
        try await audit.append(
            AuditRecord(
                actor: actor.auditName, action: "user.create", objectType: "user", objectID: user.username,
                change: ["unit": unit.code, "roles": roles.sorted().map(\.rawValue).joined(separator: ",")]),
            at: now)
        return user
    }

    /// Users the actor may see: all for admins; users of the units in scope for operators and leaders; the own
    /// unit's otherwise.
    public func users(for actor: Actor) async throws -> [User] {
        try await env.provider.read { db in
            let users = UserRepository(db)
            guard case .user(let principal) = actor, !principal.has(.admin) else { return try await users.list() }
            if principal.has(.operator) || principal.has(.leader) || principal.has(.assessor) {
                return try await users.list(regionPath: principal.regionPath)
            }
            return try await users.list(unitID: principal.unitID)
        }
    }

    /// The user named `username`, if the actor may see it.
    public func user(username: String, for actor: Actor) async throws -> User {
        try await env.provider.read { db in
            guard let user = try await UserRepository(db).find(username: username),
                let path = try await UnitRepository(db).regionPath(unitID: user.unitID)
            else { throw PinganError.notFound(entity: "user", id: username) }
            if case .user(let principal) = actor, principal.userID != user.id,
                !AccessPolicy.canSee(unitID: user.unitID, regionPath: path, by: principal)
            {
                throw PinganError.notFound(entity: "user", id: username)
            }
            return user
        }
    }

    /// Disables (or re-enables) a user; disabling revokes every token the user holds.
    public func setDisabled(_ disabled: Bool, username: String, by actor: Actor) async throws -> User {
        try actor.require(AccessPolicy.canManageOrganisation, "manage users")
        let now = env.clock()
        return try await env.write { db, audit in
            let users = UserRepository(db)
            guard var user = try await users.find(username: username) else {
                throw PinganError.notFound(entity: "user", id: username)
            }
            if case .user(let principal) = actor, principal.userID == user.id, disabled {
                throw PinganError.conflict(field: "username", detail: "you cannot disable your own account")
            }
            try await users.setDisabled(disabled, userID: user.id, at: now)
            if disabled { try await TokenRepository(db).revokeAll(userID: user.id, at: now) }
            try await audit.append(
                AuditRecord(
                    actor: actor.auditName, action: disabled ? "user.disable" : "user.enable", objectType: "user",
                    objectID: username),
                at: now)
            user.disabled = disabled
            return user
        }
    }

    /// Replaces a user's password (a random one when `password` is nil, returned), clears its lock-out and revokes
    /// its tokens.
    public func resetPassword(username: String, password: String?, by actor: Actor) async throws -> String? {
        try actor.require(AccessPolicy.canManageOrganisation, "reset passwords")
        if let password {
            let violations = PasswordRule.violations(password, field: "password")
            if !violations.isEmpty { throw PinganError.invalid(violations) }
        }
        let generated = password == nil ? PasswordHasher.randomPassword() : nil
        let hash = env.hasher.hash(password ?? generated ?? "")
        let now = env.clock()
        try await env.write { db, audit in
            let users = UserRepository(db)
            guard let user = try await users.find(username: username) else {
                throw PinganError.notFound(entity: "user", id: username)
            }
            try await users.setPassword(hash: hash, userID: user.id, at: now)
            try await TokenRepository(db).revokeAll(userID: user.id, at: now)
            try await audit.append(
                AuditRecord(
                    actor: actor.auditName, action: "user.reset_password", objectType: "user", objectID: username),
                at: now)
        }
        return generated
    }

    /// The region path an actor's reads are limited to; `nil` for everything.
    static func scopePath(_ actor: Actor) -> String? {
        guard case .user(let principal) = actor, !principal.has(.admin) else { return nil }
        return principal.regionPath
    }
}
