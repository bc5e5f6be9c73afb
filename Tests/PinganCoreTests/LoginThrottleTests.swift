import Foundation
import Testing

@testable import PinganCore

@Suite("Login throttling and lock-out")
struct LoginThrottleTests {
    let rule = LoginThrottle.standard
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func theFirstFailuresCostNothing() throws {
        var state = LoginThrottle.State()
        for _ in 0..<2 { state = rule.recordFailure(state, at: start) }
        try rule.admit(state, at: start)
    }

    @Test func furtherAttemptsMustWaitADoublingDelay() throws {
        var state = LoginThrottle.State()
        for _ in 0..<4 { state = rule.recordFailure(state, at: start) }
        // 4 failures: 2 s after the last one.
        #expect(throws: PinganError.throttled(retryAfterSeconds: 2)) { try rule.admit(state, at: start) }
        try rule.admit(state, at: start.addingTimeInterval(2))
        #expect(rule.delay(afterFailures: 9) == 30)
    }

    @Test func tenFailuresLockTheAccountForFifteenMinutes() throws {
        var state = LoginThrottle.State()
        var time = start
        for _ in 0..<10 {
            try rule.admit(state, at: time)
            state = rule.recordFailure(state, at: time)
            time = time.addingTimeInterval(60)
        }
        let lockedAt = time.addingTimeInterval(-60)
        #expect(state.lockedUntil == lockedAt.addingTimeInterval(900))
        #expect(throws: PinganError.locked(until: lockedAt.addingTimeInterval(900))) {
            try rule.admit(state, at: lockedAt.addingTimeInterval(899))
        }
        try rule.admit(state, at: lockedAt.addingTimeInterval(900))
    }

    @Test func aMistakeAfterALockRunsOutStartsAFreshCount() {
        var state = LoginThrottle.State(failures: 10, lastFailure: start, lockedUntil: start.addingTimeInterval(900))
        state = rule.recordFailure(state, at: start.addingTimeInterval(1000))
        #expect(state.failures == 1)
        #expect(state.lockedUntil == nil)
    }
}
