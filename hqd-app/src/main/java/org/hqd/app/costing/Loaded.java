package org.hqd.app.costing;

import java.util.List;

/** What loading a costing file did: the file, the rows read and one line per hospital-year (or hospital) touched. */
public record Loaded(String file, int rows, List<String> changes) {
    public Loaded {
        changes = List.copyOf(changes);
    }
}
