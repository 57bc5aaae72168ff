/** The embedded store: a data directory holding a DuckDB database, its schema migrations and settings. */
@NullMarked
package org.hqd.store;

import org.jspecify.annotations.NullMarked;
