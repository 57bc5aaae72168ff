/** Fast CSV reading: chunking a byte stream on record boundaries and scanning records. */
@NullMarked
package org.hqd.io.csv;

import org.jspecify.annotations.NullMarked;
