package org.hqd.casemix.rulepack;

/** One defect found while loading a rule pack: the file, where in it (a JSON pointer or line), and what is wrong. */
public record RulePackProblem(String file, String where, String message) {
    @Override
    public String toString() {
        return file + " " + where + ": " + message;
    }
}
