import Foundation

extension ResponsibilityList {
    /// An item that is scored: a chapter's item with its key, chapter, and lead units (its own, or else the
    /// chapter's).
    public struct ScorableItem: Sendable, Equatable {
        /// "一/1": the chapter's and the item's codes; "#2" is added when a key repeats.
        public var key: String
        /// The chapter.
        public var chapterCode: String
        /// The item.
        public var item: ListItem
        /// Lead unit names: the item's, or the chapter's when the item names none.
        public var leadUnits: [String]
    }

    /// The items that are scored: every item of every chapter (sub-items are part of their item's requirement), in
    /// document order, with a key that is unique in the list.
    public var scorableItems: [ScorableItem] {
        var seen: [String: Int] = [:]
        var result: [ScorableItem] = []
        for chapter in chapters {
            for item in chapter.items {
                var key = "\(chapter.code)/\(item.code.isEmpty ? item.title : item.code)"
                seen[key, default: 0] += 1
                if let count = seen[key], count > 1 { key += "#\(count)" }
                result.append(
                    ScorableItem(
                        key: key, chapterCode: chapter.code, item: item,
                        leadUnits: item.leadUnits.isEmpty ? chapter.leadUnits : item.leadUnits))
            }
        }
        return result
    }

    /// The key of the negative-list entry at `index`: its code, or else its 1-based position.
    public func entryKey(_ index: Int) -> String {
        let code = negativeList[index].code
        let duplicate = negativeList.indices.contains { $0 != index && negativeList[$0].code == code }
        return code.isEmpty || duplicate ? "\(index + 1)" : code
    }

    /// The negative-list entry with `key`.
    public func negativeListEntry(key: String) -> NegativeListEntry? {
        negativeList.indices.first { entryKey($0) == key }.map { negativeList[$0] }
    }
}
