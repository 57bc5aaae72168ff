package org.hqd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void demo_groupsTheBundledSample_andReportsEveryBadRow() throws IOException {
        CliRun run = CliRun.of("demo", "--data", dir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("共 3,006 例", "INVALID 数据不合格 6", "病例数最多的 10 个 DRG", "入组 GD23");
        Path results = dir.resolve("demo/sample-results.csv");
        assertThat(Files.readAllLines(results)).hasSize(3007);
        assertThat(Files.readAllLines(dir.resolve("demo/sample-results.invalid.csv")))
                .hasSize(7)
                .anySatisfy(l -> assertThat(l).contains("BAD001", "sex"))
                .anySatisfy(l -> assertThat(l).contains("BAD002", "principal_dx"))
                .anySatisfy(l -> assertThat(l).contains("BAD003", "birth_weight_g"))
                .anySatisfy(l -> assertThat(l).contains("BAD004", "age_years"))
                .anySatisfy(l -> assertThat(l).contains("BAD005", "X99.999x999"))
                .anySatisfy(l -> assertThat(l).contains("BAD006", "引号未闭合"));
    }
}
