/**
 * The high-quality-development evaluation system (DESIGN §4): the indicator catalogue and the measures its formulas
 * are written over, tiered target sets, and the evaluation of hospitals against them — status, gap, rank in the
 * peer tier, composite scores per dimension, and status changes over time. Catalogues, targets and weights are
 * data (TSV); nothing here does I/O beyond reading such a text.
 */
package org.hqd.evaluation;
