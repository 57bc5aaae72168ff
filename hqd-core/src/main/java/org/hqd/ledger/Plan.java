package org.hqd.ledger;

import java.util.List;

/** A plan found in a document: its id (stable for the same title and position among equal titles), title, first line and tasks. */
public record Plan(String planId, String title, int line, List<PlanTask> tasks) {
    public Plan {
        tasks = List.copyOf(tasks);
    }
}
