package org.hqd.payment;

import java.util.Objects;

/** A special case of the rules (death within 24 h, transfer …): when it applies and how its points are computed. */
public record SpecialCase(String id, String label, String source, CaseCondition when, PointsFormula points) {
    public SpecialCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(points, "points");
    }
}
