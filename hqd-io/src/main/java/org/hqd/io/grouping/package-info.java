/** Grouping whole files: a streaming, parallel, order-keeping pipeline over the core grouper. */
@NullMarked
package org.hqd.io.grouping;

import org.jspecify.annotations.NullMarked;
