import Logging
import NIOCore
import SQLKit

/// An `SQLDatabase` that sends its statements to another (`base`), adding a check or a record of its own in its
/// `execute` methods; everything else is `base`'s.
protocol ForwardingDatabase: SQLDatabase {
    /// Where the statements go.
    var base: any SQLDatabase { get }
}

extension ForwardingDatabase {
    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }
}
