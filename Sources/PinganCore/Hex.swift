/// Lower-case hexadecimal text of bytes: digests, signatures and generated secrets.
///
/// Written by table: `String(format: "%02x")` per byte went through Foundation's `CVarArg` formatting, and a token
/// digest is computed on every authenticated request and an audit hash on every change (docs/PERFORMANCE.md).
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Two lower-case hex digits per byte of `bytes`, in order.
    public static func lowercase(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
