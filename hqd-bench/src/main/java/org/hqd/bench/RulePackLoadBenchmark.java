package org.hqd.bench;

import java.util.concurrent.TimeUnit;
import org.hqd.casemix.grouping.DrgGrouper;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to load a bundled rule pack with its dictionary (a fresh catalog each time, so nothing is cached) and
 * compile it into a grouper: the fixed start-up cost of every grouping command.
 *
 * <p>Run: {@code java -jar hqd-bench/target/hqd-bench.jar RulePackLoadBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class RulePackLoadBenchmark {
    @Param({"chs-drg-1.1", "zhejiang-2022"})
    public String pack;

    @Benchmark
    public DrgGrouper loadAndCompile() {
        return DrgGrouper.of(RulePackCatalog.bundled().load(pack));
    }
}
