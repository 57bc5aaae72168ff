package org.hqd.casemix.rulepack;

import java.util.Map;
import java.util.Objects;

/**
 * A scheme compiled from its tables: the checked pack, and its files ({@code pack.json}, {@code rules.json}, the TSV
 * tables and any {@code dictionary/} files) to write as a pack folder or zip.
 */
public record CompiledScheme(RulePack pack, Map<String, String> files) {
    public CompiledScheme {
        Objects.requireNonNull(pack, "pack");
        files = Map.copyOf(files);
    }
}
