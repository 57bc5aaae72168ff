package org.hqd.casemix.standards;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

/** One computed set of weights: which baseline, which method and parameters, when, from how many cases. */
public record WeightVersion(int version, String scheme, Optional<LocalDate> baselineFrom,
                            Optional<LocalDate> baselineTo, String method, String parameters, long cases,
                            LocalDateTime computedAt) {
}
