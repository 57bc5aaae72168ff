package org.hqd.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.hqd.HqdException;
import org.hqd.io.csv.CsvScannerTest.Rec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The record grammar of {@link CsvScanner} (issue #15, item 1): what is a problem, and what one costs. */
final class CsvGrammarTest {

    /** Every record of a file read as one chunk whose header is its first line, header included. */
    private static List<Rec> read(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        try {
            return CsvChunkReaderTest.records(CsvChunkReaderTest.chunks(new java.io.ByteArrayInputStream(b),
                    b.length + 16), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Rec bad(long line, RecordProblem p, String... fields) {
        return new Rec(line, List.of(fields), p);
    }

    @Nested
    final class Quotes {
        @Test
        void next_quoteInsideAField_isAStrayQuoteOfThatLineOnly() {
            assertThat(read("a,b,c\n1,2\"x,3\n4,5,6\n")).containsExactly(Rec.of(1, "a", "b", "c"),
                    bad(2, RecordProblem.STRAY_QUOTE, "1", "2\"x", "3"), Rec.of(3, "4", "5", "6"));
        }

        @Test
        void next_blankBeforeAnOpeningQuote_makesItAStrayQuote() {
            assertThat(read("a,b\n1, \"x\"\n").get(1).problem()).isEqualTo(RecordProblem.STRAY_QUOTE);
        }

        @Test
        void next_textAfterAClosingQuote_isAProblemOfThatLineOnly() {
            assertThat(read("a,b,c\n1,\"x\"y,3\n4,5,6\n")).containsExactly(Rec.of(1, "a", "b", "c"),
                    bad(2, RecordProblem.TEXT_AFTER_QUOTE, "1", "xy", "3"), Rec.of(3, "4", "5", "6"));
        }

        @Test
        void next_quotedFieldOverLinesWithTheHeadersWidth_isOneRecord() {
            assertThat(read("a,b,c\n1,\"x\ny\",3\n4,5,6\n")).containsExactly(Rec.of(1, "a", "b", "c"),
                    Rec.of(2, "1", "x\ny", "3"), Rec.of(4, "4", "5", "6"));
        }

        @Test
        void next_quotedFieldOverLinesWithAnotherWidth_costsItsFirstLineOnly() {
            assertThat(read("a,b,c\n1,\"x\ny\",3,9\n4,5,6\n")).containsExactly(Rec.of(1, "a", "b", "c"),
                    bad(2, RecordProblem.UNBALANCED_QUOTE, "1", "x"),
                    bad(3, RecordProblem.STRAY_QUOTE, "y\"", "3", "9"), Rec.of(4, "4", "5", "6"));
        }

        @Test
        void next_twoStrayQuotesInOneColumn_doNotSwallowTheLinesBetween() {
            // the quotes pair up and the record has the header's width, but holds a whole record's commas
            assertThat(read("a,b,c\n1,\"2,3\n4,5,6\n7,8\",9\n")).containsExactly(Rec.of(1, "a", "b", "c"),
                    bad(2, RecordProblem.UNBALANCED_QUOTE, "1", "2,3"), Rec.of(3, "4", "5", "6"),
                    bad(4, RecordProblem.STRAY_QUOTE, "7", "8\"", "9"));
            assertThat(read("a,b,c\n1,\"2,3\n7,8\",9\n")).containsExactly(Rec.of(1, "a", "b", "c"),
                    bad(2, RecordProblem.UNBALANCED_QUOTE, "1", "2,3"), bad(3, RecordProblem.STRAY_QUOTE, "7", "8\"", "9"));
        }

        @Test
        void next_quotedFieldWithFewerCommasThanARecordOverLines_isKept() {
            assertThat(read("a,b,c,d\n1,\"x,y\nz\",3,4\n")).containsExactly(Rec.of(1, "a", "b", "c", "d"),
                    Rec.of(2, "1", "x,y\nz", "3", "4"));
        }

        @Test
        void next_quotedFieldOfTheMostLineBreaks_isKept_oneMoreCostsItsFirstLine() {
            String most = "l\n".repeat(CsvScanner.MAX_LINES_IN_FIELD) + "end";
            assertThat(read("a,b\n1,\"" + most + "\"\n2,3\n")).containsExactly(Rec.of(1, "a", "b"), Rec.of(2, "1", most),
                    Rec.of(3 + CsvScanner.MAX_LINES_IN_FIELD, "2", "3"));

            List<Rec> tooMany = read("a,b\n1,\"" + "l\n".repeat(CsvScanner.MAX_LINES_IN_FIELD + 1) + "end\"\n2,3\n");
            assertThat(tooMany.get(1)).isEqualTo(bad(2, RecordProblem.UNBALANCED_QUOTE, "1", "l"));
            assertThat(tooMany.get(2)).isEqualTo(Rec.of(3, "l"));
            assertThat(tooMany).hasSize(CsvScanner.MAX_LINES_IN_FIELD + 4).last()
                    .isEqualTo(Rec.of(4 + CsvScanner.MAX_LINES_IN_FIELD, "2", "3"));
        }
    }

    @Nested
    final class ControlCharacters {
        @Test
        void next_nulOrOtherControlCharacter_isAProblem_tabIsNot() {
            assertThat(read("a,b\n1,x\u0000y\n2,\"p\u0001q\"\n3,t\tu\n")).extracting(Rec::problem).containsExactly(
                    RecordProblem.NONE, RecordProblem.CONTROL_CHARACTER, RecordProblem.CONTROL_CHARACTER,
                    RecordProblem.NONE);
        }

        @Test
        void next_bareCarriageReturn_isAProblem_crlfAndAFinalCrAreNot() {
            assertThat(read("a,b\r\n1,x\ry\r\n2,z\r")).containsExactly(Rec.of(1, "a", "b"),
                    bad(2, RecordProblem.BARE_CR, "1", "x\ry"), Rec.of(3, "2", "z"));
        }

        @Test
        void next_lineOfOnlyAControlCharacter_isReportedNotSkipped() {
            assertThat(read("a\n1\n\u001a")).containsExactly(Rec.of(1, "a"), Rec.of(2, "1"),
                    bad(3, RecordProblem.CONTROL_CHARACTER, "\u001a"));
        }
    }

    @Nested
    final class WholeFile {
        private List<String> header(String text) {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            return CsvScanner.header(Optional.of(new CsvChunk(b, b.length, 1, 0)), StandardCharsets.UTF_8, "f.csv");
        }

        @Test
        void header_unreadable_refusesTheFileNamingWhy() {
            assertThatThrownBy(() -> header("a,\"b\nc,d\n")).isInstanceOf(HqdException.class)
                    .hasMessageStartingWith("f.csv：表头（第 1 行）引号不成对");
            assertThatThrownBy(() -> header("a\u0000,b\n")).hasMessageContaining("含有 NUL 或其他控制字符")
                    .hasMessageEndingWith("无法确定各列，整个文件未读取");
            assertThatThrownBy(() -> header("a,b\r1,2\r")).hasMessageContaining("单独的回车符");
            assertThatThrownBy(() -> header("a,\"b\nc\"\n")).hasMessageContaining("有跨行的列名");
            assertThat(header("a,\"b,c\"\n1,2\n")).containsExactly("a", "b,c");
        }

        @Test
        void next_noLineEndIn64MiB_refusesTheFile() {
            InputStream endless = new InputStream() {
                private long left = 65L << 20;

                @Override
                public int read() {
                    return left-- > 0 ? 'x' : -1;
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    int n = (int) Math.min(len, left);
                    if (n <= 0) {
                        return -1;
                    }
                    java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                    left -= n;
                    return n;
                }
            };
            CsvChunkReader reader = new CsvChunkReader(endless, 1 << 20, "big.csv");

            assertThatThrownBy(() -> {
                while (reader.next().isPresent()) {
                    // read on
                }
            }).isInstanceOf(HqdException.class).hasMessageStartingWith("big.csv：从第 1 行起超过 64 MiB 没有一个完整的行");
        }

        @Test
        void delimit_recordRunningPastTheBytes_needsMore_unlessAtTheEnd() {
            CsvScanner s = CsvScanner.utf8();
            byte[] b = "1,\"x\ny\"".getBytes(StandardCharsets.UTF_8);
            assertThat(s.delimit(b, 0, b.length, false, 2)).isEqualTo(-1);
            assertThat(s.delimit(b, 0, b.length, true, 2)).isEqualTo(b.length);
            assertThat(s.problem()).isEqualTo(RecordProblem.NONE);
            byte[] q = "1,\"x\"".getBytes(StandardCharsets.UTF_8); // the last quote may be the first of two
            assertThat(s.delimit(q, 0, q.length, false, 2)).isEqualTo(-1);
        }
    }
}
