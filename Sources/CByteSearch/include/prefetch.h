#ifndef QBCHECK_PREFETCH_H
#define QBCHECK_PREFETCH_H

/// Asks the processor to bring the cache line at `address` in ahead of a write to it. The name
/// indexes of a million customers are tables larger than the cache: asked for a batch of slots
/// at once, the waits for their lines overlap instead of coming one after another.
static inline void qbcheck_prefetch_for_writing(const void *address) {
    __builtin_prefetch(address, 1, 1);
}

#endif
