package org.hqd.store.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The staging lines DuckDB reads: exact bytes of every kind of field, separators, line ends and the row hash. */
final class StagingLinesTest {
    /** What one line of fields written by {@code fields} reads as (without its line end). */
    private static String line(Consumer<StagingLines> fields) {
        StagingLines l = new StagingLines(0);
        fields.accept(l);
        return l.toString();
    }

    private static byte[] bytes(StagingLines l) {
        return Arrays.copyOf(l.array(), l.length());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void text_plainAscii_isWrittenAsItIs() {
        assertThat(line(l -> l.text("H001"))).isEqualTo("H001");
        assertThat(line(l -> l.text("K35.800x001 a-b_c;d|e"))).isEqualTo("K35.800x001 a-b_c;d|e");
    }

    @Test
    void text_commaQuoteOrLineBreak_isQuotedWithQuotesDoubled() {
        assertThat(line(l -> l.text("a,b"))).isEqualTo("\"a,b\"");
        assertThat(line(l -> l.text("say \"hi\""))).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(line(l -> l.text("\""))).isEqualTo("\"\"\"\"");
        assertThat(line(l -> l.text("x\ny"))).isEqualTo("\"x\ny\"");
        assertThat(line(l -> l.text("x\r\ny"))).isEqualTo("\"x\r\ny\"");
        assertThat(line(l -> l.text("a").text("b,c").text("d"))).isEqualTo("a,\"b,c\",d");
    }

    @Test
    void text_nonAscii_isUtf8() {
        StagingLines l = new StagingLines(0);
        l.text("普外科").text("𠀀").text("ab张明").text("é");

        assertThat(bytes(l)).isEqualTo(utf8("普外科,𠀀,ab张明,é"));
        // U+20000 is a surrogate pair in Java and four bytes in UTF-8
        assertThat(Arrays.copyOfRange(bytes(l), 10, 14)).containsExactly(0xF0, 0xA0, 0x80, 0x80);
        assertThat(l.length()).isEqualTo(9 + 1 + 4 + 1 + 8 + 1 + 2);
    }

    @Test
    void text_nonAsciiWithCommaOrQuote_isQuotedUtf8() {
        assertThat(line(l -> l.text("心内科,\"二病区\""))).isEqualTo("\"心内科,\"\"二病区\"\"\"");
        assertThat(line(l -> l.text("x").text("𠀀\n𠀁"))).isEqualTo("x,\"𠀀\n𠀁\"");
    }

    @Test
    void text_sameNonAsciiTextTwice_givesIdenticalBytes() {
        StagingLines l = new StagingLines(0);
        l.text("呼吸内科").text("𠀀a").end();
        int first = l.length();
        l.text("呼吸内科").text("𠀀a").end();

        byte[] all = bytes(l);
        assertThat(first * 2).isEqualTo(all.length);
        assertThat(Arrays.copyOfRange(all, first, all.length)).isEqualTo(Arrays.copyOfRange(all, 0, first))
                .isEqualTo(utf8("呼吸内科,𠀀a\n"));
        assertThat(l.hash(0, first - 1)).isEqualTo(l.hash(first, all.length - 1));
    }

    @Test
    void text_empty_isAnEmptyField() {
        assertThat(line(l -> l.text(""))).isEmpty();
        assertThat(line(l -> l.text("").text("a").text("").text("").end())).isEqualTo(",a,,\n");
    }

    @Test
    void list_joinsTheValuesWithBars() {
        assertThat(line(l -> l.list(List.of()))).isEmpty();
        assertThat(line(l -> l.list(List.of("J96.000")))).isEqualTo("J96.000");
        assertThat(line(l -> l.list(List.of("J96.000", "E87.100", "I10.x00")))).isEqualTo("J96.000|E87.100|I10.x00");
        assertThat(line(l -> l.list(List.of(1, 2, 3)))).isEqualTo("1|2|3");
        assertThat(line(l -> l.text("a").list(List.of()).list(List.of(4)).end())).isEqualTo("a,,4\n");
        assertThat(line(l -> l.list(List.of("a,b", "c")))).isEqualTo("\"a,b|c\"");
        assertThat(line(l -> l.list(List.of("甲", "𠀀")))).isEqualTo("甲|𠀀");
    }

    @Test
    void whole_writesDecimalDigitsAndNegativeAsMissing() {
        assertThat(line(l -> l.whole(0))).isEqualTo("0");
        assertThat(line(l -> l.whole(7))).isEqualTo("7");
        assertThat(line(l -> l.whole(10))).isEqualTo("10");
        assertThat(line(l -> l.whole(99))).isEqualTo("99");
        assertThat(line(l -> l.whole(100))).isEqualTo("100");
        assertThat(line(l -> l.whole(123456789012L))).isEqualTo("123456789012");
        assertThat(line(l -> l.whole(-1))).isEmpty();
        assertThat(line(l -> l.whole(Long.MIN_VALUE))).isEmpty();
        assertThat(line(l -> l.whole(-1).whole(5).whole(-7).end())).isEqualTo(",5,\n");
    }

    @Test
    void whole_everyNumberOfDigits_matchesLongToString() {
        List<Long> values = new ArrayList<>(List.of(Long.MAX_VALUE, 1L, 9L));
        for (long p = 10; ; p *= 10) { // 10^1 .. 10^18
            values.addAll(List.of(p - 1, p, p + 1));
            if (p > Long.MAX_VALUE / 10) {
                break;
            }
        }
        Random random = new Random(42);
        for (int i = 0; i < 1000; i++) {
            values.add(random.nextLong() >>> 1 + random.nextInt(63));
        }
        for (long v : values) {
            assertThat(line(l -> l.whole(v))).as("%d", v).isEqualTo(Long.toString(v));
        }
    }

    @Test
    void amount_wholeCentsHaveTwoDecimals() {
        assertThat(line(l -> l.amount(0.0))).isEqualTo("0.00");
        assertThat(line(l -> l.amount(12.5))).isEqualTo("12.50");
        assertThat(line(l -> l.amount(-3.07))).isEqualTo("-3.07");
        assertThat(line(l -> l.amount(-0.5))).isEqualTo("-0.50");
        assertThat(line(l -> l.amount(1234567.89))).isEqualTo("1234567.89");
        assertThat(line(l -> l.amount(10000))).isEqualTo("10000.00");
        assertThat(line(l -> l.amount(0.01))).isEqualTo("0.01");
    }

    @Test
    void amount_nanIsMissingAndOtherValuesFallBackToDoubleToString() {
        assertThat(line(l -> l.amount(Double.NaN))).isEmpty();
        assertThat(line(l -> l.amount(Double.NaN).amount(1).amount(Double.NaN).end())).isEqualTo(",1.00,\n");
        assertThat(line(l -> l.amount(0.125))).isEqualTo("0.125").isEqualTo(Double.toString(0.125));
        assertThat(line(l -> l.amount(1.0 / 3))).isEqualTo(Double.toString(1.0 / 3));
        assertThat(line(l -> l.amount(1e20))).isEqualTo("1.0E20");
    }

    @Test
    void amount_randomWholeCents_readBackAsTheSameValue() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            long cents = random.nextLong() % 10_000_000_000L; // up to ±100 million yuan
            double v = cents / 100.0;
            String written = line(l -> l.amount(v));
            assertThat(written).as("%d cents", cents).isEqualTo(BigDecimal.valueOf(cents, 2).toPlainString());
            assertThat(Double.parseDouble(written)).isEqualTo(v);
        }
    }

    @Test
    void date_isIsoAndNullIsMissing() {
        assertThat(line(l -> l.date(LocalDate.of(2024, 3, 6)))).isEqualTo("2024-03-06");
        assertThat(line(l -> l.date(LocalDate.of(1989, 12, 31)))).isEqualTo("1989-12-31");
        assertThat(line(l -> l.date(LocalDate.of(1000, 1, 1)))).isEqualTo("1000-01-01");
        assertThat(line(l -> l.date(LocalDate.of(9999, 10, 29)))).isEqualTo("9999-10-29");
        assertThat(line(l -> l.date(null))).isEmpty();
        assertThat(line(l -> l.date(null).date(LocalDate.of(2024, 1, 2)).date(null).end()))
                .isEqualTo(",2024-01-02,\n");
    }

    @Test
    void date_yearOutsideFourDigits_fallsBackToLocalDateToString() {
        assertThat(line(l -> l.date(LocalDate.of(999, 1, 2)))).isEqualTo("0999-01-02")
                .isEqualTo(LocalDate.of(999, 1, 2).toString());
        assertThat(line(l -> l.date(LocalDate.of(5, 11, 30)))).isEqualTo("0005-11-30");
        assertThat(line(l -> l.date(LocalDate.of(10000, 1, 1)))).isEqualTo("+10000-01-01");
    }

    @Test
    void bool_isTrueOrFalse() {
        assertThat(line(l -> l.bool(true).bool(false).end())).isEqualTo("true,false\n");
    }

    @Test
    void unsigned_isTwentyDigitsZeroPadded() {
        assertThat(line(l -> l.unsigned(0))).isEqualTo("00000000000000000000");
        assertThat(line(l -> l.unsigned(42))).isEqualTo("00000000000000000042");
        assertThat(line(l -> l.unsigned(-1L))).isEqualTo("18446744073709551615");
        assertThat(line(l -> l.unsigned(Long.MIN_VALUE))).isEqualTo("09223372036854775808");
        Random random = new Random(3);
        for (int i = 0; i < 1000; i++) {
            long v = random.nextLong();
            String expected = "0".repeat(20 - Long.toUnsignedString(v).length()) + Long.toUnsignedString(v);
            assertThat(line(l -> l.unsigned(v))).isEqualTo(expected).hasSize(20);
        }
    }

    @Test
    void fieldsAreSeparatedByCommasAndLinesEndWithLf() {
        StagingLines l = new StagingLines(0);
        l.text("H001").text("R1").whole(5).amount(1.5).date(LocalDate.of(2024, 3, 6)).bool(true).list(List.of("a", "b"))
                .unsigned(1).end();
        l.end();
        l.whole(-1).text("x").end();
        l.text("only").end();

        assertThat(l.toString()).isEqualTo("H001,R1,5,1.50,2024-03-06,true,a|b,00000000000000000001\n"
                + "\n"
                + ",x\n"
                + "only\n");
        assertThat(l.length()).isEqualTo(l.toString().length());
    }

    @Test
    void manyLinesFromASmallBuffer_growAndWriteOutEveryByte() throws IOException {
        StagingLines l = new StagingLines(1);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            String dept = i % 3 == 0 ? "普外科" : i % 3 == 1 ? "a,\"b\"" : "x".repeat(i % 50);
            l.text("H" + i).text(dept).whole(i).amount(i / 100.0).unsigned(i).end();
            String quoted = i % 3 == 1 ? "\"a,\"\"b\"\"\"" : dept;
            expected.append("H").append(i).append(',').append(quoted).append(',').append(i).append(',')
                    .append(BigDecimal.valueOf(i, 2).toPlainString()).append(',')
                    .append(String.format("%020d", i)).append('\n');
        }

        assertThat(l.toString()).isEqualTo(expected.toString());
        byte[] want = utf8(expected.toString());
        assertThat(l.length()).isEqualTo(want.length);
        assertThat(Arrays.copyOf(l.array(), l.length())).isEqualTo(want);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        l.writeTo(out);
        assertThat(out.toByteArray()).isEqualTo(want);
    }

    @Test
    void hash_sameBytesAtAnyOffset_givesTheSameHash() {
        String text = "H001|R000123|2024-03"; // 20 bytes, nothing to quote
        for (int n = 0; n <= 20; n++) {
            StagingLines at0 = new StagingLines(0);
            at0.text(text);
            long expected = at0.hash(0, n);
            for (int offset = 1; offset <= 9; offset++) {
                StagingLines shifted = new StagingLines(0);
                shifted.text("#".repeat(offset) + text + "#");
                assertThat(shifted.hash(offset, offset + n)).as("length %d at %d", n, offset).isEqualTo(expected);
            }
        }
    }

    @Test
    void hash_everyLengthFromZeroToTwenty_differs() {
        StagingLines l = new StagingLines(0);
        l.text("abcdefghijklmnopqrst");
        Set<Long> hashes = new HashSet<>();
        for (int n = 0; n <= 20; n++) {
            hashes.add(l.hash(0, n));
        }
        assertThat(hashes).hasSize(21);
    }

    @Test
    void hash_trailingZeroBytes_changeIt() {
        // the tail is packed into a word: "a" and "a\0" only differ by length
        StagingLines l = new StagingLines(0);
        l.text("a\0\0\0\0\0\0\0\0");
        Set<Long> hashes = new HashSet<>();
        for (int n = 0; n <= 9; n++) {
            hashes.add(l.hash(0, n));
        }
        assertThat(hashes).hasSize(10);
    }

    @Test
    void hash_oneByteChanged_givesAnotherHash() {
        String text = "H001|R000123|2024-03"; // 20 bytes, nothing to quote
        for (int n = 1; n <= 20; n++) {
            StagingLines original = new StagingLines(0);
            original.text(text);
            long h = original.hash(0, n);
            for (int i = 0; i < n; i++) {
                char[] c = text.toCharArray();
                c[i] = c[i] == 'Z' ? 'Y' : 'Z';
                StagingLines changed = new StagingLines(0);
                changed.text(new String(c));
                assertThat(changed.hash(0, n)).as("length %d, byte %d", n, i).isNotEqualTo(h);
                c[i] ^= 1; // a one-bit change
                StagingLines flipped = new StagingLines(0);
                flipped.text(new String(c));
                assertThat(flipped.hash(0, n)).as("length %d, bit of byte %d", n, i).isNotEqualTo(h);
            }
        }
    }

    @Test
    void hash_ofTheWholeLine_isTheSameForTheSameFieldsWrittenAgain() {
        StagingLines l = new StagingLines(0);
        l.text("H001").text("R1").amount(12.5).date(LocalDate.of(2024, 3, 6));
        int firstEnd = l.length();
        l.end();
        int secondStart = l.length();
        l.text("H001").text("R1").amount(12.5).date(LocalDate.of(2024, 3, 6));
        int secondEnd = l.length();
        l.end().text("H001").text("R1").amount(12.51).date(LocalDate.of(2024, 3, 6));

        assertThat(l.hash(secondStart, secondEnd)).isEqualTo(l.hash(0, firstEnd));
        assertThat(l.hash(secondEnd + 1, l.length())).isNotEqualTo(l.hash(0, firstEnd));
    }
}
