package org.hqd.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.hqd.io.csv.CsvChunk;
import org.hqd.io.csv.CsvChunkReader;
import org.hqd.io.csv.CsvScanner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading CSV the way the import does, on one thread: cutting a file into 1 MiB chunks on record boundaries (the
 * import's serial part, {@code chunk}) and, in addition, splitting every record into fields and looking at each
 * ({@code chunkAndScan}). 200,000 abstract-like rows of 37 fields (≈ 270 bytes); {@code plain} as the generator
 * writes them, {@code quoted} with two quoted text fields per row (one holding a comma) as spreadsheet exports do.
 * Only API that existed before the record grammar of issue #15 is used, so the same class measures both versions.
 *
 * <p>Run: {@code java -jar hqd-bench/target/hqd-bench.jar CsvReadBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class CsvReadBenchmark {
    @Param({"plain", "quoted"})
    public String layout;

    @Param({"200000"})
    public int rows;

    private byte[] file;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(15);
        String[] departments = {"普外科", "心内科", "神经内科", "儿科", "妇产科", "骨科"};
        boolean quoted = layout.equals("quoted");
        StringBuilder b = new StringBuilder("hospital_id,record_id,patient_id,sex,birth_date,age_years,age_days,"
                + "birth_weight_g,admission_date,discharge_date,los_days,admission_route,discharge_method,department,"
                + "attending_physician,principal_dx,secondary_dx,principal_proc,other_procs,proc_levels,day_surgery,"
                + "payer,total_cost,c1,c2,c3,c4,c5,c6,c7,c8,c9,c10,c11,c12,c13,c14\n");
        for (int i = 0; i < rows; i++) {
            String dept = departments[rnd.nextInt(departments.length)];
            b.append('H').append(String.format("%04d", rnd.nextInt(200))).append(",ZY").append(1_000_000_000L + i)
                    .append(",P").append(100_000_000_000L + rnd.nextInt(1_000_000_000)).append(',')
                    .append(1 + rnd.nextInt(2)).append(",1960-0").append(1 + rnd.nextInt(9)).append("-1")
                    .append(rnd.nextInt(10)).append(',').append(rnd.nextInt(90)).append(",,,2024-03-0")
                    .append(1 + rnd.nextInt(4)).append(",2024-03-1").append(rnd.nextInt(10)).append(',')
                    .append(5 + rnd.nextInt(10)).append(",2,1,")
                    .append(quoted ? "\"" + dept + ",一病区\"" : dept).append(',')
                    .append(quoted ? "\"H0001-D0" + rnd.nextInt(10) + "\"" : "H0001-D0" + rnd.nextInt(10))
                    .append(",K35.800x001,J18.900|I10.x00,47.0100,,3,0,城乡居民基本医疗保险,")
                    .append(5000 + rnd.nextInt(20000)).append(".55");
            for (int c = 0; c < 14; c++) {
                b.append(',').append(rnd.nextInt(3000)).append('.').append(10 + rnd.nextInt(90));
            }
            b.append('\n');
        }
        file = b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The reader thread's work: chunks of whole records. Returns the bytes chunked. */
    @Benchmark
    public long chunk() throws IOException {
        CsvChunkReader reader = new CsvChunkReader(new ByteArrayInputStream(file), 1 << 20);
        long bytes = 0;
        for (Optional<CsvChunk> c = reader.next(); c.isPresent(); c = reader.next()) {
            bytes += c.get().length();
        }
        return bytes;
    }

    /** Chunks, then every record split into fields and every field looked at. Returns the non-blank fields. */
    @Benchmark
    public long chunkAndScan() throws IOException {
        CsvChunkReader reader = new CsvChunkReader(new ByteArrayInputStream(file), 1 << 20);
        CsvScanner s = CsvScanner.utf8();
        long fields = 0;
        for (Optional<CsvChunk> c = reader.next(); c.isPresent(); c = reader.next()) {
            s.reset(c.get());
            while (s.next()) {
                for (int i = 0; i < s.fieldCount(); i++) {
                    fields += s.isBlank(i) ? 0 : 1;
                }
            }
        }
        return fields;
    }
}
