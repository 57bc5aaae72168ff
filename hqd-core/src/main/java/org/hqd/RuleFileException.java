package org.hqd;

import java.util.List;
import java.util.stream.Collectors;

/** A rule or parameter file that cannot be used; carries every problem found, not just the first. */
public final class RuleFileException extends HqdException {
    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 20;
    private final transient List<RuleFileProblem> problems;

    public RuleFileException(String file, List<RuleFileProblem> problems) {
        super(file + " 有 " + problems.size() + " 处错误，未使用：\n  " + problems.stream().limit(SHOWN)
                .map(RuleFileProblem::toString).collect(Collectors.joining("\n  "))
                + (problems.size() > SHOWN ? "\n  …（另有 " + (problems.size() - SHOWN) + " 处）" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<RuleFileProblem> problems() {
        return problems;
    }

    /** Throws when there are problems. */
    public static void throwIfAny(String file, List<RuleFileProblem> problems) {
        if (!problems.isEmpty()) {
            throw new RuleFileException(file, problems);
        }
    }
}
