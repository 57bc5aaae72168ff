package org.hqd.casemix;

import java.time.LocalDate;
import java.util.Optional;

/** Which cases a question looks at: discharged in [from, to] (either end open), optionally of one hospital. */
public record CaseFilter(Optional<LocalDate> from, Optional<LocalDate> to, Optional<String> hospital) {
    /** Every case. */
    public static final CaseFilter ALL = new CaseFilter(Optional.empty(), Optional.empty(), Optional.empty());
}
