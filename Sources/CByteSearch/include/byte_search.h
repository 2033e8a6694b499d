#ifndef QBCHECK_BYTE_SEARCH_H
#define QBCHECK_BYTE_SEARCH_H

#include <stddef.h>

/// Whether `needle` occurs in `haystack`: the C library's memmem, which Swift's Glibc module
/// does not export (it is a GNU extension).
int qbcheck_contains(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

#endif
