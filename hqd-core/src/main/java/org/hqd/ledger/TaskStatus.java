package org.hqd.ledger;

import java.util.Optional;

/** The status of a ledger task as users see it. {@code OVERDUE} is also derived: a task past its due date that is not done. */
public enum TaskStatus {
    NOT_STARTED("未启动"),
    IN_PROGRESS("推进中"),
    AT_RISK("有风险"),
    OVERDUE("已逾期"),
    DONE("已完成");

    private final String label;

    TaskStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The status written as its Chinese label or its name (any case). */
    public static Optional<TaskStatus> of(String text) {
        String t = text == null ? "" : text.strip();
        for (TaskStatus s : values()) {
            if (s.label.equals(t) || s.name().equalsIgnoreCase(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
