package org.hqd;

/**
 * One defect of a rule or parameter file HQD reads as data (payment rules, compliance rules, a weight table, a DIP
 * catalogue): the file, where in it (a JSON pointer or a line) and what is wrong.
 */
public record RuleFileProblem(String file, String where, String message) {
    @Override
    public String toString() {
        return file + (where.isEmpty() ? "" : " " + where) + "：" + message;
    }
}
