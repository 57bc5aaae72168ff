package org.hqd.app.budget;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hqd.budget.BudgetRowCheck;

/**
 * What importing a budget or actual amounts did: rows read, accepted and rejected (by rule, with the file that lists
 * them beside the data directory's other rejects), and per hospital and year what changed. The rules are in the
 * order their first rejected row met them.
 */
public record BudgetImport(String file, String batch, int read, int accepted, List<BudgetRowCheck.Rejected> rejected,
                           Map<String, Integer> rejectedByRule, List<String> changes, Optional<Path> rejectsFile) {
    public BudgetImport {
        rejected = List.copyOf(rejected);
        rejectedByRule = Collections.unmodifiableMap(new LinkedHashMap<>(rejectedByRule));
        changes = List.copyOf(changes);
    }
}
