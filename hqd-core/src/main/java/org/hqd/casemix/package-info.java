/**
 * What the case-mix packages share: which cases a question looks at ({@link org.hqd.casemix.CaseFilter}).
 */
@NullMarked
package org.hqd.casemix;

import org.jspecify.annotations.NullMarked;
