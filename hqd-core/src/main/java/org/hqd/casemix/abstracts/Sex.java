package org.hqd.casemix.abstracts;

import java.util.Optional;

/** Sex as coded on the discharge abstract (GB/T 2261.1): 1 male, 2 female. */
public enum Sex {
    MALE("1", "男"),
    FEMALE("2", "女"),
    /** Missing or not a valid code: such a case cannot be grouped. */
    UNKNOWN("", "未知");

    private final String code;
    private final String label;

    Sex(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The sex with this code ("1"/"2"), or empty for any other text. */
    public static Optional<Sex> fromCode(String code) {
        switch (code.trim()) {
            case "1": return Optional.of(MALE);
            case "2": return Optional.of(FEMALE);
            default: return Optional.empty();
        }
    }

    /** Whether this is a real sex, not {@link #UNKNOWN}. */
    public boolean isKnown() {
        return this != UNKNOWN;
    }
}
