/**
 * The evaluation of hospitals against targets, its months, the hospitals and the target sets
 * ({@link org.hqd.app.evaluation.EvaluationService}).
 */
@NullMarked
package org.hqd.app.evaluation;

import org.jspecify.annotations.NullMarked;
