/** Parallel work whose results must come out in input order. */
@NullMarked
package org.hqd.io.parallel;

import org.jspecify.annotations.NullMarked;
