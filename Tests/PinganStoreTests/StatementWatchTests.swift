import NIOCore
import NIOPosix
import Testing

@testable import PinganStore

/// A statement on PostgreSQL's write connection ends when the connection does, even if PostgresNIO never answers it.
@Suite("Statement watch")
struct StatementWatchTests {
    private let eventLoop = MultiThreadedEventLoopGroup.singleton.next()

    @Test func aStatementInFlightFailsWhenTheConnectionCloses() async throws {
        let watch = StatementWatch()
        let neverAnswered = eventLoop.makePromise(of: Void.self)
        let result = watch.run(on: eventLoop) { neverAnswered.futureResult }
        #expect(watch.inFlightCount == 1)

        watch.connectionClosed()

        await #expect(throws: BatchedWriter.ConnectionLost.self) { try await result.get() }
        neverAnswered.succeed()  // a late answer changes nothing
    }

    @Test func aStatementAfterTheCloseIsNotSent() async throws {
        let watch = StatementWatch()
        watch.connectionClosed()
        var sent = false

        let result = watch.run(on: eventLoop) {
            sent = true
            return eventLoop.makeSucceededVoidFuture()
        }

        await #expect(throws: BatchedWriter.ConnectionLost.self) { try await result.get() }
        #expect(!sent)
    }

    @Test func answeredStatementsPassThroughAndAreForgotten() async throws {
        let watch = StatementWatch()
        try await watch.run(on: eventLoop) { eventLoop.makeSucceededVoidFuture() }.get()
        struct Refused: Error {}
        await #expect(throws: Refused.self) {
            try await watch.run(on: eventLoop) { eventLoop.makeFailedFuture(Refused()) }.get()
        }
        #expect(watch.inFlightCount == 0)
    }
}
