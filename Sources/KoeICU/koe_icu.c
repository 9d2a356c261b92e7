// With koe_normalize.c and koe_dictionary.cpp, the only files in koe that include ICU
// headers. Keep it small and allocation-free on the per-line paths: callers own every buffer.
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
