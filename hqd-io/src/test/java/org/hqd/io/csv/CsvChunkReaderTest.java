package org.hqd.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.hqd.io.csv.CsvScannerTest.Rec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class CsvChunkReaderTest {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Charset GBK = Charset.forName("GBK");
    private static final int[] CHUNK_SIZES = {1, 1024, 1025, 1031, 1100, 1500, 2048, 3000, 4096, 1 << 20};

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static List<CsvChunk> chunks(InputStream in, int size) throws IOException {
        CsvChunkReader r = new CsvChunkReader(in, size);
        List<CsvChunk> out = new ArrayList<>();
        for (Optional<CsvChunk> c = r.next(); c.isPresent(); c = r.next()) {
            out.add(c.get());
        }
        assertThat(r.next()).isEmpty();
        return out;
    }

    static List<Rec> records(List<CsvChunk> chunks, Charset cs) {
        CsvScanner s = new CsvScanner(cs);
        List<Rec> out = new ArrayList<>();
        for (CsvChunk c : chunks) {
            s.reset(c);
            out.addAll(CsvScannerTest.readAll(s));
        }
        return out;
    }

    /** Hands out at most a few bytes per read, as a slow pipe or socket may. */
    private static InputStream trickle(byte[] data, int max) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, max));
            }
        };
    }

    @Test
    void next_emptyInput_givesNoChunk() throws IOException {
        assertThat(chunks(new ByteArrayInputStream(new byte[0]), 1024)).isEmpty();
    }

    @Test
    void next_onlyByteOrderMark_givesNoChunk() throws IOException {
        assertThat(chunks(new ByteArrayInputStream(BOM), 1024)).isEmpty();
    }

    @Test
    void next_utf8ByteOrderMark_isDropped() throws IOException {
        byte[] in = concat(BOM, utf8("record_id,性别\nR1,1\n"));
        List<CsvChunk> cs = chunks(new ByteArrayInputStream(in), 1024);
        assertThat(cs).hasSize(1);
        CsvChunk c = cs.get(0);
        assertThat(new String(c.data(), 0, c.length(), StandardCharsets.UTF_8)).isEqualTo("record_id,性别\nR1,1\n");
        assertThat(c.firstLine()).isEqualTo(1);
        assertThat(c.sequence()).isZero();
        assertThat(records(cs, StandardCharsets.UTF_8)).containsExactly(Rec.of(1, "record_id", "性别"),
                Rec.of(2, "R1", "1"));
    }

    @Test
    void next_byteOrderMarkAfterStart_isKept() throws IOException {
        byte[] in = concat(utf8("a\n"), concat(BOM, utf8("b\n")));
        List<CsvChunk> cs = chunks(new ByteArrayInputStream(in), 1024);
        assertThat(cs).hasSize(1);
        assertThat(cs.get(0).length()).isEqualTo(in.length);
    }

    @Test
    void next_tinyInputWithoutNewline_isOneChunk() throws IOException {
        List<CsvChunk> cs = chunks(new ByteArrayInputStream(utf8("a")), 1024);
        assertThat(cs).hasSize(1);
        assertThat(cs.get(0).length()).isEqualTo(1);
        assertThat(records(cs, StandardCharsets.UTF_8)).containsExactly(Rec.of(1, "a"));
    }

    @Test
    void next_manyShortRecords_cutsOnNewlinesWithRunningLineNumbers() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 1000; i++) {
            sb.append("R").append(i).append(",值").append(i).append('\n');
        }
        byte[] in = utf8(sb.toString());
        List<CsvChunk> cs = chunks(new ByteArrayInputStream(in), 1024);
        assertThat(cs.size()).isGreaterThan(5);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        long line = 1;
        for (int i = 0; i < cs.size(); i++) {
            CsvChunk c = cs.get(i);
            assertThat(c.sequence()).isEqualTo(i);
            assertThat(c.firstLine()).isEqualTo(line);
            assertThat(c.length()).isBetween(1, 1024);
            assertThat(c.data()[c.length() - 1]).isEqualTo((byte) '\n');
            for (int k = 0; k < c.length(); k++) {
                if (c.data()[k] == '\n') {
                    line++;
                }
            }
            joined.write(c.data(), 0, c.length());
        }
        assertThat(joined.toByteArray()).isEqualTo(in);
        List<Rec> recs = records(cs, StandardCharsets.UTF_8);
        assertThat(recs).hasSize(1000);
        assertThat(recs.get(0)).isEqualTo(Rec.of(1, "R1", "值1"));
        assertThat(recs.get(999)).isEqualTo(Rec.of(1000, "R1000", "值1000"));
    }

    @Test
    void next_recordLongerThanChunk_isKeptWhole() throws IOException {
        String longText = "很长的文本,".repeat(1200) + "\n末尾";
        String csv = "a,b\nR1,\"" + longText + "\"\nR2,x\n";
        List<CsvChunk> cs = chunks(new ByteArrayInputStream(utf8(csv)), 1024);
        assertThat(cs.stream().mapToInt(CsvChunk::length).max().getAsInt()).isGreaterThan(1024 * 8);
        assertThat(records(cs, StandardCharsets.UTF_8)).containsExactly(
                Rec.of(1, "a", "b"),
                Rec.of(2, "R1", longText),
                Rec.of(4, "R2", "x"));
    }

    @Test
    void next_longLastRecordWithoutNewline_isKeptWhole() throws IOException {
        String last = "x".repeat(5000);
        List<CsvChunk> cs = chunks(new ByteArrayInputStream(utf8("a\n" + last)), 1024);
        assertThat(records(cs, StandardCharsets.UTF_8)).containsExactly(Rec.of(1, "a"), Rec.of(2, last));
    }

    @Test
    void next_quoteNeverClosed_costsOneLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 100; i++) {
            sb.append("R").append(i).append(",ok\n");
        }
        sb.append("R101,\"open\nR102,x\n");
        List<Rec> recs = records(chunks(new ByteArrayInputStream(utf8(sb.toString())), 1024),
                StandardCharsets.UTF_8);
        assertThat(recs).hasSize(102);
        assertThat(recs.get(99)).isEqualTo(Rec.of(100, "R100", "ok"));
        assertThat(recs.get(100)).isEqualTo(new Rec(101, List.of("R101", "open"), RecordProblem.UNBALANCED_QUOTE));
        assertThat(recs.get(101)).isEqualTo(Rec.of(102, "R102", "x"));
    }

    // ---- property: any chunk size gives the records of the generated file ----

    /** A generated file and the records it must read back as. */
    record Generated(long seed, Charset charset, byte[] bytes, List<Rec> expected) {
        @Override
        public String toString() {
            return "seed " + seed + " " + charset + " (" + bytes.length + " bytes, " + expected.size() + " records)";
        }
    }

    private static final String HAN = "阑尾炎肺炎普通外科一病区张三李四急性慢性手术新生儿体重医保结算清单主要诊断其他";

    private static String han(Random rnd, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(HAN.charAt(rnd.nextInt(HAN.length())));
        }
        return sb.toString();
    }

    private static String ascii(Random rnd, int n) {
        String abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.|-_ ";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(abc.charAt(rnd.nextInt(abc.length())));
        }
        return sb.toString();
    }

    private static String quote(String v) {
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    static Generated generate(long seed, Charset charset) {
        Random rnd = new Random(seed);
        StringBuilder out = new StringBuilder();
        List<Rec> expected = new ArrayList<>();
        long line = 1;
        int n = 20 + rnd.nextInt(300);
        int fields = 1 + rnd.nextInt(12); // a table: every record has the header's number of fields
        for (int r = 0; r < n; r++) {
            while (rnd.nextInt(10) == 0) {
                out.append(rnd.nextBoolean() ? "\n" : "\r\n");
                line++;
            }
            List<String> values = new ArrayList<>();
            StringBuilder rec = new StringBuilder();
            for (int f = 0; f < fields; f++) {
                String value;
                String written;
                switch (rnd.nextInt(8)) {
                    case 0 -> {
                        value = ascii(rnd, rnd.nextInt(11));
                        written = value;
                    }
                    case 1 -> {
                        value = han(rnd, 1 + rnd.nextInt(8));
                        written = value;
                    }
                    case 2 -> {
                        value = han(rnd, 2) + "," + ascii(rnd, 3) + ",";
                        written = quote(value);
                    }
                    case 3 -> {
                        value = "\"" + han(rnd, 2) + "\"\"" + ascii(rnd, 2) + "\"";
                        written = quote(value);
                    }
                    case 4 -> {
                        value = han(rnd, 3) + (rnd.nextBoolean() ? "\n" : "\r\n") + ascii(rnd, 4) + "\n"
                                + han(rnd, 2);
                        written = quote(value);
                    }
                    case 5 -> {
                        value = "";
                        written = "\"\"";
                    }
                    case 6 -> {
                        if (rnd.nextInt(15) == 0) {
                            StringBuilder big = new StringBuilder();
                            int parts = 50 + rnd.nextInt(200);
                            for (int p = 0; p < parts; p++) {
                                big.append(han(rnd, 3)).append(rnd.nextInt(8) == 0 ? "\n" : "、"); // ≤ MAX_LINES_IN_FIELD, no comma
                            }
                            value = big.toString();
                        } else {
                            value = ascii(rnd, 2) + "\"x\"";
                        }
                        written = quote(value);
                    }
                    default -> {
                        value = String.valueOf(rnd.nextInt(100000));
                        written = rnd.nextInt(4) == 0 ? quote(value) : value;
                    }
                }
                if (fields == 1 && written.isEmpty()) {
                    value = "solo";
                    written = value;
                }
                values.add(value);
                if (f > 0) {
                    rec.append(',');
                }
                rec.append(written);
            }
            boolean last = r == n - 1;
            String end = last && rnd.nextBoolean() ? "" : rnd.nextBoolean() ? "\n" : "\r\n";
            rec.append(end);
            if (values.stream().anyMatch(v -> !v.replace("\"", "").isBlank())) {
                expected.add(new Rec(line, values, RecordProblem.NONE)); // rows of only blank fields are skipped
            }
            line += rec.chars().filter(c -> c == '\n').count();
            out.append(rec);
            if (last && !end.isEmpty() && rnd.nextBoolean()) {
                out.append("\n\r\n");
            }
        }
        return new Generated(seed, charset, out.toString().getBytes(charset), expected);
    }

    static Stream<Generated> generatedFiles() {
        return IntStream.range(0, 40).mapToObj(i -> generate(1000L + i, i % 4 == 3 ? GBK : StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generatedFiles")
    void next_anyChunkSize_givesSameRecordsAndLinesAsOneChunk(Generated g) throws IOException {
        List<CsvChunk> whole = chunks(new ByteArrayInputStream(g.bytes()), g.bytes().length + 16);
        assertThat(whole).hasSize(1);
        assertThat(records(whole, g.charset())).as("one chunk").isEqualTo(g.expected());
        for (int size : CHUNK_SIZES) {
            List<CsvChunk> cs = chunks(new ByteArrayInputStream(g.bytes()), size);
            assertThat(records(cs, g.charset())).as("chunk size " + size).isEqualTo(g.expected());
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            long line = 1;
            for (int i = 0; i < cs.size(); i++) {
                CsvChunk c = cs.get(i);
                assertThat(c.sequence()).isEqualTo(i);
                assertThat(c.firstLine()).as("first line of chunk " + i).isEqualTo(line);
                if (i < cs.size() - 1) {
                    assertThat(c.data()[c.length() - 1]).isEqualTo((byte) '\n');
                }
                for (int k = 0; k < c.length(); k++) {
                    line += c.data()[k] == '\n' ? 1 : 0;
                }
                joined.write(c.data(), 0, c.length());
            }
            assertThat(joined.toByteArray()).as("chunks joined, size " + size).isEqualTo(g.bytes());
        }
        assertThat(records(chunks(trickle(g.bytes(), 7), 1024), g.charset())).as("trickling stream")
                .isEqualTo(g.expected());
        assertThat(records(chunks(new ByteArrayInputStream(concat(BOM, g.bytes())), 1024), g.charset()))
                .as("with byte-order mark").isEqualTo(g.expected());
    }

    @Test
    void generate_producesTheHardCases() {
        // the generator must really exercise what the property is about
        List<Generated> all = generatedFiles().toList();
        assertThat(all).anySatisfy(g -> assertThat(g.bytes().length).isGreaterThan(8 * 1024));
        assertThat(all).allSatisfy(g -> assertThat(g.expected()).anySatisfy(r ->
                assertThat(r.fields()).anySatisfy(f -> assertThat(f).contains("\n"))));
        assertThat(all).anySatisfy(g -> assertThat(g.expected()).anySatisfy(r ->
                assertThat(String.join(",", r.fields()).length()).isGreaterThan(1024)));
        assertThat(all).allSatisfy(g -> assertThat(new String(g.bytes(), g.charset())).contains("\r\n", "\"\"", "病"));
    }
}
