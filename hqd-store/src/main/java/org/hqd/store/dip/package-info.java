/** DIP catalogues built from the store's cases with the core's {@link org.hqd.casemix.dip.DipCatalog}, versioned. */
@NullMarked
package org.hqd.store.dip;

import org.jspecify.annotations.NullMarked;
