package org.hqd.costing;

import java.util.Optional;

/**
 * The department classes of 《公立医院成本核算规范》(2021), in the order stepwise allocation (三级分摊) takes them: each
 * class's costs go to the departments of the classes after it, so that in the end every cost sits on a clinical
 * department.
 */
public enum CostClass {
    ADMINISTRATIVE("行政后勤类"),
    AUXILIARY("医疗辅助类"),
    MEDICAL_TECHNOLOGY("医疗技术类"),
    CLINICAL("临床服务类");

    private final String label;

    CostClass(String label) {
        this.label = label;
    }

    /** The Chinese name users read and files use. */
    public String label() {
        return label;
    }

    /** Whether the class's costs are allocated to other classes (all but 临床服务类). */
    public boolean sends() {
        return this != CLINICAL;
    }

    /** Whether departments of this class receive costs of {@code sender} (they come later in the order). */
    public boolean receivesFrom(CostClass sender) {
        return ordinal() > sender.ordinal();
    }

    /** The allocation level of a sending class: 1 (一级) for 行政后勤类, 2 and 3 for the next two. */
    public int level() {
        return ordinal() + 1;
    }

    /** The class a file names, by its Chinese name or its enum name. */
    public static Optional<CostClass> of(String text) {
        String t = text == null ? "" : text.strip();
        for (CostClass c : values()) {
            if (c.label.equals(t) || c.name().equalsIgnoreCase(t)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
