import Foundation

/// Which cases a ledger figure covers (issue 3 §8 "per unit and per region subtree").
public enum LedgerScope: Sendable, Equatable {
    /// Every case.
    case all
    /// The cases whose responsible unit, as the ledger stood at the evaluation instant, is this unit.
    case unit(UUID)
    /// The cases located in the region at this path or below it.
    case region(path: String)

    /// Whether `history` falls in the scope, its unit taken from `snapshot`.
    public func contains(_ history: CaseHistory, snapshot: CaseSnapshot) -> Bool {
        switch self {
        case .all: true
        case .unit(let id): snapshot.responsibleUnitID == id
        case .region(let path): AccessPolicy.isWithin(history.regionPath, scope: path)
        }
    }
}
