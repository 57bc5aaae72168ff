package org.hqd.access;

import java.util.Locale;
import java.util.Optional;

/** The roles of DESIGN §7. */
public enum Role {
    /** Everything, including users and the audit log. */
    ADMIN("系统管理员"),
    /** The hospitals of a region (all hospitals when the user has no region). */
    REGULATOR("卫生健康委"),
    /** Its own hospital. */
    HOSPITAL("医院"),
    /** Its own department of its own hospital. */
    DEPARTMENT("科室");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Role> of(String name) {
        try {
            return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
