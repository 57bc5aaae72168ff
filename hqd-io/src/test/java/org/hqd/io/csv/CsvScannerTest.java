package org.hqd.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CsvScannerTest {

    /** One record as the scanner reports it. */
    record Rec(long line, List<String> fields, RecordProblem problem) {
        static Rec of(long line, String... fields) {
            return new Rec(line, List.of(fields), RecordProblem.NONE);
        }
    }

    private static CsvChunk chunk(String text, Charset cs, long firstLine) {
        byte[] b = text.getBytes(cs);
        return new CsvChunk(b, b.length, firstLine, 0);
    }

    static List<Rec> readAll(CsvScanner s) {
        List<Rec> out = new ArrayList<>();
        while (s.next()) {
            List<String> f = new ArrayList<>();
            for (int i = 0; i < s.fieldCount(); i++) {
                f.add(s.field(i));
            }
            out.add(new Rec(s.line(), f, s.problem()));
        }
        return out;
    }

    private static List<Rec> scan(String text) {
        CsvScanner s = CsvScanner.utf8();
        s.reset(chunk(text, StandardCharsets.UTF_8, 1));
        return readAll(s);
    }

    @Test
    void plainDecimal_randomAmounts_equalDoubleParseDouble() {
        java.util.Random rnd = new java.util.Random(7);
        StringBuilder csv = new StringBuilder();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            long units = Math.abs(rnd.nextLong()) % 10_000_000_000L;
            String t = (rnd.nextInt(10) == 0 ? "-" : "") + units / 100 + (rnd.nextBoolean() ? "." + String.format("%02d", units % 100) : "");
            texts.add(t);
            csv.append(t).append('\n');
        }
        CsvScanner s = CsvScanner.utf8();
        s.reset(chunk(csv.toString(), StandardCharsets.UTF_8, 1));
        for (String t : texts) {
            assertThat(s.next()).isTrue();
            assertThat(s.plainDecimal(0)).as(t).isEqualTo(Double.parseDouble(t));
        }
    }

    @Test
    void field_repeatedNonAsciiNames_decodeToTheSameTextEveryRow_inAnyCharset() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 600; i++) { // more names than the cache holds, so slots are overwritten
            names.add("科室" + (char) ('一' + i) + "甲");
        }
        StringBuilder csv = new StringBuilder();
        List<String> expected = new ArrayList<>();
        java.util.Random rnd = new java.util.Random(11);
        for (int row = 0; row < 5000; row++) {
            String name = names.get(rnd.nextInt(row < 2500 ? 20 : names.size()));
            csv.append(name).append(",x").append(row).append(",城镇职工基本医疗保险\n");
            expected.add(name);
        }
        for (Charset cs : List.of(StandardCharsets.UTF_8, Charset.forName("GBK"))) {
            CsvScanner s = new CsvScanner(cs);
            s.reset(chunk(csv.toString(), cs, 1));
            List<String> got = new ArrayList<>();
            while (s.next()) {
                got.add(s.field(0));
                assertThat(s.field(1)).isEqualTo("x" + (got.size() - 1));
                assertThat(s.field(2)).isEqualTo("城镇职工基本医疗保险");
            }
            assertThat(got).as(cs.name()).isEqualTo(expected);
        }
        CsvScanner s = CsvScanner.utf8();
        s.reset(chunk("城镇职工,1\n城镇职工,2\n", StandardCharsets.UTF_8, 1));
        assertThat(s.next()).isTrue();
        String first = s.field(0);
        assertThat(s.next()).isTrue();
        assertThat(s.field(0)).isSameAs(first); // decoded once, handed out again
    }

    @Test
    void plainDecimal_notPlain_isNaN() {
        CsvScanner s = CsvScanner.utf8();
        s.reset(chunk("1e3,\"12.5\",,abc,1.2.3,-,1234567890123456,12f\n", StandardCharsets.UTF_8, 1));
        assertThat(s.next()).isTrue();
        for (int i = 0; i < 9; i++) {
            assertThat(s.plainDecimal(i)).as("field " + i).isNaN();
        }
    }

    @Test
    void next_rowsOfOnlyEmptyFields_areSkippedLikeBlankLines() {
        List<Rec> recs = scan("a,b\n,,\n , \nc,d\n\"\",\ne,\n");
        assertThat(recs).extracting(Rec::line).containsExactly(1L, 4L, 6L);
        assertThat(recs.get(1).fields()).containsExactly("c", "d");
        assertThat(recs.get(2).fields()).containsExactly("e", "");
    }

    @Test
    void next_plainFields_returnsFieldsAndLines() {
        assertThat(scan("a,b,c\n1,,3\n,x,\n")).containsExactly(
                Rec.of(1, "a", "b", "c"),
                Rec.of(2, "1", "", "3"),
                Rec.of(3, "", "x", ""));
    }

    @Test
    void next_plainFields_keepsSurroundingBlanks() {
        assertThat(scan(" a , b\n")).containsExactly(Rec.of(1, " a ", " b"));
    }

    @Test
    void next_quotedFieldWithComma_isOneField() {
        assertThat(scan("\"x,y\",z\n")).containsExactly(Rec.of(1, "x,y", "z"));
    }

    @Test
    void next_quotedFieldWithDoubledQuotes_unescapesThem() {
        assertThat(scan("\"say \"\"hi\"\"\",\"\"\"\"\n")).containsExactly(Rec.of(1, "say \"hi\"", "\""));
    }

    @Test
    void next_quotedEmptyField_isEmptyString() {
        assertThat(scan("\"\",a,\"\"\n")).containsExactly(Rec.of(1, "", "a", ""));
    }

    @Test
    void next_quotedFieldWithLineBreaks_keepsThemAndCountsLines() {
        assertThat(scan("\"l1\nl2\nl3\",1\nx,2\n\"a\r\nb\",3\r\ny,4\n")).containsExactly(
                Rec.of(1, "l1\nl2\nl3", "1"),
                Rec.of(4, "x", "2"),
                Rec.of(5, "a\r\nb", "3"),
                Rec.of(7, "y", "4"));
    }

    @Test
    void next_crlfLineEnds_dropsCarriageReturn() {
        assertThat(scan("a,b\r\n1,\"2\"\r\n3,\r\n")).containsExactly(
                Rec.of(1, "a", "b"),
                Rec.of(2, "1", "2"),
                Rec.of(3, "3", ""));
    }

    @Test
    void next_blankLines_areSkippedButCounted() {
        assertThat(scan("\na\n\n\r\n\nb,c\n\n")).containsExactly(
                Rec.of(2, "a"),
                Rec.of(6, "b", "c"));
    }

    @Test
    void next_lineOfOnlyQuotedEmptyField_isSkipped() {
        assertThat(scan("a\n\"\"\nb\n")).containsExactly(Rec.of(1, "a"), Rec.of(3, "b"));
    }

    @Test
    void next_lineOfOnlyComma_isSkipped() {
        assertThat(scan(",\n")).isEmpty();
    }

    @Test
    void next_finalRecordWithoutNewline_isRead() {
        assertThat(scan("a,b\nc,d")).containsExactly(Rec.of(1, "a", "b"), Rec.of(2, "c", "d"));
        assertThat(scan("a,b\r\nc,\"d\"\r")).containsExactly(Rec.of(1, "a", "b"), Rec.of(2, "c", "d"));
    }

    @Test
    void next_quoteOpenUntilTheEnd_costsItsFirstLineOnly() {
        assertThat(scan("a,b\n1,\"open\nmore,stuff\n")).containsExactly(
                Rec.of(1, "a", "b"),
                new Rec(2, List.of("1", "open"), RecordProblem.UNBALANCED_QUOTE),
                Rec.of(3, "more", "stuff"));
    }

    @Test
    void next_quoteOpenOnTheLastLine_isUnterminated() {
        assertThat(scan("a,b\n1,\"open")).containsExactly(
                Rec.of(1, "a", "b"),
                new Rec(2, List.of("1", "open"), RecordProblem.UNTERMINATED_QUOTE));
    }

    @Test
    void problem_closedQuoteOverLines_isNone() {
        CsvScanner s = CsvScanner.utf8();
        s.reset(chunk("\"a\nb\"\n", StandardCharsets.UTF_8, 1));
        assertThat(s.next()).isTrue();
        assertThat(s.problem()).isEqualTo(RecordProblem.NONE);
        assertThat(s.next()).isFalse();
    }

    @Test
    void line_chunkStartingLaterInFile_countsFromFirstLine() {
        CsvScanner s = CsvScanner.utf8();
        s.reset(chunk("a\n\"x\ny\"\nb\n", StandardCharsets.UTF_8, 100));
        assertThat(readAll(s)).containsExactly(Rec.of(100, "a"), Rec.of(101, "x\ny"), Rec.of(103, "b"));
    }

    @Test
    void reset_secondChunk_startsAfresh() {
        CsvScanner s = CsvScanner.utf8();
        s.reset(chunk("a,b,c\n", StandardCharsets.UTF_8, 1));
        assertThat(readAll(s)).containsExactly(Rec.of(1, "a", "b", "c"));
        s.reset(chunk("d\n", StandardCharsets.UTF_8, 2));
        assertThat(readAll(s)).containsExactly(Rec.of(2, "d"));
    }

    @Test
    void field_beyondRecord_isEmpty() {
        CsvScanner s = CsvScanner.utf8();
        s.reset(chunk("a,b\n", StandardCharsets.UTF_8, 1));
        assertThat(s.next()).isTrue();
        assertThat(s.fieldCount()).isEqualTo(2);
        assertThat(s.field(2)).isEmpty();
        assertThat(s.field(99)).isEmpty();
        assertThat(s.field(-1)).isEmpty();
        assertThat(s.isBlank(2)).isTrue();
    }

    @Test
    void isBlank_variousFields_tellsBlankFromText() {
        CsvScanner s = CsvScanner.utf8();
        s.reset(chunk("x, \t,,\"\",\" \",0\n", StandardCharsets.UTF_8, 1));
        assertThat(s.next()).isTrue();
        assertThat(s.isBlank(0)).isFalse();
        assertThat(s.isBlank(1)).isTrue();
        assertThat(s.isBlank(2)).isTrue();
        assertThat(s.isBlank(3)).isTrue();
        assertThat(s.isBlank(4)).isTrue();
        assertThat(s.isBlank(5)).isFalse();
    }

    @Test
    void next_manyFields_growsBeyondInitialCapacity() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            values.add(i % 3 == 0 ? "\"v," + i + "\"" : "v" + i);
        }
        List<Rec> recs = scan(String.join(",", values) + "\nend\n");
        assertThat(recs).hasSize(2);
        assertThat(recs.get(0).fields()).hasSize(300);
        assertThat(recs.get(0).fields().get(0)).isEqualTo("v,0");
        assertThat(recs.get(0).fields().get(297)).isEqualTo("v,297");
        assertThat(recs.get(0).fields().get(299)).isEqualTo("v299");
        assertThat(recs.get(1)).isEqualTo(Rec.of(2, "end"));
    }

    @Test
    void field_multibyteText_decodesWithCharset() {
        String text = "住院号,\"普通外科,一病区\",张三\n";
        CsvScanner utf8 = CsvScanner.utf8();
        utf8.reset(chunk(text, StandardCharsets.UTF_8, 1));
        CsvScanner gbk = new CsvScanner(Charset.forName("GBK"));
        gbk.reset(chunk(text, Charset.forName("GBK"), 1));
        List<Rec> expected = List.of(Rec.of(1, "住院号", "普通外科,一病区", "张三"));
        assertThat(readAll(utf8)).isEqualTo(expected);
        assertThat(readAll(gbk)).isEqualTo(expected);
    }

    @Test
    void rawRecord_quotedFields_returnsTextAsWritten() {
        CsvScanner s = CsvScanner.utf8();
        s.reset(chunk("a,\"b,c\",d\r\n", StandardCharsets.UTF_8, 1));
        assertThat(s.next()).isTrue();
        assertThat(s.rawRecord(100)).isEqualTo("a,\"b,c\",d");
        assertThat(s.rawRecord(3)).isEqualTo("a,\"…");
    }

    @Test
    void next_emptyChunk_returnsFalse() {
        assertThat(scan("")).isEmpty();
        assertThat(scan("\n\r\n\n")).isEqualTo(Collections.emptyList());
    }
}
