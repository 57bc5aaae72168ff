package org.hqd.costing;

import java.util.Objects;

/**
 * An allocation driver (分摊参数): its id as files write it ({@code staff}), its Chinese name and unit, and which unit
 * of a clinical department its values belong to.
 */
public record Driver(String id, String name, String unit, Setting scope) {
    public Driver {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(scope, "scope");
    }

    /** The name with the id, as messages show it: 职工人数（staff）. */
    public String label() {
        return name + "（" + id + "）";
    }
}
