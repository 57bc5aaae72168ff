package org.hqd.store.importing;

/** What merging a staged batch into the store did. */
record BatchCounts(int batchId, long added, long replaced, long unchanged, long duplicates) {
}
