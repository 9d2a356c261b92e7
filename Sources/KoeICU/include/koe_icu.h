// C facade over ICU for koe. This header deliberately uses only <stdint.h> types: ICU's own
// headers must never reach a Swift module that also imports Foundation (see PLATFORM-NOTES).
// All text is UTF-16 (uint16_t). Functions report ICU failures through `status`
// (0 = ok, > 0 = ICU error code, < 0 = ICU warning) and never abort.
#ifndef KOE_ICU_H
#define KOE_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// UTF-8 to UTF-16; ill-formed sequences become U+FFFD and are counted in `substitutions`.
/// Returns the UTF-16 length; when it exceeds `dst_cap`, nothing useful was written: retry
/// with a buffer of that size.
int32_t koe_utf8_to_utf16(const uint8_t *src, int32_t src_len, uint16_t *dst, int32_t dst_cap,
                          int32_t *substitutions, int32_t *status);

/// UTF-16 to UTF-8 (input is well-formed: it came from koe_utf8_to_utf16). Same length rule.
int32_t koe_utf16_to_utf8(const uint16_t *src, int32_t src_len, uint8_t *dst, int32_t dst_cap,
                          int32_t *status);

/// Normalises for matching: NFKC, ASCII lower case, wave dashes to '~', dash-like
/// characters after katakana to the long-vowel mark. `map[i]` receives the source offset of
/// the normalisation chunk that produced dst[i]; `map[len] = src_len`. Both `dst` and `map`
/// need room for the returned length (+1 for map); when it exceeds `dst_cap`, retry.
int32_t koe_normalize(const uint16_t *src, int32_t src_len, uint16_t *dst, int32_t *map,
                      int32_t dst_cap, int32_t *status);

typedef struct koe_breaker koe_breaker;

/// A word break iterator for `locale` (e.g. "ja"). One per thread: ICU takes no lock.
koe_breaker *koe_breaker_open(const char *locale, int32_t *status);
koe_breaker *koe_breaker_clone(const koe_breaker *breaker, int32_t *status);
void koe_breaker_close(koe_breaker *breaker);

/// Segments `text`. For segment k, `ends[k]` is its end offset and `statuses[k]` the ICU rule
/// status (0-99 none/punctuation/space, 100-199 number, 200-299 letter, 300-399 kana,
/// 400-499 ideographic). Returns the number of segments; `cap >= len` always suffices.
int32_t koe_breaker_segment(koe_breaker *breaker, const uint16_t *text, int32_t len,
                            int32_t *ends, int32_t *statuses, int32_t cap, int32_t *status);

/// Converts bytes in a legacy charset (e.g. "windows-31j" for CP932) to UTF-16. Unmappable
/// or ill-formed bytes become U+FFFD and are counted. Same length rule as above.
int32_t koe_charset_to_utf16(const char *charset, const uint8_t *src, int32_t src_len,
                             uint16_t *dst, int32_t dst_cap, int32_t *substitutions,
                             int32_t *status);

/// The bit of a `1 << log2_bits`-bit table that stands for the pair of units (a, b).
static inline uint32_t koe_pair_slot(uint16_t a, uint16_t b, int32_t log2_bits) {
    return (((uint32_t)a << 16 | b) * 0x9E3779B1u) >> (32 - log2_bits);
}

/// Sets, in a zeroed table of `1 << log2_bits` bits, the slot (koe_pair_slot) of every pair of
/// units that occur next to each other inside a word of ICU's Chinese/Japanese dictionary.
/// Returns the number of words, or -1 when the dictionary cannot be read (see `status`).
int32_t koe_dictionary_pairs(uint64_t *bits, int32_t log2_bits, int32_t *status);

/// ICU's version and its Unicode version, e.g. "72.1 unicode 15.0": what ICU-derived caches are keyed on.
/// Writes at most `cap` bytes including the terminating NUL.
void koe_icu_version(char *dst, int32_t cap);

/// The name of an ICU error code, for messages.
const char *koe_error_name(int32_t status);

#ifdef __cplusplus
}
#endif

#endif
