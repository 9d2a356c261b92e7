// The physical floor for `koe tokenize`: read lines, UTF-8 -> UTF-16, ICU word break (ja),
// walk every boundary and its rule status. No normalisation, no output. Used by
// tools/bench-tokenize.sh; build: cc -O2 icu_wordbreak.c $(pkg-config --cflags --libs icu-uc)
#include <stdio.h>
#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>

int main(void) {
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_WORD, "ja", NULL, 0, &err);
    if (U_FAILURE(err)) { fprintf(stderr, "ubrk_open: %s\n", u_errorName(err)); return 1; }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int32_t ucap = 1 << 16;
    UChar *u = malloc(sizeof(UChar) * (size_t)ucap);
    long long tokens = 0, words = 0, lines = 0;
    while ((n = getline(&line, &cap, stdin)) >= 0) {
        if (n > 0 && line[n - 1] == '\n') n--;
        if (n >= ucap) { ucap = (int32_t)n * 2 + 1; u = realloc(u, sizeof(UChar) * (size_t)ucap); }
        int32_t len = 0;
        err = U_ZERO_ERROR;
        u_strFromUTF8WithSub(u, ucap, &len, line, (int32_t)n, 0xFFFD, NULL, &err);
        ubrk_setText(bi, u, len, &err);
        ubrk_first(bi);
        for (int32_t p = ubrk_next(bi); p != UBRK_DONE; p = ubrk_next(bi)) {
            tokens++;
            if (ubrk_getRuleStatus(bi) >= 100) words++;
        }
        lines++;
    }
    fprintf(stderr, "lines=%lld tokens=%lld words=%lld\n", lines, tokens, words);
    free(u); free(line); ubrk_close(bi);
    return 0;
}
