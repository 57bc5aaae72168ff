package org.hqd.casemix.rulepack;

import java.util.List;
import java.util.stream.Collectors;
import org.hqd.HqdException;

/** A rule pack that cannot be used; carries every problem found, not just the first. */
public final class RulePackException extends HqdException {
    private static final long serialVersionUID = 1L;
    private final transient List<RulePackProblem> problems;

    public RulePackException(String packId, List<RulePackProblem> problems) {
        super("规则包 " + packId + " 有 " + problems.size() + " 处错误：\n  "
                + problems.stream().limit(20).map(RulePackProblem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public RulePackException(String message) {
        super(message);
        this.problems = List.of();
    }

    public List<RulePackProblem> problems() {
        return problems;
    }
}
