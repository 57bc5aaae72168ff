package org.hqd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class GroupCommandTest {
    private static final String HEADER = "record_id,sex,age_years,age_days,birth_weight_g,los_days,discharge_method,"
            + "principal_dx,secondary_dx,principal_proc,other_procs";

    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, List.of(lines), StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void group_appendicitisCases_writesExactColumnsAndCountsEachStatus() throws IOException {
        Path in = write("in.csv", HEADER,
                "A1,1,45,,,6,1,K35.800x001,,47.0100,",
                "A2,1,45,,,6,1,K35.800x001,J18.900,47.0100,",
                "A3,,45,,,6,1,K35.800x001,,47.0100,");
        Path out = dir.resolve("out.csv");

        CliRun run = CliRun.of("group", "--input", in.toString(), "--output", out.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(Files.readAllLines(out)).containsExactly(
                "record_id,status,mdc,adrg,drg,drg_name,cc,mcc",
                "A1,GROUPED,MDCG,GD2,GD25,阑尾切除术，不伴并发症或合并症,0,0",
                "A2,GROUPED,MDCG,GD2,GD23,阑尾切除术，伴并发症或合并症,1,0",
                "A3,INVALID,,,,,,");
        assertThat(run.out()).contains("共 3 例", "GROUPED 分组成功 2", "INVALID 数据不合格 1");
        Path invalid = dir.resolve("out.invalid.csv");
        assertThat(Files.readAllLines(invalid)).hasSize(2);
        assertThat(Files.readAllLines(invalid).get(1)).startsWith("4,A3,").contains("sex");
    }

    @Test
    void group_withTrace_addsTraceColumnThatNamesTheSteps() throws IOException {
        Path in = write("in.csv", HEADER, "A2,1,45,,,6,1,K35.800x001,J18.900,47.0100,");
        Path out = dir.resolve("out.csv");

        CliRun run = CliRun.of("group", "--input", in.toString(), "--output", out.toString(), "--trace");

        assertThat(run.exitCode()).isZero();
        String text = Files.readString(out);
        assertThat(text).startsWith("record_id,status,mdc,adrg,drg,drg_name,cc,mcc,trace\n");
        assertThat(text).contains("进入 MDCG", "匹配 ADRG GD2", "J18.900 肺炎：CC", "入组 GD23");
    }

    @Test
    void group_otherScheme_usesThatPack() throws IOException {
        Path in = write("in.csv", HEADER, "A1,1,45,,,6,1,K35.800x001,,47.0100,");
        Path out = dir.resolve("out.csv");

        CliRun run = CliRun.of("group", "--scheme", "beijing-2022", "--input", in.toString(), "--output",
                out.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("beijing-2022");
        assertThat(Files.readAllLines(out).get(1)).startsWith("A1,GROUPED,MDCG,GD2,GD2");
    }

    @Test
    void group_gbkFileWithEncodingOption_readsIt() throws IOException {
        Path in = dir.resolve("gbk.csv");
        Files.writeString(in, HEADER + ",department\nA1,1,45,,,6,1,K35.800x001,,47.0100,,普外科\n",
                Charset.forName("GBK"));
        Path out = dir.resolve("out.csv");

        CliRun run = CliRun.of("group", "--input", in.toString(), "--output", out.toString(), "--encoding", "GBK");

        assertThat(run.exitCode()).isZero();
        assertThat(Files.readAllLines(out).get(1)).startsWith("A1,GROUPED,MDCG,GD2,GD25,");
    }

    @Test
    void group_mapCodes_reportsCodesItCannotMap() throws IOException {
        Path in = write("in.csv", HEADER, "A1,1,45,,,6,1,K35.800x001,Q99.999x999,47.0100,");
        Path out = dir.resolve("out.csv");

        CliRun run = CliRun.of("group", "--input", in.toString(), "--output", out.toString(), "--map-codes");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("无法映射到医保版的编码 1 个");
        assertThat(Files.readAllLines(dir.resolve("out.unmapped.csv"))).containsExactly("code,cases", "Q99.999x999,1");
    }

    @Test
    void group_fileWithoutRequiredColumns_failsWithClearMessageAndExitCode3() throws IOException {
        Path in = write("in.csv", "record_id,sex,age_years", "A1,1,45");

        CliRun run = CliRun.of("group", "--input", in.toString(), "--output", dir.resolve("out.csv").toString());

        assertThat(run.exitCode()).isEqualTo(ErrorReporter.DATA_ERROR);
        assertThat(run.err()).contains("缺少必需的列", "principal_dx", "los_days").doesNotContain("Exception");
        assertThat(dir.resolve("out.csv")).doesNotExist();
    }

    @Test
    void group_emptyFile_failsWithClearMessage() throws IOException {
        Path in = write("empty.csv");

        CliRun run = CliRun.of("group", "--input", in.toString(), "--output", dir.resolve("out.csv").toString());

        assertThat(run.exitCode()).isEqualTo(ErrorReporter.DATA_ERROR);
        assertThat(run.err()).contains("文件为空");
    }

    @Test
    void group_missingInputFile_failsWithClearMessage() {
        CliRun run = CliRun.of("group", "--input", dir.resolve("nope.csv").toString(), "--output",
                dir.resolve("out.csv").toString());

        assertThat(run.exitCode()).isEqualTo(ErrorReporter.DATA_ERROR);
        assertThat(run.err()).contains("文件不存在", "nope.csv").doesNotContain("at org.");
    }

    @Test
    void group_unknownScheme_listsTheAvailableOnes() throws IOException {
        Path in = write("in.csv", HEADER, "A1,1,45,,,6,1,K35.800x001,,47.0100,");

        CliRun run = CliRun.of("group", "--scheme", "atlantis-2030", "--input", in.toString(), "--output",
                dir.resolve("out.csv").toString());

        assertThat(run.exitCode()).isEqualTo(ErrorReporter.DATA_ERROR);
        assertThat(run.err()).contains("atlantis-2030", "chs-drg-1.1");
    }

    @Test
    void group_missingRequiredOption_isAUsageError() {
        CliRun run = CliRun.of("group", "--input", "x.csv");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--output");
    }
}
