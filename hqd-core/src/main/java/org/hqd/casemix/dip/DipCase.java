package org.hqd.casemix.dip;

import java.util.List;
import java.util.Objects;

/** What DIP needs of a case: the principal diagnosis, the procedures (main first) and the cost. */
public record DipCase(String principalDx, List<String> procedures, double cost) {
    public DipCase {
        Objects.requireNonNull(principalDx, "principalDx");
        procedures = List.copyOf(procedures);
    }
}
