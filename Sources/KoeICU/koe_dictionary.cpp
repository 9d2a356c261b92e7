// Reads ICU's Chinese/Japanese segmentation dictionary (cjdict) for the one fact koe needs
// from it: which pairs of UTF-16 units occur next to each other inside a dictionary word.
// C++ only because ICU's trie iterator is a C++ class; the interface stays the C one of
// koe_icu.h.
#include "koe_icu.h"

#include <unicode/ucharstrie.h>
#include <unicode/udata.h>
#include <unicode/unistr.h>

// The layout of ICU's dictionary files (dictionarydata.h, internal to ICU): int32 indexes,
// of which [0] is the offset of the trie and [4] its type.
enum { IX_STRING_TRIE_OFFSET = 0, IX_TRIE_TYPE = 4, TRIE_TYPE_MASK = 7, TRIE_TYPE_UCHARS = 1 };

extern "C" int32_t koe_dictionary_pairs(uint64_t *bits, int32_t log2_bits, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UDataMemory *file = udata_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "dict", "cjdict", &err);
    if (U_FAILURE(err)) {
        *status = (int32_t)err;
        return -1;
    }
    const uint8_t *data = static_cast<const uint8_t *>(udata_getMemory(file));
    const int32_t *indexes = reinterpret_cast<const int32_t *>(data);
    if ((indexes[IX_TRIE_TYPE] & TRIE_TYPE_MASK) != TRIE_TYPE_UCHARS) {
        udata_close(file);
        *status = (int32_t)U_INVALID_FORMAT_ERROR;
        return -1;
    }
    const char16_t *trie = reinterpret_cast<const char16_t *>(data + indexes[IX_STRING_TRIE_OFFSET]);
    int32_t words = 0;
    {
        icu::UCharsTrie::Iterator it(trie, 0, err);
        while (U_SUCCESS(err) && it.next(err)) {
            const icu::UnicodeString &word = it.getString();
            for (int32_t i = 1; i < word.length(); i++) {
                uint32_t slot = koe_pair_slot(word.charAt(i - 1), word.charAt(i), log2_bits);
                bits[slot >> 6] |= (uint64_t)1 << (slot & 63);
            }
            words++;
        }
    }
    udata_close(file);
    *status = (int32_t)err;
    return U_FAILURE(err) ? -1 : words;
}
