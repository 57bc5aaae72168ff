package org.hqd.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class CivilDatesTest {
    @Test
    void civilAndEpochDay_anyDayFrom1900To2200_agreeWithLocalDate() {
        long from = LocalDate.of(1900, 1, 1).toEpochDay();
        long to = LocalDate.of(2200, 12, 31).toEpochDay();
        for (long day = from; day <= to; day += 7) {
            LocalDate d = LocalDate.ofEpochDay(day);
            int c = CivilDates.civil(day);
            assertThat(c).isEqualTo(d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth());
            assertThat(CivilDates.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth())).isEqualTo(day);
        }
    }

    @Test
    void yearsBetween_randomPairs_agreesWithChronoUnit() {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 100_000; i++) {
            long birth = LocalDate.of(1920, 1, 1).toEpochDay() + r.nextInt(40_000);
            long date = birth + r.nextInt(36_500);
            assertThat(CivilDates.yearsBetween(birth, date))
                    .isEqualTo(ChronoUnit.YEARS.between(LocalDate.ofEpochDay(birth), LocalDate.ofEpochDay(date)));
        }
    }

    @Test
    void birthDay_anyAgeAndOffset_givesExactlyThatAge() {
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < 100_000; i++) {
            long admission = LocalDate.of(2020, 1, 1).toEpochDay() + r.nextInt(2000);
            int age = 1 + r.nextInt(100);
            long birth = CivilDates.birthDay(admission, age, r.nextInt(365));
            assertThat(ChronoUnit.YEARS.between(LocalDate.ofEpochDay(birth), LocalDate.ofEpochDay(admission)))
                    .isEqualTo(age);
        }
    }

    @Test
    void birthDay_leapDayAdmission_usesTwentyEighthOfFebruary() {
        long admission = LocalDate.of(2024, 2, 29).toEpochDay();
        assertThat(LocalDate.ofEpochDay(CivilDates.birthDay(admission, 1, 0))).isEqualTo(LocalDate.of(2023, 2, 28));
    }
}
