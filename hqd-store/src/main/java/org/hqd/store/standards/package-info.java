/** DRG standards and relative weights computed in the store (SQL), versioned; the same definitions as the core. */
@NullMarked
package org.hqd.store.standards;

import org.jspecify.annotations.NullMarked;
