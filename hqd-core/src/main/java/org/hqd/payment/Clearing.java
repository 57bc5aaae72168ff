package org.hqd.payment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/*
 * Year-end 清算 under the point method: point value = fund / total points of the year's insured cases. Each
 * hospital × group cell gets fund × its points / total points, apportioned to the fen by largest remainder, so the
 * cells add up to the fund exactly; a hospital's (a group's) amount is the sum of its cells, so the hospitals' and
 * the groups' amounts add up to the fund as well.
 */
/** The year-end 清算 of a region's fund over hospitals and groups, conserving the fund to the fen. */
public record Clearing(long fundFen, double totalPoints, double pointValue, List<ClearingLine> lines) {
    public Clearing {
        lines = List.copyOf(lines);
    }

    /** Shares the fund over the cells (hospital × group, any order; cells are kept in that order). */
    public static Clearing of(long fundFen, List<ClearingCell> cells) {
        Objects.requireNonNull(cells, "cells");
        if (fundFen <= 0) {
            throw new IllegalArgumentException("fund must be positive: " + fundFen);
        }
        double[] points = new double[cells.size()];
        double total = 0;
        for (int i = 0; i < points.length; i++) {
            points[i] = cells.get(i).points();
            total += points[i];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("no points to share the fund over");
        }
        long[] shares = LargestRemainder.allocate(fundFen, points);
        List<ClearingLine> lines = new ArrayList<>(cells.size());
        for (int i = 0; i < points.length; i++) {
            ClearingCell c = cells.get(i);
            lines.add(new ClearingLine(c.hospitalId(), c.group(), c.cases(), c.points(), c.presettledFen(), shares[i]));
        }
        return new Clearing(fundFen, total, fundFen / 100.0 / total, lines);
    }

    /** One line per hospital (group empty), by hospital id. */
    public List<ClearingLine> byHospital() {
        return totals(ClearingLine::hospitalId, true);
    }

    /** One line per group (hospital empty), by group code. */
    public List<ClearingLine> byGroup() {
        return totals(ClearingLine::group, false);
    }

    private List<ClearingLine> totals(Function<ClearingLine, String> key, boolean hospital) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, double[]> points = new TreeMap<>();
        for (ClearingLine l : lines) {
            long[] c = counts.computeIfAbsent(key.apply(l), k -> new long[3]);
            c[0] += l.cases();
            c[1] += l.presettledFen();
            c[2] += l.clearedFen();
            points.computeIfAbsent(key.apply(l), k -> new double[1])[0] += l.points();
        }
        List<ClearingLine> out = new ArrayList<>();
        counts.forEach((k, c) -> out.add(new ClearingLine(hospital ? k : "", hospital ? "" : k, c[0],
                points.get(k)[0], c[1], c[2])));
        return out;
    }
}
