package org.hqd.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
    void bytes_chineseText_utf8RoundTrip() {
        CsvBytes b = new CsvBytes(2);
        b.bytes(CsvBytes.utf8("心血管内科")).comma().ascii('1');
        assertThat(b.toString()).isEqualTo("心血管内科,1");
        assertThat(b.length()).isEqualTo(17);
    }
}
