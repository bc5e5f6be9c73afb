import Foundation

/// One step of a chain as the admin page shows it, without a concrete case (BRIEF §2 "default escalation chains").
public struct EscalationPreviewStep: Sendable, Hashable, Codable {
    /// The policy step's key.
    public var key: String
    /// The trigger in Chinese (`立即`, `处置期限届满仍未化解时`).
    public var when: String
    /// The target in Chinese (`责任单位的分管领导`).
    public var target: String
    /// The effect in Chinese.
    public var effect: String
    /// The whole step as one sentence.
    public var text: String

    /// Creates a preview step.
    public init(key: String, when: String, target: String, effect: String, text: String) {
        self.key = key
        self.when = when
        self.target = target
        self.effect = effect
        self.text = text
    }
}

extension EscalationPolicy {
    /// The chain a case of `level` would follow, as explained steps — "the chain a level-2 dispute would follow" for
    /// the admin page. Empty when the level has no chain.
    public func preview(level: WarningLevel) -> [EscalationPreviewStep] {
        guard let chain = chain(for: level) else { return [] }
        return chain.steps.enumerated().compactMap { index, step in
            guard let trigger = step.trigger else { return nil }
            var text = "\(index + 1). \(level.label)预警 · \(trigger.chineseText):"
            text += "\(step.effect.chineseText) \(step.target.chineseText)。"
            if let note = step.note { text += "依据:\(note)。" }
            return EscalationPreviewStep(
                key: step.key, when: trigger.chineseText, target: step.target.chineseText,
                effect: step.effect.chineseText, text: text)
        }
    }
}
