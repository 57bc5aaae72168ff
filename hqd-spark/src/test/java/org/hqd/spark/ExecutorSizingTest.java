package org.hqd.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

final class ExecutorSizingTest {
    static StandaloneCapacity.Result workers(int n, int cores, long mb) {
        return new StandaloneCapacity.Result(Optional.of(new StandaloneCapacity(n, cores, mb)), "");
    }

    static final StandaloneCapacity.Result UNKNOWN = new StandaloneCapacity.Result(Optional.empty(), "读不到 http://h:8080/json/");
    static final ExecutorSizing.Request CHOOSE = new ExecutorSizing.Request(Optional.empty(), Optional.empty(), Optional.empty(), "512m");

    @Test
    void standalone_client_oneExecutorTakesTheWholeSmallWorker() {
        ExecutorSizing s = ExecutorSizing.of(MasterKind.STANDALONE, DeployMode.CLIENT, CHOOSE, workers(1, 2, 1536));
        assertThat(s.confs()).containsEntry("spark.executor.cores", "2").containsEntry("spark.executor.memory", "1536m")
                .containsEntry("spark.sql.shuffle.partitions", "4").doesNotContainKey("spark.cores.max");
        assertThat(s.totalCores()).contains(2);
    }

    @Test
    void standalone_clusterModeOnOneWorker_leavesTheDriverACoreAndItsMemory() {
        ExecutorSizing s = ExecutorSizing.of(MasterKind.STANDALONE, DeployMode.CLUSTER, CHOOSE, workers(1, 2, 1536));
        assertThat(s.confs()).containsEntry("spark.executor.cores", "1").containsEntry("spark.executor.memory", "1024m")
                .containsEntry("spark.sql.shuffle.partitions", "2");
    }

    @Test
    void standalone_bigWorkers_fourCoresPerExecutor_atMostFourGigabytesPerCore_everyWorkerUsed() {
        // 3 workers × 16 cores × 62.5 GB: 4-core executors of 16 GB (not 15.6 GB: the per-core cap is lower), 4 per worker
        ExecutorSizing s = ExecutorSizing.of(MasterKind.STANDALONE, DeployMode.CLIENT, CHOOSE, workers(3, 16, 64_000));
        assertThat(s.confs()).containsEntry("spark.executor.cores", "4").containsEntry("spark.executor.memory", "16000m");
        assertThat(s.totalCores()).contains(48);
        assertThat(s.confs()).containsEntry("spark.sql.shuffle.partitions", "96");
    }

    @Test
    void standalone_givenExecutors_limitTheCores() {
        ExecutorSizing.Request two = new ExecutorSizing.Request(Optional.of(2), Optional.of(3), Optional.of("6g"), "1g");
        ExecutorSizing s = ExecutorSizing.of(MasterKind.STANDALONE, DeployMode.CLIENT, two, workers(4, 8, 32_768));
        assertThat(s.confs()).containsEntry("spark.executor.cores", "3").containsEntry("spark.executor.memory", "6g")
                .containsEntry("spark.cores.max", "6").containsEntry("spark.sql.shuffle.partitions", "12");
    }

    @Test
    void standalone_anExecutorNoWorkerCanHold_isRefusedWithTheSizesThatFit() {
        ExecutorSizing.Request big = new ExecutorSizing.Request(Optional.empty(), Optional.of(4), Optional.of("8g"), "1g");
        assertThatThrownBy(() -> ExecutorSizing.of(MasterKind.STANDALONE, DeployMode.CLIENT, big, workers(1, 2, 2048)))
                .isInstanceOf(ClusterException.class).hasMessageContaining("执行器要 4 核、8192 MB")
                .hasMessageContaining("只能给 2 核、2048 MB");
    }

    @Test
    void yarn_unknownNodes_twoCoresTwoGigabytesEach_dynamicAllocation() {
        ExecutorSizing s = ExecutorSizing.of(MasterKind.YARN, DeployMode.CLUSTER, CHOOSE, UNKNOWN);
        assertThat(s.confs()).containsEntry("spark.executor.cores", "2").containsEntry("spark.executor.memory", "4096m")
                .containsEntry("spark.dynamicAllocation.enabled", "true").doesNotContainKey("spark.sql.shuffle.partitions");
        assertThat(s.totalCores()).isEmpty();
    }

    @Test
    void yarn_givenExecutors_fixedInstances_partitionsFromTheirCores() {
        ExecutorSizing.Request ten = new ExecutorSizing.Request(Optional.of(10), Optional.empty(), Optional.empty(), "2g");
        ExecutorSizing s = ExecutorSizing.of(MasterKind.YARN, DeployMode.CLUSTER, ten, UNKNOWN);
        assertThat(s.confs()).containsEntry("spark.executor.instances", "10").containsEntry("spark.sql.shuffle.partitions", "40")
                .containsEntry("spark.driver.memory", "2g").doesNotContainKey("spark.dynamicAllocation.enabled");
    }

    @Test
    void standalone_unreachableStatusPage_defaults_andSaysWhy() {
        ExecutorSizing s = ExecutorSizing.of(MasterKind.STANDALONE, DeployMode.CLIENT, CHOOSE, UNKNOWN);
        assertThat(s.confs()).containsEntry("spark.executor.cores", "2").containsEntry("spark.executor.memory", "4096m");
        assertThat(s.basis()).contains("读不到 http://h:8080/json/");
    }

    @Test
    void megabytes_readsJvmSizes() {
        assertThat(ExecutorSizing.megabytes("512m")).isEqualTo(512);
        assertThat(ExecutorSizing.megabytes("4G")).isEqualTo(4096);
        assertThat(ExecutorSizing.megabytes("2097152k")).isEqualTo(2048);
        assertThat(ExecutorSizing.megabytes("1073741824")).isEqualTo(1024);
        assertThatThrownBy(() -> ExecutorSizing.megabytes("4 GB")).isInstanceOf(ClusterException.class)
                .hasMessageContaining("“4 GB”");
    }
}
