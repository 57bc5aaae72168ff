/**
 * The case-mix standard system (病种组合标准体系) of DESIGN §3.3: trimming, relative weights, per-group cost, LOS,
 * drug and consumable standards, mortality risk levels and outlier classes. Pure functions over case values;
 * the store computes the same definitions in SQL at scale and is checked against these.
 */
@NullMarked
package org.hqd.casemix.standards;

import org.jspecify.annotations.NullMarked;
