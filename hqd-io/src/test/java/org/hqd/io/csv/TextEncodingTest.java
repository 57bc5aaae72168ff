package org.hqd.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class TextEncodingTest {
    private static TextEncoding of(byte[] b) {
        return TextEncoding.of(b, 0, b.length);
    }

    @Test
    void of_plainAscii_isAscii() {
        assertThat(of("record_id,principal_dx\nR1,K35.800x001\n".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(TextEncoding.ASCII);
    }

    @Test
    void of_chineseInUtf8_isUtf8() {
        assertThat(of("病案号,出院科别\nR1,骨科\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(TextEncoding.UTF8);
    }

    @Test
    void of_chineseInGbk_isGbk() {
        assertThat(of("病案号,出院科别\nR1,骨科\n".getBytes(Charset.forName("GBK")))).isEqualTo(TextEncoding.GBK);
    }

    @Test
    void of_fourByteGb18030Character_isGb18030() {
        byte[] b = "骨科\uD840\uDC00".getBytes(Charset.forName("GB18030")); // U+20000 takes four bytes

        assertThat(of(b)).isEqualTo(TextEncoding.GB18030);
    }

    @Test
    void of_bytesValidInNeither_isInvalid() {
        assertThat(of(new byte[] {'a', (byte) 0xFF, (byte) 0x80, 'b'})).isEqualTo(TextEncoding.INVALID);
    }

    @Test
    void valid_gbkBytesReadAsUtf8_areNot() {
        byte[] gbk = "骨科".getBytes(Charset.forName("GBK"));

        assertThat(TextEncoding.valid(StandardCharsets.UTF_8, gbk, 0, gbk.length)).isFalse();
        assertThat(TextEncoding.valid(Charset.forName("GBK"), gbk, 0, gbk.length)).isTrue();
    }
}
