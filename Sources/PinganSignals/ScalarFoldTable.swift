import Foundation

/// The per-scalar folding table of the normaliser (issue 5, §1), built once per process from the platform's Unicode
/// data: for every Basic Multilingual Plane scalar, NFKC (Unicode compatibility normalisation, which also folds
/// full-width ASCII and half-width katakana), then lower case, then ICU's "Traditional-Simplified" transform. The
/// result is one array lookup per scalar in the hot loop. Traditional→simplified is character by character (the
/// ICU transform on a single character), so phrase-level conversions are not applied.
enum ScalarFoldTable {
    /// Marks "unchanged" in `single`.
    static let unchanged: UInt32 = 0xFFFF_FFFF
    /// Marks "maps to several scalars, see `multi`" in `single`.
    static let expands: UInt32 = 0xFFFF_FFFE
    /// Marks "dropped" in `single`: zero-width space, no-break and zero-width joiners' kin, word joiner, soft
    /// hyphen (one lookup instead of five comparisons per scalar).
    static let dropped: UInt32 = 0xFFFF_FFFD
    /// The scalars marked `dropped`.
    static let droppedScalars: [UInt32] = [0x200B, 0xFEFF, 0x200C, 0x2060, 0xAD]

    /// The folded table: `single[v]` is the folded scalar value, `unchanged`, or `expands`.
    static let tables: (single: [UInt32], multi: [UInt32: [UInt32]]) = build()

    private static func build() -> (single: [UInt32], multi: [UInt32: [UInt32]]) {
        var single = [UInt32](repeating: unchanged, count: 0x10000)
        var multi: [UInt32: [UInt32]] = [:]
        let simplified = traditionalToSimplified()
        for value in UInt32(0)..<0x10000 {
            // ASCII is handled inline by the normaliser; surrogates are not scalars.
            if value < 0x80 || (0xD800...0xDFFF).contains(value) { continue }
            guard let scalar = Unicode.Scalar(value) else { continue }
            var mapped: [UInt32]
            if simplified[Int(value)] != 0 {
                mapped = [simplified[Int(value)]]
            } else {
                let folded = String(Character(scalar)).precomposedStringWithCompatibilityMapping.lowercased()
                mapped = folded.unicodeScalars.map {
                    simplified[Int($0.value) & 0xFFFF] != 0 && $0.value < 0x10000
                        ? simplified[Int($0.value)] : $0.value
                }
            }
            if mapped.count == 1 {
                if mapped[0] != value { single[Int(value)] = mapped[0] }
            } else {
                single[Int(value)] = expands
                multi[value] = mapped
            }
        }
        for value in droppedScalars {
            single[Int(value)] = dropped
            multi[value] = nil
        }
        return (single, multi)
    }

    /// Simplified form per BMP scalar (0 = unchanged), from ICU over the CJK blocks at once; if the platform's
    /// transform does not keep the length (it does on Swift 6.3 Linux and Darwin), nothing is mapped.
    private static func traditionalToSimplified() -> [UInt32] {
        var result = [UInt32](repeating: 0, count: 0x10000)
        for block in [UInt32(0x3400)...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF] {
            var text = String.UnicodeScalarView()
            for value in block {
                if let scalar = Unicode.Scalar(value) { text.append(scalar) }
            }
            let source = Array(text)
            guard let output = String(text).applyingTransform(StringTransform("Traditional-Simplified"), reverse: false)
            else { continue }
            let target = Array(output.unicodeScalars)
            guard target.count == source.count else { continue }
            for (from, to) in zip(source, target) where from != to && to.value < 0x10000 {
                result[Int(from.value)] = to.value
            }
        }
        return result
    }
}
