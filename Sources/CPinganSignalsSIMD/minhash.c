#include "CPinganSignalsSIMD.h"

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>

int pingan_minhash_available(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") ? 1 : 0;
}

// Eight products (sixteen slots) per 256-bit vector, eight vectors per pass over the shingles (their minima stay in
// registers), two passes for the 128 products.
__attribute__((target("avx2"))) void pingan_minhash_signature(
    const uint32_t *multipliers, const uint32_t *increments, const uint64_t *shingles, size_t count, uint16_t *out) {
    for (int pass = 0; pass < 2; pass++) {
        const uint32_t *a = multipliers + 64 * pass;
        const uint32_t *b = increments + 64 * pass;
        __m256i m[8];
        __m256i va[8];
        __m256i vb[8];
        for (int k = 0; k < 8; k++) {
            m[k] = _mm256_set1_epi16(0x7FFF);
            va[k] = _mm256_loadu_si256((const __m256i *)(a + 8 * k));
            vb[k] = _mm256_loadu_si256((const __m256i *)(b + 8 * k));
        }
        for (size_t i = 0; i < count; i++) {
            uint64_t s = shingles[i];
            __m256i x = _mm256_set1_epi32((int)(uint32_t)(s ^ (s >> 32)));
            for (int k = 0; k < 8; k++) {
                __m256i v = _mm256_add_epi32(_mm256_mullo_epi32(va[k], x), vb[k]);
                m[k] = _mm256_min_epi16(m[k], _mm256_xor_si256(v, _mm256_srli_epi32(v, 16)));
            }
        }
        for (int k = 0; k < 8; k++) {
            _mm256_storeu_si256((__m256i *)(out + 128 * pass + 16 * k), m[k]);
        }
    }
}
#else
int pingan_minhash_available(void) { return 0; }

void pingan_minhash_signature(
    const uint32_t *multipliers, const uint32_t *increments, const uint64_t *shingles, size_t count, uint16_t *out) {
    (void)multipliers;
    (void)increments;
    (void)shingles;
    (void)count;
    (void)out;
}
#endif
