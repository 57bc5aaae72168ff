package org.hqd.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.grouping.DrgGrouper;
import org.hqd.casemix.grouping.GroupingResult;
import org.hqd.io.conformance.ConformanceCase;
import org.hqd.io.conformance.ConformanceSuite;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-memory DRG grouping throughput: cases per second for one thread and for two (both cores), over the
 * 20,000 synthetic conformance cases of a pack (every ADRG exercised), abstracts already parsed.
 *
 * <p>Run: {@code java -jar hqd-bench/target/hqd-bench.jar GroupingBenchmark -rf json}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class GroupingBenchmark {
    static final int CASES = 20_000;

    @Param({"chs-drg-1.1"})
    public String pack;

    private DrgGrouper grouper;
    private DischargeAbstract[] cases;

    @Setup
    public void setUp() {
        grouper = DrgGrouper.of(RulePackCatalog.bundled().load(pack));
        List<ConformanceCase> all = ConformanceSuite.bundled(pack).cases();
        cases = new DischargeAbstract[CASES];
        for (int i = 0; i < CASES; i++) {
            cases[i] = all.get(i % all.size()).input();
        }
    }

    private int groupAll() {
        int h = 0;
        for (DischargeAbstract c : cases) {
            GroupingResult r = grouper.group(c);
            h += r.drg().hashCode();
        }
        return h;
    }

    /** One core. */
    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(CASES)
    public int oneThread() {
        return groupAll();
    }

    /** Both cores of the 2-core machine: the score is the sum over the two threads. */
    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(CASES)
    public int twoThreads() {
        return groupAll();
    }
}
