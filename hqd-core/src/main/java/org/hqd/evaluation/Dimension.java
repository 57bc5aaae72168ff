package org.hqd.evaluation;

import java.util.Optional;

/** The four dimensions of public-hospital performance assessment (DESIGN §4). */
public enum Dimension {
    QUALITY("医疗质量"),
    EFFICIENCY("运营效率"),
    DEVELOPMENT("持续发展"),
    SATISFACTION("满意度评价");

    private final String label;

    Dimension(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The dimension with this Chinese label or enum name. */
    public static Optional<Dimension> of(String text) {
        String t = text.strip();
        for (Dimension d : values()) {
            if (d.label.equals(t) || d.name().equalsIgnoreCase(t)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
