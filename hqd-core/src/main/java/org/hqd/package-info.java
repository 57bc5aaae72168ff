/** HQD core: the pure domain of case mix, standards, metrics and evaluation. No I/O frameworks here. */
@NullMarked
package org.hqd;

import org.jspecify.annotations.NullMarked;
