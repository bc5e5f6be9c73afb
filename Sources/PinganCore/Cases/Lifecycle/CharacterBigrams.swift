import Foundation

/// The set of character pairs (bigrams) of a text, for comparing Chinese text without word segmentation: letters and
/// digits only, lower-cased; a one-character text is its single character.
///
/// Runs at every intake over up to 200 candidates, so it works on Unicode scalars, never on `Character`: each pair is
/// packed into one integer (21 bits per scalar) and the set is a sorted array, so the Jaccard similarity is one merge.
struct CharacterBigrams: Equatable {
    /// The distinct pairs, packed and sorted ascending (a one-character text: its scalar with bit 63 set).
    let keys: [UInt64]

    init(_ text: String) {
        var scalars: [UInt32] = []
        scalars.reserveCapacity(text.utf8.count / 2)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x30...0x39, 0x61...0x7A: scalars.append(value)
                case 0x41...0x5A: scalars.append(value + 0x20)
                default: continue
                }
                continue
            }
            if (0x4E00...0x9FFF).contains(value) {
                // CJK Unified Ideographs, most of any case text: letters without case.
                scalars.append(value)
                continue
            }
            let properties = scalar.properties
            guard properties.isAlphabetic || properties.numericType != nil else { continue }
            if properties.changesWhenLowercased {
                for lower in properties.lowercaseMapping.unicodeScalars { scalars.append(lower.value) }
            } else {
                scalars.append(value)
            }
        }
        guard scalars.count >= 2 else {
            keys = scalars.map { UInt64($0) | 1 << 63 }
            return
        }
        var keys: [UInt64] = []
        keys.reserveCapacity(scalars.count - 1)
        for index in 0..<(scalars.count - 1) {
            keys.append(UInt64(scalars[index]) << 21 | UInt64(scalars[index + 1]))
        }
        keys.sort()
        var unique = 1
        for index in 1..<keys.count where keys[unique - 1] != keys[index] {
            keys[unique] = keys[index]
            unique += 1
        }
        keys.removeLast(keys.count - unique)
        self.keys = keys
    }

    /// How many distinct pairs.
    var count: Int { keys.count }

    /// Jaccard similarity |A ∩ B| / |A ∪ B| with the shared and total counts behind it; 0 when both are empty.
    func jaccard(_ other: CharacterBigrams) -> (similarity: Double, shared: Int, union: Int) {
        var (left, right, shared) = (0, 0, 0)
        let (lhs, rhs) = (keys, other.keys)
        while left < lhs.count, right < rhs.count {
            if lhs[left] == rhs[right] {
                shared += 1
                left += 1
                right += 1
            } else if lhs[left] < rhs[right] {
                left += 1
            } else {
                right += 1
            }
        }
        let union = lhs.count + rhs.count - shared
        return (union == 0 ? 0 : Double(shared) / Double(union), shared, union)
    }
}
