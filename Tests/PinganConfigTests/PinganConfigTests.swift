import Foundation
import Logging
import Testing

@testable import PinganConfig

/// A key store that never touches the disk.
struct MemoryKeyStore: SecretKeyStore {
    func loadOrCreate(at path: String) throws(ConfigError) -> [UInt8] {
        Array("k-\(path)-padding-padding-padding".utf8)
    }
}

@Suite("Configuration")
struct PinganConfigTests {
    @Test func flagsBeatTheEnvironmentWhichBeatsTheDotEnvFile() throws {
        let config = try PinganConfig.load(
            flags: ["PINGAN_PORT": "9001"],
            environment: ["PINGAN_PORT": "9002", "PINGAN_HOST": "0.0.0.0"],
            dotEnv: "PINGAN_PORT=9003\nPINGAN_HOST=10.0.0.1\nexport PINGAN_LOG_LEVEL='debug'\n",
            keyStore: MemoryKeyStore())
        #expect(config.port == 9001)
        #expect(config.host == "0.0.0.0")
        #expect(config.logLevel == .debug)
        #expect(config.database == .sqlite(path: "pingan.sqlite"))
    }

    @Test func postgresWithoutASecretRefusesToStart() {
        #expect(throws: ConfigError.self) {
            try PinganConfig.load(environment: ["PINGAN_DATABASE_URL": "postgres://pingan:pw@db:5432/pingan"])
        }
    }

    @Test func aBadURLStopsStartUpWithOneLineThatHidesThePassword() {
        do {
            _ = try PinganConfig.load(environment: ["PINGAN_DATABASE_URL": "mysql://root:hunter2@db/x"])
            Issue.record("expected an error")
        } catch {
            #expect(error.key == "PINGAN_DATABASE_URL")
            #expect(!error.description.contains("hunter2"))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func aPortOutOfRangeIsRejectedWithTheRange() {
        #expect(throws: ConfigError(key: "PINGAN_PORT", message: "'70000' must be a whole number from 1 to 65535")) {
            try PinganConfig.load(environment: ["PINGAN_PORT": "70000"], keyStore: MemoryKeyStore())
        }
    }

    @Test func postgresURLsAreParsedIntoTheirParts() throws {
        let url = try DatabaseURL.parse("postgresql://pin%40gan:s3cret@db.local:6543/city?sslmode=require")
        #expect(
            url
                == .postgres(
                    .init(
                        host: "db.local", port: 6543, username: "pin@gan", password: "s3cret", database: "city",
                        tlsMode: "require")))
        #expect(url.description == "postgres://pin@gan:***@db.local:6543/city")
    }

    @Test func theGeneratedKeyFileIsCreatedOnceWithOwnerOnlyPermissions() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pingan-key-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let environment = ["PINGAN_DATABASE_URL": "sqlite://\(directory.path)/data.sqlite"]

        let first = try PinganConfig.load(environment: environment)
        let second = try PinganConfig.load(environment: environment)

        #expect(first.secretKey == second.secretKey)
        #expect(first.secretKey.count == 64)
        let keyPath = directory.appendingPathComponent("pingan.key").path
        let mode = try FileManager.default.attributesOfItem(atPath: keyPath)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
