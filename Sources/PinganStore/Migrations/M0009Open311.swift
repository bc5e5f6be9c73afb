import Foundation

/// Issue 4: the Open311 GeoReport v2 server (client systems and their hashed API keys, the Open311 details of each
/// request, the per-category service definitions), citizen feedback (好差评: one-time feedback links, stored hashed,
/// and one rating per case) and the 12345 hotline import (one row per ticket number).
enum M0009Open311 {
    static let migration = Migration(
        version: 9, name: "open311",
        statements: [
            """
            CREATE TABLE open311_clients (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                key_hash TEXT NOT NULL UNIQUE,
                user_id TEXT NOT NULL REFERENCES users(id),
                created_at TEXT NOT NULL,
                created_by TEXT NOT NULL,
                revoked_at TEXT
            )
            """,
            """
            CREATE TABLE open311_requests (
                case_id TEXT PRIMARY KEY REFERENCES cases(id),
                client_id TEXT NOT NULL REFERENCES open311_clients(id),
                jurisdiction_id TEXT,
                lat DOUBLE PRECISION,
                lng DOUBLE PRECISION,
                address TEXT,
                address_id TEXT,
                media_url TEXT,
                attributes TEXT NOT NULL,
                created_at TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE service_definitions (
                category_code TEXT PRIMARY KEY REFERENCES categories(code),
                attributes TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE feedback_links (
                case_id TEXT PRIMARY KEY REFERENCES cases(id),
                token_hash TEXT NOT NULL UNIQUE,
                issued_at TEXT NOT NULL,
                expires_at TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE case_ratings (
                case_id TEXT PRIMARY KEY REFERENCES cases(id),
                score INTEGER NOT NULL,
                solved INTEGER NOT NULL,
                comment TEXT,
                channel TEXT NOT NULL,
                rated_by TEXT NOT NULL,
                rated_at TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE hotline_tickets (
                ticket_number TEXT PRIMARY KEY,
                case_id TEXT NOT NULL REFERENCES cases(id),
                fields TEXT NOT NULL,
                imported_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """,
        ] + ServiceDefinitionSeed.statements)
}

/// The attributes the shipped categories ask for through Open311 (a deployment edits them in `service_definitions`).
enum ServiceDefinitionSeed {
    static let definitions: [(category: String, json: String)] = [
        (
            "service.city",
            #"[{"code":"problem_type","variable":true,"datatype":"singlevaluelist","required":true,"order":1,"#
                + #""description":"问题类型","values":[{"key":"litter","name":"乱堆乱放"},"#
                + #"{"key":"street_vending","name":"占道经营"},{"key":"illegal_building","name":"违章搭建"},"#
                + #"{"key":"other","name":"其他"}]},"#
                + #"{"code":"since","variable":true,"datatype":"datetime","required":false,"order":2,"#
                + #""description":"问题出现时间","datatypeDescription":"例如 2026-11-20T08:00:00+08:00","values":[]}]"#
        ),
        (
            "service.utilities",
            #"[{"code":"utility","variable":true,"datatype":"singlevaluelist","required":true,"order":1,"#
                + #""description":"涉及的供应","values":[{"key":"water","name":"供水"},{"key":"power","name":"供电"},"#
                + #"{"key":"gas","name":"供气"},{"key":"heating","name":"供暖"}]},"#
                + #"{"code":"households","variable":true,"datatype":"number","required":false,"order":2,"#
                + #""description":"受影响户数(估计)","values":[]}]"#
        ),
        (
            "safety.road",
            #"[{"code":"objects","variable":true,"datatype":"multivaluelist","required":false,"order":1,"#
                + #""description":"涉及的设施","values":[{"key":"signal","name":"信号灯"},{"key":"surface","name":"路面"},"#
                + #"{"key":"marking","name":"标志标线"},{"key":"barrier","name":"护栏"}]},"#
                + #"{"code":"notice","variable":false,"datatype":"text","required":false,"order":2,"#
                + #""description":"正在发生的交通事故请直接拨打122。","values":[]}]"#
        ),
    ]

    static var statements: [String] {
        definitions.map { definition in
            "INSERT INTO service_definitions (category_code, attributes) VALUES ('\(definition.category)', '"
                + definition.json.replacingOccurrences(of: "'", with: "''") + "')"
        }
    }
}
