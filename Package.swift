// swift-tools-version:6.2
import PackageDescription

/// Settings for every target of ours: Swift 6 mode, strict concurrency, warnings as errors (STYLE.md).
let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "pingan",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "pingan", targets: ["pingan"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.3.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.20.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.1.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.32.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.0"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.10.0"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.25.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        .target(
            name: "PinganCore",
            swiftSettings: strict
        ),
        // Vector kernels of PinganSignals chosen at run time by a CPU check (Swift has no per-function target
        // attribute); PinganSignals has a portable path with identical results.
        .target(name: "CPinganSignalsSIMD"),
        .target(
            name: "PinganSignals",
            dependencies: [
                "CPinganSignalsSIMD",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "PinganSpreadsheet",
            dependencies: [
                .product(name: "ZIPFoundation", package: "ZIPFoundation")
            ],
            swiftSettings: strict
        ),
        .target(
            name: "PinganConfig",
            dependencies: [
                .product(name: "Logging", package: "swift-log")
            ],
            swiftSettings: strict
        ),
        .target(
            name: "PinganStore",
            dependencies: [
                "PinganCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "PinganServices",
            dependencies: [
                "PinganCore",
                "PinganStore",
                "PinganConfig",
                "PinganSpreadsheet",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "PinganWeb",
            dependencies: [
                "PinganCore",
                "PinganStore",
                "PinganServices",
                "PinganConfig",
                "PinganSpreadsheet",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "pingan",
            dependencies: [
                "PinganCore",
                "PinganStore",
                "PinganServices",
                "PinganSignals",
                "PinganWeb",
                "PinganConfig",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "PinganTestSupport",
            dependencies: [
                "PinganCore", "PinganStore", "PinganServices", "PinganConfig",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            path: "Tests/PinganTestSupport",
            swiftSettings: strict
        ),
        .testTarget(name: "PinganCoreTests", dependencies: ["PinganCore"], swiftSettings: strict),
        .testTarget(name: "PinganSignalsTests", dependencies: ["PinganSignals"], swiftSettings: strict),
        .testTarget(
            name: "PinganSpreadsheetTests",
            dependencies: [
                "PinganSpreadsheet", "PinganServices", "PinganCore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PinganConfigTests",
            dependencies: ["PinganConfig", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PinganStoreTests",
            dependencies: [
                "PinganStore", "PinganCore", "PinganServices", "PinganTestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PinganWebTests",
            dependencies: [
                "PinganWeb", "PinganServices", "PinganStore", "PinganCore", "PinganConfig", "PinganTestSupport",
                "PinganSpreadsheet",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict
        ),
    ]
)
