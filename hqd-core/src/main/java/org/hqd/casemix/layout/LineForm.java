package org.hqd.casemix.layout;

import java.util.Objects;

/**
 * The line form of a layout: one row per diagnosis or procedure line, the rows of one stay next to each other and
 * sharing the value of {@code key}, the stay's other columns repeated on each row. {@link SlotPart#PRINCIPAL} of a
 * slot names the flag column (1 or 是) that marks the principal diagnosis or procedure.
 */
public record LineForm(String key, Slot diagnosis, Slot procedure) {
    public LineForm {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(diagnosis, "diagnosis");
        Objects.requireNonNull(procedure, "procedure");
    }
}
