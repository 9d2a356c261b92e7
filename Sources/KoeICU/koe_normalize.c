// Normalisation for matching (koe_normalize in koe_icu.h): NFKC through ICU plus koe's
// Japanese folds, with a map back to the original offsets. Runs on every line: most units
// are copied in one pass, and only what NFKC changes in context goes through ICU.
#include "koe_icu.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>

static int is_katakana(uint16_t c) {
    return (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC;
}

// NFKC_QC=Yes, canonical combining class 0, and no composition with what follows: printable
// ASCII, CJK punctuation and brackets (U+3001-3011), kana without the sound marks, the
// long-vowel mark, and the unified ideographs. A run of these is already NFKC.
// (Normalizer.isFixedPoint in Swift knows the same set.)
static int is_nfkc_inert(uint16_t c) {
    return (c >= 0x20 && c <= 0x7E) || (c >= 0x3001 && c <= 0x3011) || (c >= 0x3041 && c <= 0x3096) ||
           (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC || (c >= 0x4E00 && c <= 0x9FFF);
}

// The Japanese extras on top of NFKC. One unit in, one unit out, so offsets are unchanged.
// Idempotent: every output of a rule is a fixed point of all rules.
static uint16_t koe_fold(uint16_t c, uint16_t previous) {
    if (c >= 'A' && c <= 'Z') return (uint16_t)(c + 32);
    if (c == 0x301C || c == 0x3030) c = '~';                     // 〜 〰
    if (is_katakana(previous) &&
        (c == '-' || c == '~' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212))
        return 0x30FC;                                           // ｰ ‐ − 〜 after katakana
    return c;
}

// Units outside the set above that NFKC turns into one unit whatever surrounds them (a
// normalisation boundary before and after): full-width letters and digits, the ideographic
// space, half-width punctuation, arrows, most symbols. An entry is the unit NFKC gives, or
// NOT_ALONE when the unit needs ICU in context (half-width kana before a sound mark,
// combining marks, compatibility sequences, surrogates). Filled from ICU's own data one block
// of 256 units at a time, the first time a unit of the block is seen, so the answer is the
// running ICU's; any thread may fill a block, the first one published wins. Never freed.
#define NOT_ALONE 0xFFFF
static _Atomic(uint16_t *) alone_blocks[256];

static uint16_t *alone_block(const UNormalizer2 *nfkc, uint16_t c) {
    int b = c >> 8;
    uint16_t *block = atomic_load_explicit(&alone_blocks[b], memory_order_acquire);
    if (block) return block;
    block = (uint16_t *)malloc(256 * sizeof(uint16_t));
    if (!block) return NULL;
    for (int k = 0; k < 256; k++) {
        UChar32 u = (b << 8) | k;
        block[k] = NOT_ALONE;
        if (U_IS_SURROGATE(u)) continue;
        if (!unorm2_hasBoundaryBefore(nfkc, u) || !unorm2_hasBoundaryAfter(nfkc, u)) continue;
        UChar in[1] = {(UChar)u}, out[4];
        UErrorCode err = U_ZERO_ERROR;
        int32_t n = unorm2_normalize(nfkc, in, 1, out, 4, &err);
        if (U_SUCCESS(err) && n == 1 && out[0] != NOT_ALONE && !U16_IS_SURROGATE(out[0])) block[k] = out[0];
    }
    uint16_t *published = NULL;
    if (!atomic_compare_exchange_strong_explicit(&alone_blocks[b], &published, block, memory_order_acq_rel,
                                                 memory_order_acquire)) {
        free(block);
        return published;
    }
    return block;
}

static int32_t append_folded(const uint16_t *chunk, int32_t n, int32_t origin, uint16_t *dst,
                             int32_t *map, int32_t out, int32_t cap);

// A run that NFKC leaves alone: each unit is its own source offset.
static int32_t copy_folded(const uint16_t *src, int32_t from, int32_t to, uint16_t *dst,
                           int32_t *map, int32_t out, int32_t cap) {
    if (out + (to - from) > cap) {
        for (int32_t k = from; k < to; k++) out = append_folded(&src[k], 1, k, dst, map, out, cap);
        return out;
    }
    uint16_t previous = out > 0 ? dst[out - 1] : 0;
    for (int32_t k = from; k < to; k++, out++) {
        // Kana and kanji (from U+3031) are never folded: only ASCII, wave dashes and dashes are.
        previous = src[k] >= 0x3031 ? src[k] : koe_fold(src[k], previous);
        dst[out] = previous;
        map[out] = k;
    }
    return out;
}

static int32_t append_folded(const uint16_t *chunk, int32_t n, int32_t origin, uint16_t *dst,
                             int32_t *map, int32_t out, int32_t cap) {
    for (int32_t k = 0; k < n; k++, out++) {
        if (out < cap) {
            uint16_t previous = out > 0 ? dst[out - 1] : 0;
            dst[out] = koe_fold(chunk[k], previous);
            map[out] = origin;
        }
    }
    return out;
}

int32_t koe_normalize(const uint16_t *src, int32_t src_len, uint16_t *dst, int32_t *map,
                      int32_t dst_cap, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&err);
    if (U_FAILURE(err)) { *status = (int32_t)err; return 0; }
    const UChar *s = (const UChar *)src;
    UChar scratch[64];
    int32_t i = 0, out = 0;
    while (i < src_len) {
        // One pass over what comes out one unit per unit: the set above copied (folded), the
        // units NFKC maps alone looked up. `out` keeps counting past `dst_cap` (the caller
        // retries with the length returned).
        const int32_t run_in = i, run_out = out;
        uint16_t previous = out > 0 && out <= dst_cap ? dst[out - 1] : 0;
        int32_t j = i;
        for (; j < src_len; j++, out++) {
            uint16_t c = src[j], u;
            if (c >= 0x3041 && (c <= 0x3096 || (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC ||
                                (c >= 0x4E00 && c <= 0x9FFF))) {
                u = c;                                     // kana and kanji: never folded
            } else if (is_nfkc_inert(c)) {
                u = koe_fold(c, previous);
            } else {
                const uint16_t *block = alone_block(nfkc, c);
                uint16_t m = block ? block[c & 0xFF] : NOT_ALONE;
                if (m == NOT_ALONE) break;
                u = koe_fold(m, previous);
            }
            if (out < dst_cap) { dst[out] = u; map[out] = j; }
            previous = u;
        }
        if (j == src_len) break;
        // ICU's quick check spans what is already NFKC from here (copied as it is).
        int32_t span = unorm2_spanQuickCheckYes(nfkc, s + j, src_len - j, &err);
        if (U_FAILURE(err)) { *status = (int32_t)err; return 0; }
        out = copy_folded(src, j, j + span, dst, map, out, dst_cap);
        j += span;
        if (j == src_len) break;
        // The character at j may combine with what precedes it (a dakuten after か): then
        // the chunk starts at the last boundary before j, else at j itself. Everything from
        // run_in came out one unit per unit, so the output goes back as far as the input.
        int32_t start = j;
        UChar32 cj;
        U16_GET(s, 0, j, src_len, cj);
        if (!unorm2_hasBoundaryBefore(nfkc, cj)) {
            while (start > run_in) {
                UChar32 c; int32_t p = start;
                U16_PREV(s, run_in, p, c);
                start = p;
                if (unorm2_hasBoundaryBefore(nfkc, c)) break;
            }
        }
        out = run_out + (start - run_in);
        // Chunk: from start up to the next boundary after the character at j.
        int32_t end = j;
        UChar32 c;
        U16_NEXT(s, end, src_len, c);
        while (end < src_len) {
            int32_t p = end;
            U16_NEXT(s, p, src_len, c);
            if (unorm2_hasBoundaryBefore(nfkc, c)) break;
            end = p;
        }
        // Normalise each code point of the chunk on its own when it is a single one
        // (the common case: full-width letters, half-width kana), else the whole chunk.
        UErrorCode nerr = U_ZERO_ERROR;
        int32_t n = unorm2_normalize(nfkc, s + start, end - start, scratch, 64, &nerr);
        if (nerr == U_BUFFER_OVERFLOW_ERROR) {
            UChar *big = (UChar *)malloc(sizeof(UChar) * (size_t)(n + 1));
            if (!big) { *status = (int32_t)U_MEMORY_ALLOCATION_ERROR; return 0; }
            nerr = U_ZERO_ERROR;
            n = unorm2_normalize(nfkc, s + start, end - start, big, n + 1, &nerr);
            out = append_folded((const uint16_t *)big, n, start, dst, map, out, dst_cap);
            free(big);
        } else if (U_FAILURE(nerr)) {
            *status = (int32_t)nerr; return 0;
        } else {
            out = append_folded((const uint16_t *)scratch, n, start, dst, map, out, dst_cap);
        }
        i = end;
    }
    if (out <= dst_cap) map[out] = src_len;
    *status = 0;
    return out;
}
