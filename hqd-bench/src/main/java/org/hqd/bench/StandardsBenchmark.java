package org.hqd.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.hqd.casemix.performance.UnitCase;
import org.hqd.casemix.performance.UnitPerformance;
import org.hqd.casemix.performance.UnitPerformanceCalculator;
import org.hqd.casemix.standards.CaseValues;
import org.hqd.casemix.standards.Standards;
import org.hqd.casemix.standards.StandardsParameters;
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
 * The in-process kernels of issue #4: standards of all DRGs from grouped cases (trimming, RW, percentiles, risk
 * levels), and the metrics of every hospital against a benchmark. Synthetic cases: 600 DRGs with lognormal costs,
 * 200 hospitals.
 *
 * <p>Run: {@code java -jar hqd-bench/target/hqd-bench.jar StandardsBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class StandardsBenchmark {
    @Param({"1000000"})
    public int cases;

    private List<CaseValues> values;
    private List<List<UnitCase>> hospitals;
    private List<UnitCase> all;
    private Standards standards;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(42);
        values = new ArrayList<>(cases);
        all = new ArrayList<>(cases);
        hospitals = new ArrayList<>();
        for (int h = 0; h < 200; h++) {
            hospitals.add(new ArrayList<>());
        }
        for (int i = 0; i < cases; i++) {
            String drg = "D" + (int) Math.floor(Math.pow(rnd.nextDouble(), 2) * 600);
            double cost = Math.exp(8 + rnd.nextGaussian() * 0.6 + drg.length() * 0.1);
            int los = 1 + rnd.nextInt(20);
            boolean died = rnd.nextInt(200) == 0;
            values.add(new CaseValues(drg, cost, los, cost * 0.3, cost * 0.2, cost * 0.1, died));
            UnitCase u = new UnitCase(drg, true, cost, los, cost * 0.3, cost * 0.2, died);
            all.add(u);
            hospitals.get(rnd.nextInt(200)).add(u);
        }
        standards = Standards.of(values, StandardsParameters.DEFAULTS);
    }

    /** Standards of every DRG from all cases. */
    @Benchmark
    public Standards standardsOfAllDrgs() {
        return Standards.of(values, StandardsParameters.DEFAULTS);
    }

    /** The benchmark means and the metrics of all 200 hospitals. */
    @Benchmark
    public double metricsOfAllHospitals() {
        org.hqd.casemix.performance.Benchmark b = org.hqd.casemix.performance.Benchmark.of(all, standards);
        double s = 0;
        for (int h = 0; h < hospitals.size(); h++) {
            UnitPerformance p = UnitPerformanceCalculator.of("H" + h, hospitals.get(h), b);
            s += p.cmi().orElse(0);
        }
        return s;
    }
}
