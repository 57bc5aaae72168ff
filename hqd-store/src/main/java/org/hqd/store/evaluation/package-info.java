/** The storage side of the evaluation (DESIGN §4): measures per hospital and period, and stored target sets. */
package org.hqd.store.evaluation;
