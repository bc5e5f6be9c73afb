import Foundation
import PinganCore
import PinganStore
import SQLKit

extension Principal {
    /// The principal of the active (not disabled) account `userID`, with its unit's region path; `nil` when there is
    /// no such account. Tokens, Open311 client keys and the command-line import all act as an account this way.
    static func account(id userID: UUID, db: any SQLDatabase) async throws -> Principal? {
        guard let user = try await UserRepository(db).find(id: userID), !user.disabled,
            let path = try await UnitRepository(db).regionPath(unitID: user.unitID)
        else { return nil }
        return Principal(
            userID: user.id, username: user.username, roles: user.roles, unitID: user.unitID, regionPath: path)
    }
}
