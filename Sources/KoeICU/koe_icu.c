// With koe_dictionary.cpp, the only files in koe that include ICU headers. Keep it small and
// allocation-free on the per-line paths: callers own every buffer.
#include "koe_icu.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucnv_cb.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/uversion.h>
#include <unicode/uchar.h>
#include <stdio.h>

int32_t koe_utf8_to_utf16(const uint8_t *src, int32_t src_len, uint16_t *dst, int32_t dst_cap,
                          int32_t *substitutions, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t len = 0;
    *substitutions = 0;
    u_strFromUTF8WithSub((UChar *)dst, dst_cap, &len, (const char *)src, src_len, 0xFFFD,
                         substitutions, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR || err == U_STRING_NOT_TERMINATED_WARNING) err = U_ZERO_ERROR;
    *status = (int32_t)err;
    return len;
}

int32_t koe_utf16_to_utf8(const uint16_t *src, int32_t src_len, uint8_t *dst, int32_t dst_cap,
                          int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t len = 0;
    u_strToUTF8WithSub((char *)dst, dst_cap, &len, (const UChar *)src, src_len, 0xFFFD, NULL, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR || err == U_STRING_NOT_TERMINATED_WARNING) err = U_ZERO_ERROR;
    *status = (int32_t)err;
    return len;
}

static int is_katakana(uint16_t c) {
    return (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC;
}

// NFKC_QC=Yes, canonical combining class 0, and no composition with what follows: printable
// ASCII, CJK punctuation and brackets (U+3001-3011), kana without the sound marks, the
// long-vowel mark, and the unified ideographs. A run of these is already NFKC.
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

static int32_t append_folded(const uint16_t *chunk, int32_t n, int32_t origin, uint16_t *dst,
                             int32_t *map, int32_t out, int32_t cap);

// The common case, a run that NFKC leaves alone: each unit is its own source offset.
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
        // Characters NFKC leaves alone and never composes with a neighbour are skipped
        // here; ICU's quick check takes over at the first other one.
        int32_t j = i;
        while (j < src_len && is_nfkc_inert(src[j])) j++;
        if (j < src_len) j += unorm2_spanQuickCheckYes(nfkc, s + j, src_len - j, &err);
        if (U_FAILURE(err)) { *status = (int32_t)err; return 0; }
        if (j == src_len) {
            out = copy_folded(src, i, j, dst, map, out, dst_cap);
            break;
        }
        // The character at j may combine with what precedes it (a dakuten after か): then
        // the chunk starts at the last boundary before j, else at j itself.
        int32_t start = j;
        UChar32 cj;
        U16_GET(s, 0, j, src_len, cj);
        if (!unorm2_hasBoundaryBefore(nfkc, cj)) {
            while (start > i) {
                UChar32 c; int32_t p = start;
                U16_PREV(s, i, p, c);
                start = p;
                if (unorm2_hasBoundaryBefore(nfkc, c)) break;
            }
        }
        out = copy_folded(src, i, start, dst, map, out, dst_cap);
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
    if (out < dst_cap + 1 && out <= dst_cap) map[out] = src_len;
    *status = 0;
    return out;
}

struct koe_breaker { UBreakIterator *it; };

koe_breaker *koe_breaker_open(const char *locale, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_open(UBRK_WORD, locale, NULL, 0, &err);
    *status = (int32_t)err;
    if (U_FAILURE(err)) return NULL;
    koe_breaker *b = (koe_breaker *)malloc(sizeof(koe_breaker));
    if (!b) { ubrk_close(it); *status = (int32_t)U_MEMORY_ALLOCATION_ERROR; return NULL; }
    b->it = it;
    return b;
}

koe_breaker *koe_breaker_clone(const koe_breaker *breaker, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_clone(breaker->it, &err);
    *status = (int32_t)err;
    if (U_FAILURE(err)) return NULL;
    koe_breaker *b = (koe_breaker *)malloc(sizeof(koe_breaker));
    if (!b) { ubrk_close(it); *status = (int32_t)U_MEMORY_ALLOCATION_ERROR; return NULL; }
    b->it = it;
    return b;
}

void koe_breaker_close(koe_breaker *breaker) {
    if (!breaker) return;
    ubrk_close(breaker->it);
    free(breaker);
}

int32_t koe_breaker_segment(koe_breaker *breaker, const uint16_t *text, int32_t len,
                            int32_t *ends, int32_t *statuses, int32_t cap, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    ubrk_setText(breaker->it, (const UChar *)text, len, &err);
    if (U_FAILURE(err)) { *status = (int32_t)err; return 0; }
    int32_t k = 0;
    ubrk_first(breaker->it);
    for (int32_t p = ubrk_next(breaker->it); p != UBRK_DONE; p = ubrk_next(breaker->it), k++) {
        if (k < cap) {
            ends[k] = p;
            statuses[k] = ubrk_getRuleStatus(breaker->it);
        }
    }
    *status = 0;
    return k;
}

// Counts what the substitute callback replaced.
typedef struct { int32_t count; } koe_sub_counter;

static void koe_count_and_substitute(const void *context, UConverterToUnicodeArgs *args,
                                     const char *codeUnits, int32_t length,
                                     UConverterCallbackReason reason, UErrorCode *err) {
    if (reason <= UCNV_IRREGULAR) {
        ((koe_sub_counter *)context)->count += 1;
        UChar fffd = 0xFFFD;
        *err = U_ZERO_ERROR;
        ucnv_cbToUWriteUChars(args, &fffd, 1, 0, err);
    }
}

int32_t koe_charset_to_utf16(const char *charset, const uint8_t *src, int32_t src_len,
                             uint16_t *dst, int32_t dst_cap, int32_t *substitutions,
                             int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    *substitutions = 0;
    UConverter *cnv = ucnv_open(charset, &err);
    if (U_FAILURE(err)) { *status = (int32_t)err; return 0; }
    koe_sub_counter counter = {0};
    ucnv_setToUCallBack(cnv, (UConverterToUCallback)koe_count_and_substitute, &counter, NULL,
                        NULL, &err);
    int32_t len = ucnv_toUChars(cnv, (UChar *)dst, dst_cap, (const char *)src, src_len, &err);
    ucnv_close(cnv);
    if (err == U_BUFFER_OVERFLOW_ERROR || err == U_STRING_NOT_TERMINATED_WARNING) err = U_ZERO_ERROR;
    *substitutions = counter.count;
    *status = (int32_t)err;
    return len;
}

const char *koe_error_name(int32_t status) {
    return u_errorName((UErrorCode)status);
}

void koe_icu_version(char *dst, int32_t cap) {
    UVersionInfo version, data;
    char a[U_MAX_VERSION_STRING_LENGTH], b[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(version);
    u_versionToString(version, a);
    u_getUnicodeVersion(data);
    u_versionToString(data, b);
    snprintf(dst, (size_t)cap, "%s unicode %s", a, b);
}
