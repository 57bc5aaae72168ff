package org.hqd.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class CsvBytesTest {
    @Test
    void cents_amounts_yuanWithTwoDecimals() {
        CsvBytes b = new CsvBytes(8);
        b.cents(0).comma().cents(5).comma().cents(123456).comma().cents(100).comma().cents(-250);
        assertThat(b.toString()).isEqualTo("0.00,0.05,1234.56,1.00,-2.50");
    }

    @Test
    void padded_shortNumbers_leadingZeros() {
        CsvBytes b = new CsvBytes(8);
        b.padded(7, 2).comma().padded(123, 2).comma().padded(42, 10).comma().number(-17).comma().number(1234567890123L);
        assertThat(b.toString()).isEqualTo("07,123,0000000042,-17,1234567890123");
    }

    @Test
    void date_epochDays_isoDates() {
        CsvBytes b = new CsvBytes(8);
        b.date(LocalDate.of(2024, 2, 29).toEpochDay()).comma().date(LocalDate.of(1931, 12, 1).toEpochDay());
        assertThat(b.toString()).isEqualTo("2024-02-29,1931-12-01");
    }

    @Test
    void numbersCentsAndDates_randomValues_asJavaFormatsThem() {
        SplittableRandom r = new SplittableRandom(5);
        CsvBytes b = new CsvBytes(8);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            long v = switch (i % 4) {
                case 0 -> r.nextInt(1000);
                case 1 -> r.nextInt();
                case 2 -> r.nextLong(Integer.MAX_VALUE - 5L, Integer.MAX_VALUE + 5L);
                default -> r.nextLong(Long.MAX_VALUE);
            };
            long abs = Math.abs(v);
            int width = r.nextInt(12);
            long day = r.nextLong(-80_000, 80_000); // 1750 … 2189: inside and outside the table of dates
            b.number(v).comma().padded(abs, width).comma().cents(v).comma().date(day).newline();
            expected.append(v).append(',').append(String.format("%0" + Math.max(width, 1) + "d", abs)).append(',')
                    .append(v < 0 ? "-" : "").append(abs / 100).append('.').append(String.format("%02d", abs % 100))
                    .append(',').append(LocalDate.ofEpochDay(day)).append('\n');
        }
        assertThat(b.toString()).isEqualTo(expected.toString());
    }

    @Test
    void bytes_chineseText_utf8RoundTrip() {
        CsvBytes b = new CsvBytes(2);
        b.bytes(CsvBytes.utf8("心血管内科")).comma().ascii('1');
        assertThat(b.toString()).isEqualTo("心血管内科,1");
        assertThat(b.length()).isEqualTo(17);
    }
}
