package org.hqd.ledger;

import java.util.List;

/** What the parser found in one document: its plans in order (a document may be a collection of several). */
public record ExtractedDocument(String name, List<Plan> plans) {
    public ExtractedDocument {
        plans = List.copyOf(plans);
    }

    public int taskCount() {
        return plans.stream().mapToInt(p -> p.tasks().size()).sum();
    }
}
