/** The DRG grouping engine: one engine for every rule pack, with results that explain themselves. */
@NullMarked
package org.hqd.casemix.grouping;

import org.jspecify.annotations.NullMarked;
