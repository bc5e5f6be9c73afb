import Foundation

/// How a case reached the centre (BRIEF §1 "source channel").
public enum SourceChannel: String, Sendable, Codable, CaseIterable {
    /// Reported by a grid worker in the field (网格上报).
    case grid
    /// The 12345 hotline (热线).
    case hotline
    /// A citizen walking in to the centre (来访).
    case walkIn = "walk_in"
    /// Online, through the centre's own channels (网上).
    case online
    /// Raised by the public-concern signals engine (舆情监测).
    case signal
    /// Submitted through the Open311 GeoReport v2 interface.
    case open311
}
