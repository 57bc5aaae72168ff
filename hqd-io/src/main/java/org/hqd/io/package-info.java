/** Adapters for files: {@link org.hqd.io.AtomicFile}; the subpackages read CSV, abstracts, tables and conformance suites. */
@NullMarked
package org.hqd.io;

import org.jspecify.annotations.NullMarked;
