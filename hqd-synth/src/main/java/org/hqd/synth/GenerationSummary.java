package org.hqd.synth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What one generation run wrote: counts of the four files' rows, their total size, where, and how long it took.
 *
 * @param hospitals       rows of {@code hospitals.csv}
 * @param abstracts       rows of {@code abstracts.csv}
 * @param facilityReports rows of {@code facility_reports.csv} (hospitals × months)
 * @param annualReports   rows of {@code annual_reports.csv} (hospitals × calendar years of the period)
 * @param bytes           total size of the four files
 * @param directory       the folder they are in
 * @param elapsed         wall-clock time of the run
 */
public record GenerationSummary(int hospitals, long abstracts, long facilityReports, long annualReports,
                                long bytes, Path directory,
                                Duration elapsed) {
    public GenerationSummary {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** Abstract rows written per second of the run. */
    public double abstractsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? abstracts / seconds : 0;
    }
}
