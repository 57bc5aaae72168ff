/**
 * Performance of a unit — hospital, department, physician, MDC — over a period (DESIGN §3.4): DRG count, total
 * weight, CMI, cost/time/drug/consumable indices against a benchmark, low- and mid-low-risk mortality, ALOS.
 * Pure functions; the store computes the same definitions in SQL at scale and is checked against these.
 */
@NullMarked
package org.hqd.casemix.performance;

import org.jspecify.annotations.NullMarked;
