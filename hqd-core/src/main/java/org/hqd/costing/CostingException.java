package org.hqd.costing;

import java.util.List;
import java.util.stream.Collectors;
import org.hqd.HqdException;

/** Costing input that cannot be used; carries every problem found, not just the first. */
public final class CostingException extends HqdException {
    private static final long serialVersionUID = 1L;
    /** How many problems the message lists; the rest are counted. */
    static final int SHOWN = 30;

    private final transient List<CostingProblem> problems;

    public CostingException(String what, List<CostingProblem> problems) {
        super(what + "：" + problems.size() + " 处问题\n  " + problems.stream().limit(SHOWN).map(CostingProblem::toString)
                .collect(Collectors.joining("\n  ")) + (problems.size() > SHOWN ? "\n  ……另有 "
                + (problems.size() - SHOWN) + " 处" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<CostingProblem> problems() {
        return problems;
    }
}
