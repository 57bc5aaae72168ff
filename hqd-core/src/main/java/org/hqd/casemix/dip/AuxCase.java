package org.hqd.casemix.dip;

import java.util.List;

/** What the DIP auxiliary catalogue looks at in a case. */
public record AuxCase(List<String> secondaryDx, List<String> procedures, int ageYears, int ageDays,
                      String dischargeMethod) {
    public AuxCase {
        secondaryDx = List.copyOf(secondaryDx);
        procedures = List.copyOf(procedures);
    }
}
