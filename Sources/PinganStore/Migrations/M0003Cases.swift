/// The case ledger (台账, issue 3): categories, cases, their timelines, participating units, sealed parties and case
/// number sequences.
///
/// A case is stored as its full JSON record (`record`) plus the columns that lists filter and sort on; both are
/// written together by `CaseRepository`, so they never disagree.
enum M0003Cases {
    static let migration = Migration(
        version: 3, name: "cases",
        statements: [
            """
            CREATE TABLE categories (
                code TEXT PRIMARY KEY,
                domain TEXT NOT NULL,
                name_zh TEXT NOT NULL,
                name_en TEXT NOT NULL,
                active INTEGER NOT NULL DEFAULT 1
            )
            """,
            """
            CREATE TABLE cases (
                id TEXT PRIMARY KEY,
                number TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL,
                category_code TEXT NOT NULL REFERENCES categories(code),
                region_code TEXT NOT NULL REFERENCES regions(code),
                region_path TEXT NOT NULL,
                source TEXT NOT NULL,
                level TEXT NOT NULL,
                status TEXT NOT NULL,
                responsible_unit_id TEXT REFERENCES units(id),
                reporter_id TEXT REFERENCES users(id),
                deadline TEXT,
                supervised INTEGER NOT NULL DEFAULT 0,
                is_public INTEGER NOT NULL DEFAULT 0,
                version INTEGER NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                record TEXT NOT NULL
            )
            """,
            "CREATE INDEX cases_created ON cases(created_at, id)",
            "CREATE INDEX cases_unit_status ON cases(responsible_unit_id, status, deadline)",
            "CREATE INDEX cases_status_deadline ON cases(status, deadline)",
            "CREATE INDEX cases_region_path ON cases(region_path)",
            """
            CREATE TABLE case_participants (
                case_id TEXT NOT NULL REFERENCES cases(id),
                unit_id TEXT NOT NULL REFERENCES units(id),
                PRIMARY KEY (case_id, unit_id)
            )
            """,
            "CREATE INDEX case_participants_unit ON case_participants(unit_id)",
            """
            CREATE TABLE case_events (
                id TEXT PRIMARY KEY,
                case_id TEXT NOT NULL REFERENCES cases(id),
                version INTEGER NOT NULL,
                at TEXT NOT NULL,
                type TEXT NOT NULL,
                actor TEXT NOT NULL,
                note TEXT,
                data TEXT NOT NULL
            )
            """,
            "CREATE INDEX case_events_case ON case_events(case_id, version, at)",
            """
            CREATE TABLE case_parties (
                case_id TEXT PRIMARY KEY REFERENCES cases(id),
                sealed TEXT NOT NULL,
                created_at TEXT NOT NULL,
                purge_after TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE case_sequences (
                prefix TEXT NOT NULL,
                year INTEGER NOT NULL,
                last INTEGER NOT NULL,
                PRIMARY KEY (prefix, year)
            )
            """,
        ] + CategorySeed.statements)
}

/// The shipped default taxonomy (BRIEF §3 risk domains, plus public services). Admins may add and deactivate
/// categories; codes are never reused.
enum CategorySeed {
    static let categories: [(code: String, domain: String, zh: String, en: String)] = [
        ("safety.production", "public_safety", "安全生产", "Production safety"),
        ("safety.road", "public_safety", "道路交通安全", "Road traffic safety"),
        ("safety.fire", "public_safety", "消防安全", "Fire safety"),
        ("safety.gas", "public_safety", "燃气与市政设施", "Gas and municipal utilities"),
        ("safety.construction", "public_safety", "建筑施工安全", "Construction safety"),
        ("safety.health", "public_safety", "公共卫生", "Public health"),
        ("safety.food", "public_safety", "食品药品安全", "Food and drug safety"),
        ("safety.disaster", "public_safety", "自然灾害", "Natural disasters"),
        ("conflict.labour", "social_conflict", "劳动关系与欠薪", "Labour relations and wage arrears"),
        ("conflict.property", "social_conflict", "住房与物业管理", "Housing and property management"),
        ("conflict.investment", "social_conflict", "投资理财与非法集资", "Investment losses and illegal fund-raising"),
        ("conflict.medical", "social_conflict", "医疗纠纷", "Medical disputes"),
        ("conflict.family", "social_conflict", "婚姻家庭纠纷", "Family disputes"),
        ("conflict.neighbour", "social_conflict", "邻里纠纷", "Neighbour disputes"),
        ("conflict.land", "social_conflict", "土地与征收拆迁", "Land and demolition"),
        ("conflict.environment", "social_conflict", "生态环境", "Environment"),
        ("order.fraud", "public_order", "电信网络诈骗", "Telecom and online fraud"),
        ("order.theft", "public_order", "盗窃", "Theft"),
        ("order.drugs", "public_order", "毒品", "Drugs"),
        ("order.gambling", "public_order", "赌博", "Gambling"),
        ("cyber.data_leak", "cyber", "个人信息泄露", "Personal-information leaks"),
        ("cyber.attack", "cyber", "网络攻击", "Attacks on systems"),
        ("service.complaint", "public_service", "政务服务投诉", "Complaints about government services"),
        ("service.city", "public_service", "市容与城市管理", "City appearance and management"),
        ("service.utilities", "public_service", "水电气暖供应", "Water, power, gas and heating supply"),
        ("service.education", "public_service", "教育", "Education"),
        ("service.social_security", "public_service", "社会保障", "Social security"),
    ]

    static var statements: [String] {
        categories.map { category in
            "INSERT INTO categories (code, domain, name_zh, name_en, active) VALUES ("
                + [category.code, category.domain, category.zh, category.en].map { "'\($0)'" }.joined(separator: ", ")
                + ", 1)"
        }
    }
}
