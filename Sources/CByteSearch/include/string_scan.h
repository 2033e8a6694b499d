#ifndef QBCHECK_STRING_SCAN_H
#define QBCHECK_STRING_SCAN_H

#include <stddef.h>
#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// How many bytes from `start` (up to `end`) are plain string bytes: not a quote, a backslash,
/// a control character or a byte outside ASCII. The JSON reader finds the end of every string
/// with it, sixteen bytes at a time where the processor compares sixteen at once (Swift's
/// SIMD types compile the mask to a loop per byte); one signed comparison catches both control
/// characters and bytes from 0x80 up. `static inline`, so it is compiled into the reader.
/// (SwiftPM does not rebuild a Swift target when only this header changes: touch
/// `JSONParser.swift` after editing it.)
static inline size_t qbcheck_plain_string_bytes(const uint8_t *start, const uint8_t *end) {
    const uint8_t *p = start;
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i space = _mm_set1_epi8(0x20);
    while (end - p >= 16) {
        __m128i bytes = _mm_loadu_si128((const __m128i *)p);
        __m128i special = _mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash));
        special = _mm_or_si128(special, _mm_cmplt_epi8(bytes, space));
        unsigned mask = (unsigned)_mm_movemask_epi8(special);
        if (mask != 0) return (size_t)(p - start) + (size_t)__builtin_ctz(mask);
        p += 16;
    }
#endif
    while (p < end) {
        uint8_t byte = *p;
        if (byte == '"' || byte == '\\' || byte < 0x20 || byte >= 0x80) break;
        p++;
    }
    return (size_t)(p - start);
}

#endif
