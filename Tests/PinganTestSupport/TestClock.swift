import Foundation
import Synchronization

/// A clock a test moves by hand: rules never read the wall clock, so tests never sleep.
public final class TestClock: Sendable {
    private let current: Mutex<Date>

    /// A clock reading `start` (by default 2026-11-22 08:00 Beijing time).
    public init(_ start: Date = Date(timeIntervalSince1970: 1_795_305_600)) {
        current = Mutex(start)
    }

    /// The time now.
    public var now: Date { current.withLock { $0 } }

    /// Moves the clock forward.
    public func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    /// The clock as the closure services take.
    public var closure: @Sendable () -> Date { { self.now } }
}
