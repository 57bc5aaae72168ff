package org.hqd.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/*
 * Monitoring over time (动态监测): from one evaluation per month, in month order,
 *  - per hospital × indicator the monthly values and the trend: the least-squares slope per month of the months
 *    with a value; IMPROVING / WORSENING in the indicator's direction when |slope| ≥ 1 % of the mean |value| per
 *    month, else STABLE (fewer than two values: no trend);
 *  - every change from MET in one month to WARNING or NOT_MET in the next month with a value (达标→未达标);
 *  - the warnings for follow-up: WARNING and NOT_MET rows of the last month.
 */
/** Trends, status changes and follow-up warnings from a series of monthly evaluations. */
public final class Monitoring {
    /** Which way an indicator moved over the period. */
    public enum Trend {
        IMPROVING("改善"),
        STABLE("持平"),
        WORSENING("恶化");

        private final String label;

        Trend(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One hospital × indicator over the months: values (empty: no data), statuses, and the trend. */
    public record Series(String hospitalId, String hospitalName, Indicator indicator, List<String> months,
                         List<OptionalDouble> values, List<Optional<Status>> statuses, Optional<Trend> trend,
                         OptionalDouble slopePerMonth) { }

    /** A hospital whose indicator was met in {@code from} and not in {@code to}. */
    public record Change(String hospitalId, String hospitalName, Indicator indicator, String from, String to,
                         Status toStatus, OptionalDouble value, Optional<Target> target) { }

    private final List<Series> series;
    private final List<Change> changes;
    private final List<EvaluationRow> followUp;

    private Monitoring(List<Series> series, List<Change> changes, List<EvaluationRow> followUp) {
        this.series = series;
        this.changes = changes;
        this.followUp = followUp;
    }

    /** @param monthly one evaluation per month, keyed {@code YYYY-MM}, in month order */
    public static Monitoring of(Map<String, Evaluation> monthly) {
        List<String> months = List.copyOf(monthly.keySet());
        Map<String, EvaluationRow[]> cells = new LinkedHashMap<>();
        for (int m = 0; m < months.size(); m++) {
            for (EvaluationRow r : monthly.get(months.get(m)).rows()) {
                cells.computeIfAbsent(r.hospitalId() + "|" + r.indicator().id(),
                        k -> new EvaluationRow[months.size()])[m] = r;
            }
        }
        List<Series> series = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        for (EvaluationRow[] row : cells.values()) {
            EvaluationRow any = firstPresent(row);
            List<OptionalDouble> values = new ArrayList<>();
            List<Optional<Status>> statuses = new ArrayList<>();
            for (EvaluationRow r : row) {
                values.add(r == null ? OptionalDouble.empty() : r.value());
                statuses.add(r == null ? Optional.empty() : r.status());
            }
            OptionalDouble slope = slope(values);
            series.add(new Series(any.hospitalId(), any.hospitalName(), any.indicator(), months, values, statuses,
                    trend(slope, values, any.indicator().direction()), slope));
            EvaluationRow previous = null;
            String previousMonth = null;
            for (int m = 0; m < row.length; m++) {
                EvaluationRow r = row[m];
                if (r == null || r.value().isEmpty() || r.status().isEmpty()) {
                    continue;
                }
                if (previous != null && previous.status().get() == Status.MET && r.status().get() != Status.MET) {
                    changes.add(new Change(r.hospitalId(), r.hospitalName(), r.indicator(), previousMonth,
                            months.get(m), r.status().get(), r.value(), r.target()));
                }
                previous = r;
                previousMonth = months.get(m);
            }
        }
        List<EvaluationRow> followUp = months.isEmpty() ? List.of() : monthly.get(months.get(months.size() - 1)).rows()
                .stream().filter(r -> r.status().filter(s -> s == Status.WARNING || s == Status.NOT_MET).isPresent())
                .toList();
        return new Monitoring(series, changes, followUp);
    }

    public List<Series> series() {
        return series;
    }

    public List<Change> changes() {
        return changes;
    }

    public List<EvaluationRow> followUp() {
        return followUp;
    }

    private static EvaluationRow firstPresent(EvaluationRow[] row) {
        for (EvaluationRow r : row) {
            if (r != null) {
                return r;
            }
        }
        throw new IllegalStateException("empty series");
    }

    /** Least-squares slope of the values against the month index, over the months with a value. */
    static OptionalDouble slope(List<OptionalDouble> values) {
        double n = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).isPresent()) {
                double y = values.get(i).getAsDouble();
                n++;
                sx += i;
                sy += y;
                sxx += (double) i * i;
                sxy += i * y;
            }
        }
        double d = n * sxx - sx * sx;
        return n < 2 || d == 0 ? OptionalDouble.empty() : OptionalDouble.of((n * sxy - sx * sy) / d);
    }

    private static Optional<Trend> trend(OptionalDouble slope, List<OptionalDouble> values, Direction direction) {
        if (slope.isEmpty()) {
            return Optional.empty();
        }
        double mean = values.stream().filter(OptionalDouble::isPresent).mapToDouble(v -> Math.abs(v.getAsDouble()))
                .average().orElse(0);
        double s = slope.getAsDouble();
        if (Math.abs(s) < 0.01 * mean || s == 0) {
            return Optional.of(Trend.STABLE);
        }
        boolean up = s > 0;
        return Optional.of(up == (direction == Direction.HIGHER_BETTER) ? Trend.IMPROVING : Trend.WORSENING);
    }
}
