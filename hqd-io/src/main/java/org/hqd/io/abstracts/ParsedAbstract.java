package org.hqd.io.abstracts;

import java.util.List;
import java.util.stream.Collectors;
import org.hqd.casemix.abstracts.DischargeAbstract;

/**
 * One row of an abstract file as read: the abstract (unreadable values left missing), the physical line it
 * starts on, and the values that could not be read.
 */
public record ParsedAbstract(long line, DischargeAbstract abstract_, List<FieldProblem> problems) {
    public ParsedAbstract {
        problems = List.copyOf(problems);
    }

    /** Whether the line could not be cut into fields at all: its values mean nothing. */
    public boolean malformed() {
        return problems.stream().anyMatch(p -> p.column().isEmpty());
    }

    /** The problems that stop grouping, joined for a reason text; empty when there are none. */
    public String groupingBlocker() {
        if (problems.isEmpty()) {
            return "";
        }
        return problems.stream().filter(FieldProblem::blocksGrouping).map(FieldProblem::message)
                .collect(Collectors.joining("；"));
    }
}
