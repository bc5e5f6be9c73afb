import Foundation

/// The set of character pairs (bigrams) of a text, for comparing Chinese text without word segmentation: letters and
/// digits only, lower-cased; a one-character text is its single character.
struct CharacterBigrams: Equatable {
    /// The distinct pairs.
    let pairs: Set<String>

    init(_ text: String) {
        let characters = text.lowercased().filter { $0.isLetter || $0.isNumber }.map(String.init)
        guard characters.count >= 2 else {
            pairs = Set(characters)
            return
        }
        var pairs = Set<String>()
        for index in 0..<(characters.count - 1) {
            pairs.insert(characters[index] + characters[index + 1])
        }
        self.pairs = pairs
    }

    /// Jaccard similarity |A ∩ B| / |A ∪ B| with the shared and total counts behind it; 0 when both are empty.
    func jaccard(_ other: CharacterBigrams) -> (similarity: Double, shared: Int, union: Int) {
        let shared = pairs.intersection(other.pairs).count
        let union = pairs.count + other.pairs.count - shared
        return (union == 0 ? 0 : Double(shared) / Double(union), shared, union)
    }
}
