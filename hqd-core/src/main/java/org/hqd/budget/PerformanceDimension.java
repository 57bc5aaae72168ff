package org.hqd.budget;

import java.util.Optional;

/** The dimensions of budget performance targets (预算绩效目标). */
public enum PerformanceDimension {
    QUANTITY("数量"),
    QUALITY("质量"),
    TIMELINESS("时效"),
    COST("成本"),
    BENEFIT("效益");

    private final String label;

    PerformanceDimension(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<PerformanceDimension> of(String text) {
        String t = text == null ? "" : text.strip();
        for (PerformanceDimension d : values()) {
            if (d.name().equalsIgnoreCase(t) || d.label.equals(t)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
