import Foundation
import PinganCore
import PinganStore

/// The demo district (issue 2 §9): the fictional 江州市青山区 with three streets, two communities each, four grids per
/// community, thirteen units with their leaders, and users for every role. Codes start with 99, which no real
/// province has, so demo data can never be mistaken for a real division.
public struct DemoDistrict: Sendable {
    private let env: ServiceEnvironment

    /// Creates the loader.
    public init(_ env: ServiceEnvironment) { self.env = env }

    /// A demo login, printed once.
    public struct Login: Sendable, Equatable {
        /// Login name.
        public var username: String
        /// Display name.
        public var displayName: String
        /// Roles.
        public var roles: [String]
        /// The unit's name.
        public var unitName: String
        /// The password.
        public var password: String
    }

    /// What loading did.
    public enum Outcome: Sendable, Equatable {
        /// The demo was loaded; these are the logins.
        case loaded([Login])
        /// The database already held data; nothing was changed.
        case skipped
    }

    /// Loads the demo into an empty database in one transaction; on a database that has any region, unit or user it
    /// changes nothing. Every user gets `password`, or a random password each when it is nil.
    public func load(password: String?) async throws -> Outcome {
        if try await !isEmpty() { return .skipped }
        let passwords = Self.users.map { _ in password ?? PasswordHasher.randomPassword() }
        let hasher = env.hasher
        let hashes = await withTaskGroup(of: (Int, String).self) { group in
            for (index, secret) in passwords.enumerated() {
                group.addTask { (index, hasher.hash(secret)) }
            }
            var hashes = [String](repeating: "", count: passwords.count)
            for await (index, hash) in group { hashes[index] = hash }
            return hashes
        }
        let organisation = OrganisationService(env)
        let actor = Actor.system("demo")
        let now = env.clock()
        let dialect = Dialect(env.provider.engine)
        let loaded = try await env.write { db, audit in
            // Checked again inside the transaction, under a lock on PostgreSQL: two processes started with --demo at
            // once load it once.
            try await dialect.lockForTransaction(.demo, on: db)
            if try await RegionRepository(db).count() + UnitRepository(db).count() + UserRepository(db).count() > 0 {
                return false
            }
            for region in Self.regions() {
                _ = try await organisation.createRegion(region, by: actor, at: now, db: db, audit: audit)
            }
            for unit in Self.units {
                _ = try await organisation.createUnit(unit, by: actor, at: now, db: db, audit: audit)
            }
            for (index, user) in Self.users.enumerated() {
                let roles = Set(user.roles.compactMap(Role.init(rawValue:)))
                _ = try await organisation.createUser(
                    user, roles: roles, passwordHash: hashes[index], by: actor, at: now, db: db, audit: audit)
            }
            for (unit, leaders) in Self.leaders {
                _ = try await organisation.setLeaders(
                    unitCode: unit, leaders: leaders.mapValues { Optional($0) }, by: actor, at: now, db: db,
                    audit: audit)
            }
            _ = try await RoutingService(env).store(
                json: Data(Self.routingTable.utf8), by: actor, at: now, db: db, audit: audit)
            return true
        }
        guard loaded else { return .skipped }
        let unitNames = Dictionary(uniqueKeysWithValues: Self.units.map { ($0.code, $0.name) })
        return .loaded(
            zip(Self.users, passwords).map { user, secret in
                Login(
                    username: user.username, displayName: user.displayName, roles: user.roles,
                    unitName: unitNames[user.unitCode] ?? user.unitCode, password: secret)
            })
    }

    /// Whether the database holds no organisation data at all.
    public func isEmpty() async throws -> Bool {
        try await env.provider.read { db in
            try await RegionRepository(db).count() + UnitRepository(db).count() + UserRepository(db).count() == 0
        }
    }

    // MARK: The district

    static let cityCode = "990100"
    static let districtCode = "990102"

    static let streets: [(code: String, name: String, communities: [String])] = [
        ("001", "青山街道", ["翠湖社区", "明德社区"]),
        ("002", "官园街道", ["官园社区", "桃李社区"]),
        ("003", "临江街道", ["滨江社区", "渔港社区"]),
    ]

    static func regions() -> [OrganisationService.NewRegion] {
        var regions: [OrganisationService.NewRegion] = [
            .init(code: cityCode, name: "江州市", level: "city", parentCode: nil),
            .init(code: districtCode, name: "青山区", level: "district", parentCode: cityCode),
        ]
        for street in streets {
            let streetCode = districtCode + street.code
            regions.append(.init(code: streetCode, name: street.name, level: "street", parentCode: districtCode))
            for (index, community) in street.communities.enumerated() {
                let communityCode = streetCode + String(format: "%03d", index + 1)
                regions.append(.init(code: communityCode, name: community, level: "community", parentCode: streetCode))
                for grid in 1...4 {
                    regions.append(
                        .init(
                            code: communityCode + String(format: "%03d", grid), name: "\(community)第\(grid)网格",
                            level: "grid", parentCode: communityCode))
                }
            }
        }
        return regions
    }

    static let units: [OrganisationService.NewUnit] = [
        .init(code: "jz-centre", name: "江州市社会治理中心", kind: "centre", regionCode: cityCode, aliases: ["市综治中心"]),
        .init(
            code: "qs-centre", name: "青山区社会治理中心", kind: "centre", regionCode: districtCode,
            parentCode: "jz-centre", aliases: ["区综治中心", "区平安办", "区委政法委"]),
        .init(
            code: "qs-police", name: "青山公安分局", kind: "department", regionCode: districtCode, parentCode: "qs-centre",
            aliases: ["区公安分局"]),
        .init(
            code: "qs-emergency", name: "青山区应急管理局", kind: "department", regionCode: districtCode,
            parentCode: "qs-centre", aliases: ["区应急管理局", "区应急局"]),
        .init(
            code: "qs-market", name: "青山区市场监督管理局", kind: "department", regionCode: districtCode,
            parentCode: "qs-centre", aliases: ["区市场监管局"]),
        .init(
            code: "qs-housing", name: "青山区住房和城乡建设局", kind: "department", regionCode: districtCode,
            parentCode: "qs-centre", aliases: ["区住建局"]),
        .init(
            code: "qs-health", name: "青山区卫生健康委员会", kind: "department", regionCode: districtCode,
            parentCode: "qs-centre", aliases: ["区卫健委"]),
        .init(
            code: "qs-hrss", name: "青山区人力资源和社会保障局", kind: "department", regionCode: districtCode,
            parentCode: "qs-centre", aliases: ["区人社局"]),
        .init(
            code: "qs-justice", name: "青山区司法局", kind: "department", regionCode: districtCode,
            parentCode: "qs-centre", aliases: ["区司法局"]),
        .init(
            code: "qs-petition", name: "青山区信访局", kind: "department", regionCode: districtCode,
            parentCode: "qs-centre", aliases: ["区信访局"]),
        .init(
            code: "qs-st-qingshan", name: "青山街道办事处", kind: "street_office", regionCode: districtCode + "001",
            parentCode: "qs-centre", aliases: ["青山街道"]),
        .init(
            code: "qs-st-guanyuan", name: "官园街道办事处", kind: "street_office", regionCode: districtCode + "002",
            parentCode: "qs-centre", aliases: ["官园街道"]),
        .init(
            code: "qs-st-linjiang", name: "临江街道办事处", kind: "street_office", regionCode: districtCode + "003",
            parentCode: "qs-centre", aliases: ["临江街道"]),
    ]

    static let users: [OrganisationService.NewUser] = [
        .init(username: "admin", displayName: "系统管理员", roles: ["admin"], unitCode: "qs-centre", password: nil),
        .init(username: "operator.zhou", displayName: "周婷", roles: ["operator"], unitCode: "qs-centre", password: nil),
        .init(username: "operator.wu", displayName: "吴昊", roles: ["operator"], unitCode: "qs-centre", password: nil),
        .init(username: "handler.police", displayName: "黄磊", roles: ["handler"], unitCode: "qs-police", password: nil),
        .init(
            username: "handler.guanyuan", displayName: "陈静", roles: ["handler"], unitCode: "qs-st-guanyuan",
            password: nil),
        .init(
            username: "handler.housing", displayName: "林涛", roles: ["handler"], unitCode: "qs-housing", password: nil),
        .init(
            username: "handler.emergency", displayName: "邓超", roles: ["handler"], unitCode: "qs-emergency",
            password: nil),
        .init(username: "handler.market", displayName: "冯雪", roles: ["handler"], unitCode: "qs-market", password: nil),
        .init(username: "handler.health", displayName: "曹颖", roles: ["handler"], unitCode: "qs-health", password: nil),
        .init(username: "handler.hrss", displayName: "彭亮", roles: ["handler"], unitCode: "qs-hrss", password: nil),
        .init(
            username: "handler.justice", displayName: "蒋琴", roles: ["handler"], unitCode: "qs-justice", password: nil),
        .init(
            username: "handler.petition", displayName: "韩梅", roles: ["handler"], unitCode: "qs-petition", password: nil),
        .init(
            username: "handler.qingshan", displayName: "袁博", roles: ["handler"], unitCode: "qs-st-qingshan",
            password: nil),
        .init(
            username: "handler.linjiang", displayName: "谢芳", roles: ["handler"], unitCode: "qs-st-linjiang",
            password: nil),
        .init(
            username: "gridworker.li", displayName: "李秀英", roles: ["grid_worker"], unitCode: "qs-st-guanyuan",
            password: nil),
        .init(
            username: "gridworker.zhao", displayName: "赵敏", roles: ["grid_worker"], unitCode: "qs-st-qingshan",
            password: nil),
        .init(username: "leader.district", displayName: "王建国", roles: ["leader"], unitCode: "qs-centre", password: nil),
        .init(username: "leader.mayor", displayName: "刘洋", roles: ["leader"], unitCode: "qs-centre", password: nil),
        .init(username: "leader.deputy", displayName: "孙强", roles: ["leader"], unitCode: "qs-centre", password: nil),
        .init(
            username: "leader.guanyuan.deputy", displayName: "马骏", roles: ["leader"], unitCode: "qs-st-guanyuan",
            password: nil),
        .init(
            username: "leader.guanyuan.director", displayName: "朱琳", roles: ["leader"], unitCode: "qs-st-guanyuan",
            password: nil),
        .init(
            username: "leader.guanyuan.secretary", displayName: "胡斌", roles: ["leader"], unitCode: "qs-st-guanyuan",
            password: nil),
        .init(
            username: "leader.qingshan.deputy", displayName: "郭峰", roles: ["leader"], unitCode: "qs-st-qingshan",
            password: nil),
        .init(
            username: "leader.qingshan.director", displayName: "何洁", roles: ["leader"], unitCode: "qs-st-qingshan",
            password: nil),
        .init(
            username: "leader.qingshan.secretary", displayName: "高远", roles: ["leader"], unitCode: "qs-st-qingshan",
            password: nil),
        .init(
            username: "leader.linjiang.deputy", displayName: "徐丽", roles: ["leader"], unitCode: "qs-st-linjiang",
            password: nil),
        .init(
            username: "leader.linjiang.director", displayName: "杨帆", roles: ["leader"], unitCode: "qs-st-linjiang",
            password: nil),
        .init(
            username: "leader.linjiang.secretary", displayName: "罗敏", roles: ["leader"], unitCode: "qs-st-linjiang",
            password: nil),
        .init(username: "analyst.chen", displayName: "陈晓", roles: ["analyst"], unitCode: "qs-centre", password: nil),
        .init(username: "assessor.xu", displayName: "许文", roles: ["assessor"], unitCode: "qs-centre", password: nil),
    ]

    /// The demo's routing table (谁主管谁负责, 属地管理): local disputes and services to the street office with the
    /// competent department participating; industry matters to the competent department.
    static let routingTable = """
        {"version": 1, "rules": [
          {"category": "*", "region": "990102", "responsible": "@territorial", "note": "属地管理"},
          {"category": "conflict.*", "region": "990102", "responsible": "@territorial", "participants": ["qs-justice"],
           "note": "矛盾纠纷属地化解,司法局指导人民调解"},
          {"category": "conflict.labour", "region": "990102", "responsible": "@territorial",
           "participants": ["qs-hrss"], "note": "劳动关系与欠薪"},
          {"category": "conflict.property", "region": "990102", "responsible": "@territorial",
           "participants": ["qs-housing"], "note": "物业纠纷"},
          {"category": "conflict.medical", "region": "990102", "responsible": "qs-health",
           "participants": ["qs-justice"], "note": "医疗纠纷由卫健委牵头"},
          {"category": "safety.*", "region": "990102", "responsible": "qs-emergency", "note": "安全生产由应急管理局主管"},
          {"category": "safety.road", "region": "990102", "responsible": "qs-police", "note": "道路交通由公安交警主管"},
          {"category": "safety.gas", "region": "990102", "responsible": "qs-housing", "participants": ["qs-emergency"],
           "note": "燃气与市政设施由住建局主管"},
          {"category": "safety.construction", "region": "990102", "responsible": "qs-housing"},
          {"category": "safety.food", "region": "990102", "responsible": "qs-market"},
          {"category": "safety.health", "region": "990102", "responsible": "qs-health"},
          {"category": "order.*", "region": "990102", "responsible": "qs-police", "note": "治安与犯罪由公安主管"},
          {"category": "cyber.*", "region": "990102", "responsible": "qs-police"},
          {"category": "service.social_security", "region": "990102", "responsible": "qs-hrss"}
        ]}
        """

    static let leaders: [(String, [String: String])] = [
        (
            "qs-centre",
            ["deputy": "leader.deputy", "government_principal": "leader.mayor", "party_principal": "leader.district"]
        ),
        (
            "qs-st-guanyuan",
            [
                "deputy": "leader.guanyuan.deputy", "government_principal": "leader.guanyuan.director",
                "party_principal": "leader.guanyuan.secretary",
            ]
        ),
        (
            "qs-st-qingshan",
            [
                "deputy": "leader.qingshan.deputy", "government_principal": "leader.qingshan.director",
                "party_principal": "leader.qingshan.secretary",
            ]
        ),
        (
            "qs-st-linjiang",
            [
                "deputy": "leader.linjiang.deputy", "government_principal": "leader.linjiang.director",
                "party_principal": "leader.linjiang.secretary",
            ]
        ),
    ]
}
