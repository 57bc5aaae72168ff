/**
 * Intake's use case: importing files into the data directory with what follows each import (the audit entry, the DIP
 * assignment of new and replaced cases). See {@link org.hqd.app.intake.IntakeService}.
 */
@NullMarked
package org.hqd.app.intake;

import org.jspecify.annotations.NullMarked;
