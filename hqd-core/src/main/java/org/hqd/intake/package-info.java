/**
 * What an intake is and says: the kinds of file ({@link org.hqd.intake.FileKind}), how to import
 * ({@link org.hqd.intake.ImportSettings}), what importing one file did ({@link org.hqd.intake.ImportSummary}) and the
 * overview of what the data directory holds by tier and DRG.
 */
@NullMarked
package org.hqd.intake;

import org.jspecify.annotations.NullMarked;
