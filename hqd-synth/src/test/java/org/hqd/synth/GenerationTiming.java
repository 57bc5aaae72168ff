package org.hqd.synth;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;

/**
 * A whole-run timing of {@link SyntheticProvince#writeTo}, for the benchmark notes (not a test). Run after
 * {@code mvn -B -q install -pl hqd-synth} with
 *
 * <pre>
 * mvn -B -q dependency:build-classpath -pl hqd-synth -Dmdep.outputFile=/tmp/synth.cp
 * java -cp hqd-synth/target/test-classes:hqd-synth/target/classes:$(cat /tmp/synth.cp) \
 *     org.hqd.synth.GenerationTiming /tmp/synth-10m 10000000 200 12 2
 * </pre>
 *
 * Arguments: output folder, records, hospitals, months, threads (and optionally the seed, default 42).
 */
public final class GenerationTiming {
    private GenerationTiming() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 5) {
            System.err.println("Usage: GenerationTiming <dir> <records> <hospitals> <months> <threads> [seed]");
            return;
        }
        long start = System.nanoTime();
        SyntheticProvince province = SyntheticProvince.standard();
        double setup = (System.nanoTime() - start) / 1e9;
        GeneratorSettings settings = new GeneratorSettings(Integer.parseInt(args[2]), Long.parseLong(args[1]),
                Integer.parseInt(args[3]), args.length > 5 ? Long.parseLong(args[5]) : 42, YearMonth.of(2024, 1),
                Integer.parseInt(args[4]));
        GenerationSummary s = province.writeTo(settings, Path.of(args[0]));
        System.out.printf("setup (pack, templates) %.2f s; %,d abstracts, %,d hospitals, %,d reports in %.2f s = "
                        + "%,.0f rows/s; %,d bytes%n", setup, s.abstracts(), s.hospitals(), s.facilityReports(),
                s.elapsed().toNanos() / 1e9, s.abstractsPerSecond(), s.bytes());
    }
}
