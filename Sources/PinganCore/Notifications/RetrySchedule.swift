import Foundation

/// When to try a failed delivery again (issue 3 §6: retries with exponential back-off), as data.
///
/// Attempt n (from 1) that fails is retried after `base × 2^(n−1)`, at most `maxDelay`; after `maxAttempts` failed
/// attempts the message is dead and shown in the delivery log for an operator.
public struct RetrySchedule: Sendable, Equatable, Codable {
    /// Delay after the first failure, in seconds.
    public var base: Double
    /// Longest delay, in seconds.
    public var maxDelay: Double
    /// Attempts before giving up.
    public var maxAttempts: Int

    /// The default: 30 s doubling to at most 6 h, 12 attempts (about a day and a half).
    public static let standard = RetrySchedule(base: 30, maxDelay: 6 * 3600, maxAttempts: 12)

    /// Creates a schedule.
    public init(base: Double, maxDelay: Double, maxAttempts: Int) {
        self.base = base
        self.maxDelay = maxDelay
        self.maxAttempts = maxAttempts
    }

    /// When attempt `attempt` (from 1), failed at `time`, is next tried; nil when it was the last.
    public func nextAttempt(after attempt: Int, failedAt time: Date) -> Date? {
        guard attempt < maxAttempts else { return nil }
        let delay = min(maxDelay, base * pow(2, Double(min(attempt - 1, 40))))
        return time.addingTimeInterval(delay)
    }
}
