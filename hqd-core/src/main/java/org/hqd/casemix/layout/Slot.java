package org.hqd.casemix.layout;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The columns of one diagnosis or one procedure in a layout's files (the first slot is the principal one). */
public record Slot(Map<SlotPart, String> columns) {
    public Slot {
        columns = columns.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(columns));
        if (!columns.containsKey(SlotPart.CODE)) {
            throw new IllegalArgumentException("a slot needs a code column: " + columns);
        }
    }

    /** The column of a part, if the layout gives one. */
    public Optional<String> column(SlotPart part) {
        return Optional.ofNullable(columns.get(part));
    }
}
