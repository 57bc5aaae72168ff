/**
 * DRG standards (weights) and what is measured on them: unit metrics, outliers, a DRG's cases, physicians
 * ({@link org.hqd.app.standards.StandardsService}).
 */
@NullMarked
package org.hqd.app.standards;

import org.jspecify.annotations.NullMarked;
