package org.hqd.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.hqd.io.csv.CsvChunkReaderTest.Generated;
import org.hqd.io.csv.CsvScannerTest.Rec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A stray quote costs its own line and nothing else (issue #15, item 1): a line with one quote — opening one of its
 * fields (a quoted field that never closes properly) or inside one — put into a generated table among quoted
 * fields, multi-line fields and doubled quotes, is read as one record with a problem; every other record is read as
 * before; and chunks of any size read the same.
 */
final class CsvStrayQuoteTest {
    private static final int[] CHUNK_SIZES = {1024, 1031, 1500, 4096, 1 << 20};

    /** A generated file with a damaged line put before one of its records. */
    record Damaged(Generated original, int before, boolean atFieldStart, byte[] bytes) {
        @Override
        public String toString() {
            return original + ", before record " + before + (atFieldStart ? ", quote opening a field" : ", quote inside a field");
        }
    }

    static Stream<Damaged> damagedFiles() {
        return IntStream.range(0, 30).mapToObj(i -> {
            Generated g = CsvChunkReaderTest.generate(5000L + i, StandardCharsets.UTF_8);
            Random rnd = new Random(i);
            boolean atStart = i % 3 != 0;
            int before = 1 + rnd.nextInt(g.expected().size() - 1); // after the header
            int width = g.expected().get(0).fields().size();
            StringBuilder line = new StringBuilder();
            int damaged = rnd.nextInt(width);
            for (int f = 0; f < width; f++) {
                line.append(f > 0 ? "," : "").append(f == damaged ? (atStart ? "\"v" : "v\"") : "").append("v").append(f);
            }
            String text = new String(g.bytes(), StandardCharsets.UTF_8);
            int at = lineStart(text, g.expected().get(before).line());
            byte[] bytes = (text.substring(0, at) + line + "\n" + text.substring(at)).getBytes(StandardCharsets.UTF_8);
            return new Damaged(g, before, atStart, bytes);
        });
    }

    private static int lineStart(String text, long line) {
        int at = 0;
        for (long l = 1; l < line; l++) {
            at = text.indexOf('\n', at) + 1;
        }
        return at;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedFiles")
    void next_oneStrayQuote_costsOnlyItsLine(Damaged d) throws IOException {
        List<Rec> read = CsvChunkReaderTest.records(
                CsvChunkReaderTest.chunks(new ByteArrayInputStream(d.bytes()), d.bytes().length + 16),
                StandardCharsets.UTF_8);
        List<Rec> original = d.original().expected();
        long damagedLine = original.get(d.before()).line();

        assertThat(read).hasSize(original.size() + 1);
        assertThat(read.subList(0, d.before())).isEqualTo(original.subList(0, d.before()));
        assertThat(read.get(d.before()).line()).isEqualTo(damagedLine);
        assertThat(read.get(d.before()).problem()).isEqualTo(d.atFieldStart() ? RecordProblem.UNBALANCED_QUOTE
                : RecordProblem.STRAY_QUOTE);
        for (int r = d.before(); r < original.size(); r++) {
            Rec was = original.get(r);
            assertThat(read.get(r + 1)).isEqualTo(new Rec(was.line() + 1, was.fields(), was.problem()));
        }
        for (int size : CHUNK_SIZES) {
            assertThat(CsvChunkReaderTest.records(CsvChunkReaderTest.chunks(new ByteArrayInputStream(d.bytes()), size),
                    StandardCharsets.UTF_8)).as("chunk size " + size).isEqualTo(read);
        }
    }
}
