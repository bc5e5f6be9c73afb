// Vector kernels of the signals engine (PinganSignals) that need instructions beyond the baseline x86-64 target.
// Swift has no per-function target attribute, so they live here, each chosen at run time by a CPU check and each
// with a portable Swift fallback in PinganSignals that gives identical results.
#ifndef CPINGAN_SIGNALS_SIMD_H
#define CPINGAN_SIGNALS_SIMD_H

#include <stddef.h>
#include <stdint.h>

/// 1 when the MinHash kernel below can run on this CPU (x86-64 with AVX2 enabled by the OS), else 0.
int pingan_minhash_available(void);

/// MinHash signature of `count` shingle hashes with 128 products: x = (uint32)(s ^ (s >> 32)),
/// v = multipliers[p] * x + increments[p] (mod 2^32), w = v ^ (v >> 16); slot 2p is the low and slot 2p + 1 the
/// high 16 bits of w; each of the 256 slots of `out` gets the minimum in signed 16-bit order, starting at 0x7FFF.
/// Only call when `pingan_minhash_available()` returned 1.
void pingan_minhash_signature(
    const uint32_t *multipliers, const uint32_t *increments, const uint64_t *shingles, size_t count, uint16_t *out);

/// Asks the CPU to start loading the cache line of `address` (a hint: no effect on results).
static inline void pingan_prefetch(const void *address) { __builtin_prefetch(address); }

#endif
