import Foundation

/// Fixed one-minute windows per key (an API key's hash or a client address), for Open311 POSTs (issue 4 §1 "rate
/// limits per key and per IP on POST"). In memory: a node restart forgets the counts, which is acceptable for a
/// limit meant to stop a runaway client, not to meter usage.
actor Open311RateLimiter {
    private let perMinute: Int
    private let clock: @Sendable () -> Date
    private var windows: [String: (start: Date, count: Int)] = [:]

    init(perMinute: Int, clock: @escaping @Sendable () -> Date) {
        self.perMinute = perMinute
        self.clock = clock
    }

    /// Counts one request for `key`; returns the seconds to wait when the window's allowance is used up.
    func admit(_ key: String) -> Int? {
        let now = clock()
        if windows.count > 10_000 { windows = windows.filter { now.timeIntervalSince($0.value.start) < 60 } }
        var window = windows[key] ?? (now, 0)
        if now.timeIntervalSince(window.start) >= 60 { window = (now, 0) }
        guard window.count < perMinute else {
            return max(1, Int((60 - now.timeIntervalSince(window.start)).rounded(.up)))
        }
        window.count += 1
        windows[key] = window
        return nil
    }
}
