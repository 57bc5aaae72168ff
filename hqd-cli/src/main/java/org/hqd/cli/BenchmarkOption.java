package org.hqd.cli;

import org.hqd.casemix.performance.PeerGroup;
import picocli.CommandLine.Option;

/** The shared {@code --benchmark} option: the hospitals a unit's indices are compared with. */
final class BenchmarkOption {
    @Option(names = "--benchmark", defaultValue = "all", paramLabel = "all|tier",
            description = "对照基准：all 同期全部医院，tier 同层级医院；默认 ${DEFAULT-VALUE}")
    String benchmark;

    /** The benchmark named by the option. */
    PeerGroup peers() {
        return OptionChoice.of("--benchmark", benchmark, PeerGroup.ALL, PeerGroup.TIER);
    }
}
