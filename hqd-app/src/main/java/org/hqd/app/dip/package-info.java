/**
 * DIP on the data directory's cases: catalogues built from baseline cases, assignments and the units' DIP metrics
 * ({@link org.hqd.app.dip.DipService}).
 */
@NullMarked
package org.hqd.app.dip;

import org.jspecify.annotations.NullMarked;
