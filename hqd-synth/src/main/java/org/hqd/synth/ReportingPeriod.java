package org.hqd.synth;

import java.time.YearMonth;
import java.util.SplittableRandom;

/**
 * The months a synthetic province reports on, with the seasonal rhythm of discharges: fewer around the Spring
 * Festival in February, more in winter, and a slow growth of volume month by month.
 */
final class ReportingPeriod {
    private static final double[] SEASON = {1.0, 0.82, 1.05, 1.0, 1.0, 0.98, 1.02, 1.0, 1.0, 0.95, 1.03, 1.08};

    private final YearMonth first;
    private final long[] starts;
    private final AliasTable months;

    ReportingPeriod(YearMonth first, int count) {
        this.first = first;
        this.starts = new long[count + 1];
        double[] weights = new double[count];
        for (int m = 0; m <= count; m++) {
            YearMonth ym = first.plusMonths(m);
            starts[m] = ym.atDay(1).toEpochDay();
            if (m < count) {
                weights[m] = SEASON[ym.getMonthValue() - 1] * ym.lengthOfMonth() / 30.4 * (1.0 + 0.003 * m);
            }
        }
        this.months = new AliasTable(weights);
    }

    int months() {
        return starts.length - 1;
    }

    /** The first month of the period. */
    YearMonth firstMonth() {
        return first;
    }

    /** The epoch day of the first day of month {@code m} (0-based). */
    long start(int m) {
        return starts[m];
    }

    int length(int m) {
        return (int) (starts[m + 1] - starts[m]);
    }

    long firstDay() {
        return starts[0];
    }

    long lastDay() {
        return starts[starts.length - 1] - 1;
    }

    /** The month (0-based) an epoch day inside the period falls in. */
    int monthOf(long day) {
        int lo = 0;
        int hi = months() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= day) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** {@code YYYY-MM} of month {@code m}. */
    String label(int m) {
        return first.plusMonths(m).toString();
    }

    /** Draws a month, weighted by season and growth. */
    int sample(SplittableRandom r) {
        return months.sample(r);
    }
}
