/**
 * Adapters for files: {@link org.hqd.io.AtomicFile}, {@link org.hqd.io.Encodings}; the subpackages read CSV,
 * abstracts, tables and conformance suites.
 */
@NullMarked
package org.hqd.io;

import org.jspecify.annotations.NullMarked;
