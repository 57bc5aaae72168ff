package org.hqd.synth;

/**
 * Proleptic Gregorian dates as epoch days (days since 1970-01-01, as {@link java.time.LocalDate#toEpochDay()}),
 * converted without allocation on the generator's hot path. A civil date is packed as {@code yyyymmdd} in an int.
 *
 * <p>The conversions are Howard Hinnant's {@code days_from_civil} and {@code civil_from_days}
 * (<a href="https://howardhinnant.github.io/date_algorithms.html">chrono-compatible low-level date algorithms</a>).
 */
final class CivilDates {
    private CivilDates() {
    }

    /** The epoch day of year {@code y}, month {@code m} (1–12), day {@code d}. */
    static long epochDay(int y, int m, int d) {
        long year = m <= 2 ? y - 1 : y;
        long era = (year >= 0 ? year : year - 399) / 400;
        long yoe = year - era * 400;
        long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    /** The civil date of an epoch day, packed as {@code yyyymmdd}. */
    static int civil(long epochDay) {
        long z = epochDay + 719468;
        long era = (z >= 0 ? z : z - 146096) / 146097;
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int d = (int) (doy - (153 * mp + 2) / 5 + 1);
        int m = (int) (mp < 10 ? mp + 3 : mp - 9);
        int y = (int) (yoe + era * 400 + (m <= 2 ? 1 : 0));
        return y * 10000 + m * 100 + d;
    }

    static int year(int civil) {
        return civil / 10000;
    }

    static int month(int civil) {
        return civil / 100 % 100;
    }

    static int day(int civil) {
        return civil % 100;
    }

    static boolean isLeap(int y) {
        return (y & 3) == 0 && (y % 100 != 0 || y % 400 == 0);
    }

    static int lengthOfMonth(int y, int m) {
        if (m == 2) {
            return isLeap(y) ? 29 : 28;
        }
        return m == 4 || m == 6 || m == 9 || m == 11 ? 30 : 31;
    }

    /** Completed years from {@code birth} to {@code date}, as {@code ChronoUnit.YEARS.between}. */
    static int yearsBetween(long birth, long date) {
        int b = civil(birth);
        int d = civil(date);
        int years = year(d) - year(b);
        return d % 10000 < b % 10000 ? years - 1 : years;
    }

    /**
     * A birth date at which a person is exactly {@code ageYears} old on {@code admission}: the anniversary of the
     * admission date {@code ageYears} years earlier (28 February for 29 February), minus {@code daysBack} days,
     * 0 ≤ daysBack ≤ 364.
     */
    static long birthDay(long admission, int ageYears, int daysBack) {
        int c = civil(admission);
        int y = year(c) - ageYears;
        int m = month(c);
        int d = Math.min(day(c), lengthOfMonth(y, m));
        return epochDay(y, m, d) - daysBack;
    }
}
