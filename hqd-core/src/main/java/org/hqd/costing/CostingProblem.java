package org.hqd.costing;

/** One defect of costing input: the input (a file, or a hospital and year), where in it, and what is wrong. */
public record CostingProblem(String source, String where, String message) {
    @Override
    public String toString() {
        return source + (where.isEmpty() ? "" : " " + where) + "：" + message;
    }
}
