import Foundation

/// The rule that slows down and then locks repeated failed logins (BRIEF "identity and access"), as data.
///
/// After `freeAttempts` consecutive failures each further attempt must wait `baseDelay × 2^(n − freeAttempts − 1)`
/// (at most `maxDelay`) after the last failure; an attempt that comes sooner is refused without checking the password.
/// At `lockAfter` consecutive failures the account is locked for `lockDuration`. A success resets the count.
public struct LoginThrottle: Sendable, Equatable, Codable {
    /// Failures allowed before delays start.
    public var freeAttempts: Int
    /// The first delay, in seconds.
    public var baseDelay: Double
    /// The longest delay, in seconds.
    public var maxDelay: Double
    /// Consecutive failures that lock the account.
    public var lockAfter: Int
    /// How long a lock lasts, in seconds.
    public var lockDuration: Double

    /// The shipped default: 3 free attempts, 1 s doubling to 30 s, lock for 15 minutes at 10 failures.
    public static let standard = LoginThrottle(
        freeAttempts: 3, baseDelay: 1, maxDelay: 30, lockAfter: 10, lockDuration: 15 * 60)

    /// Creates a throttle rule.
    public init(freeAttempts: Int, baseDelay: Double, maxDelay: Double, lockAfter: Int, lockDuration: Double) {
        self.freeAttempts = freeAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.lockAfter = lockAfter
        self.lockDuration = lockDuration
    }

    /// The login record the rule reads and updates.
    public struct State: Sendable, Equatable {
        /// Consecutive failures since the last success.
        public var failures: Int
        /// When the last failure happened.
        public var lastFailure: Date?
        /// Until when the account is locked.
        public var lockedUntil: Date?

        /// Creates a state.
        public init(failures: Int = 0, lastFailure: Date? = nil, lockedUntil: Date? = nil) {
            self.failures = failures
            self.lastFailure = lastFailure
            self.lockedUntil = lockedUntil
        }
    }

    /// Whether an attempt at `now` may check the password; throws `.locked` or `.throttled` when it may not.
    public func admit(_ state: State, at now: Date) throws(PinganError) {
        if let until = state.lockedUntil, until > now {
            throw .locked(until: until)
        }
        if let last = state.lastFailure, state.failures >= freeAttempts,
            state.lockedUntil == nil || locksExpired(state, now)
        {
            let wait = delay(afterFailures: state.failures)
            let ready = last.addingTimeInterval(wait)
            if ready > now {
                throw .throttled(retryAfterSeconds: max(1, Int(ready.timeIntervalSince(now).rounded(.up))))
            }
        }
    }

    /// The state after a failed attempt at `now`.
    public func recordFailure(_ state: State, at now: Date) -> State {
        var next = state
        if let until = state.lockedUntil, until <= now {
            // A lock that has run out starts a fresh count, so the user is not locked again at the next mistake.
            next = State()
        }
        next.failures += 1
        next.lastFailure = now
        if next.failures >= lockAfter {
            next.lockedUntil = now.addingTimeInterval(lockDuration)
        }
        return next
    }

    /// The delay required after `failures` consecutive failures.
    public func delay(afterFailures failures: Int) -> Double {
        guard failures >= freeAttempts else { return 0 }
        let exponent = min(failures - freeAttempts, 30)
        return min(maxDelay, baseDelay * pow(2, Double(exponent)))
    }

    private func locksExpired(_ state: State, _ now: Date) -> Bool {
        guard let until = state.lockedUntil else { return true }
        return until <= now
    }
}
