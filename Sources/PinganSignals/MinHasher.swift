import CPinganSignalsSIMD

/// MinHash signatures (Broder 1997) with 256 16-bit slots over character trigrams (issue 5, §3). Each trigram's
/// 64-bit hash is folded to 32 bits x; 128 odd multipliers aᵢ and increments bᵢ give v = aᵢx + bᵢ mod 2³², mixed
/// to w = v ⊕ (v ≫ 16), and the two 16-bit halves of w are two slots. A slot keeps the minimum over the trigrams
/// in signed 16-bit order (any fixed order of the values is a valid min-wise order). The fraction of equal slots of
/// two signatures estimates the Jaccard similarity of the trigram sets (standard error √(J(1 − J)/256) ≈ 0.03 at
/// J = 0.7). Two 16-bit halves per product instead of one 32-bit minimum: a 16-bit minimum is one SSE2 instruction
/// (`pminsw`) on eight slots, where an unsigned 32-bit minimum needs a compare-and-blend on the baseline x86-64
/// target, so twice the slots cost less than the 128 32-bit slots did. Where the CPU has AVX2, a C kernel
/// (`CPinganSignalsSIMD`) computes the same slots eight products at a time (`vpmulld`, `vpminsw`); the Swift loop
/// below is the portable path and gives identical signatures.
public struct MinHasher: Sendable {
    /// Number of 16-bit slots.
    public static let slots = 256
    /// Number of products (permutations of the 32-bit space) per trigram; each gives two slots.
    public static let permutations = 128

    /// Four multipliers (increments) per vector.
    private let multipliers: [SIMD4<UInt32>]
    private let increments: [SIMD4<UInt32>]
    /// Whether `signature(of:)` uses the AVX2 kernel (checked once per process; false forces the Swift loop).
    public var usesVectorKernel = MinHasher.vectorKernelAvailable

    /// Whether this CPU can run the AVX2 kernel.
    public static let vectorKernelAvailable = pingan_minhash_available() == 1

    /// Creates a hasher; the permutations are derived deterministically from `seed` (SplitMix64).
    public init(seed: UInt64 = 0x5EED_0001) {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            return Shingles.mix(state)
        }
        var multipliers: [SIMD4<UInt32>] = []
        var increments: [SIMD4<UInt32>] = []
        for _ in 0..<(Self.permutations / 4) {
            var a = SIMD4<UInt32>()
            var b = SIMD4<UInt32>()
            for lane in 0..<4 {
                a[lane] = UInt32(truncatingIfNeeded: next()) | 1
                b[lane] = UInt32(truncatingIfNeeded: next())
            }
            multipliers.append(a)
            increments.append(b)
        }
        self.multipliers = multipliers
        self.increments = increments
    }

    /// The two 16-bit slots of each of four products, as eight signed lanes.
    @inline(__always) private static func slots(
        _ a: SIMD4<UInt32>, _ x: SIMD4<UInt32>, _ b: SIMD4<UInt32>
    )
        -> SIMD8<Int16>
    {
        let v = a &* x &+ b
        return unsafeBitCast(v ^ (v &>> 16), to: SIMD8<Int16>.self)
    }

    /// The signature of a set of shingle hashes; an empty set gives all slots 0x7FFF.
    public func signature(of shingles: [UInt64]) -> [UInt16] {
        [UInt16](unsafeUninitializedCapacity: Self.slots) { out, initialized in
            shingles.withUnsafeBufferPointer { signature(of: $0, into: out) }
            initialized = Self.slots
        }
    }

    /// Writes the signature of `shingles` to `out`, which holds `slots` values.
    func signature(of shingles: UnsafeBufferPointer<UInt64>, into out: UnsafeMutableBufferPointer<UInt16>) {
        if usesVectorKernel {
            multipliers.withUnsafeBytes { a in
                increments.withUnsafeBytes { b in
                    pingan_minhash_signature(
                        a.baseAddress?.assumingMemoryBound(to: UInt32.self),
                        b.baseAddress?.assumingMemoryBound(to: UInt32.self), shingles.baseAddress, shingles.count,
                        out.baseAddress)
                }
            }
            return
        }
        let out = UnsafeMutableRawBufferPointer(out)
        multipliers.withUnsafeBufferPointer { a in
            increments.withUnsafeBufferPointer { b in
                // Four vectors (32 slots) at a time, their minima in registers across all shingles.
                for block in stride(from: 0, to: a.count, by: 4) {
                    let (a0, a1, a2, a3) = (a[block], a[block + 1], a[block + 2], a[block + 3])
                    let (b0, b1, b2, b3) = (b[block], b[block + 1], b[block + 2], b[block + 3])
                    var m0 = SIMD8<Int16>(repeating: .max)
                    var m1 = m0
                    var m2 = m0
                    var m3 = m0
                    for shingle in shingles {
                        let x = SIMD4<UInt32>(repeating: UInt32(truncatingIfNeeded: shingle ^ (shingle >> 32)))
                        m0 = pointwiseMin(m0, Self.slots(a0, x, b0))
                        m1 = pointwiseMin(m1, Self.slots(a1, x, b1))
                        m2 = pointwiseMin(m2, Self.slots(a2, x, b2))
                        m3 = pointwiseMin(m3, Self.slots(a3, x, b3))
                    }
                    out.storeBytes(of: m0, toByteOffset: block * 16, as: SIMD8<Int16>.self)
                    out.storeBytes(of: m1, toByteOffset: block * 16 + 16, as: SIMD8<Int16>.self)
                    out.storeBytes(of: m2, toByteOffset: block * 16 + 32, as: SIMD8<Int16>.self)
                    out.storeBytes(of: m3, toByteOffset: block * 16 + 48, as: SIMD8<Int16>.self)
                }
            }
        }
    }

    /// Estimated Jaccard similarity: the fraction of equal slots.
    public static func similarity(_ a: [UInt16], _ b: [UInt16]) -> Double {
        let count = min(a.count, b.count)
        guard count > 0 else { return 0 }
        var equal = 0
        for index in 0..<count where a[index] == b[index] { equal += 1 }
        return Double(equal) / Double(count)
    }
}
