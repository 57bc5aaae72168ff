package org.hqd.synth;

import java.time.YearMonth;
import java.util.Objects;
import org.hqd.HqdException;

/**
 * What to generate: how many hospitals, how many discharge abstracts over how many months from which month, the
 * seed, and how many worker threads. The same settings with the same seed give byte-identical files whatever the
 * number of threads.
 *
 * @param hospitals  hospitals in the register, 1–{@value #MAX_HOSPITALS}
 * @param records    discharge abstracts in total, 0–{@value #MAX_RECORDS}
 * @param months     months of discharges and facility reports, 1–{@value #MAX_MONTHS}
 * @param seed       any number; the files are a pure function of the settings
 * @param firstMonth the first month of the period
 * @param threads    worker threads, 1–{@value #MAX_THREADS}; does not change the output
 */
public record GeneratorSettings(int hospitals, long records, int months, long seed, YearMonth firstMonth,
                                int threads) {
    public static final int MAX_HOSPITALS = 20_000;
    public static final long MAX_RECORDS = 10_000_000_000L;
    public static final int MAX_MONTHS = 120;
    public static final int MAX_THREADS = 256;
    /** The first month when none is given: January 2024. */
    public static final YearMonth DEFAULT_FIRST_MONTH = YearMonth.of(2024, 1);

    /** @throws HqdException naming the setting that is out of range and its allowed range */
    public GeneratorSettings {
        Objects.requireNonNull(firstMonth, "firstMonth");
        if (hospitals < 1 || hospitals > MAX_HOSPITALS) {
            throw new HqdException("医院数 hospitals = " + hospitals + " 超出范围：应为 1–" + MAX_HOSPITALS);
        }
        if (records < 0 || records > MAX_RECORDS) {
            throw new HqdException("病案数 records = " + records + " 超出范围：应为 0–" + MAX_RECORDS);
        }
        if (months < 1 || months > MAX_MONTHS) {
            throw new HqdException("月数 months = " + months + " 超出范围：应为 1–" + MAX_MONTHS);
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new HqdException("线程数 threads = " + threads + " 超出范围：应为 1–" + MAX_THREADS);
        }
        if (firstMonth.getYear() < 1900 || firstMonth.plusMonths(months).getYear() > 2200) {
            throw new HqdException("起始月份 firstMonth = " + firstMonth + " 超出范围：应在 1900-01 到 2199-12 之间");
        }
    }

    /** Settings from {@link #DEFAULT_FIRST_MONTH}, with one thread per available processor. */
    public static GeneratorSettings of(int hospitals, long records, int months, long seed) {
        return new GeneratorSettings(hospitals, records, months, seed, DEFAULT_FIRST_MONTH,
                Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
    }

    /** These settings with another number of worker threads (the output stays the same). */
    public GeneratorSettings withThreads(int threads) {
        return new GeneratorSettings(hospitals, records, months, seed, firstMonth, threads);
    }

    /** These settings with another first month. */
    public GeneratorSettings withFirstMonth(YearMonth firstMonth) {
        return new GeneratorSettings(hospitals, records, months, seed, firstMonth, threads);
    }
}
