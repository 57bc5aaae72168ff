package org.hqd.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SubmitLauncherTest {
    @TempDir
    Path tmp;

    @Test
    void command_withTheClustersSparkHome_isItsSparkSubmit() throws Exception {
        Path submit = Files.createDirectories(tmp.resolve("bin")).resolve("spark-submit");
        Files.writeString(submit, "#!/bin/sh\n");
        Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> cmd = SubmitLauncher.command(SubmissionTest.SUBMISSION, MasterKind.YARN, Optional.of(tmp.toString()))
                .orElseThrow();
        assertThat(cmd.get(0)).isEqualTo(submit.toString());
        assertThat(cmd.subList(1, cmd.size())).isEqualTo(SubmissionTest.SUBMISSION.arguments());
    }

    @Test
    void command_forAStandaloneMasterWithoutSparkHome_isSparkSubmitsMainClassFromTheBundledJars() {
        List<String> cmd = SubmitLauncher.command(SubmissionTest.SUBMISSION, MasterKind.STANDALONE, Optional.empty()).orElseThrow();
        assertThat(cmd.get(0)).endsWith("/bin/java");
        assertThat(cmd).contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "org.apache.spark.deploy.SparkSubmit");
        assertThat(cmd.subList(cmd.indexOf("org.apache.spark.deploy.SparkSubmit") + 1, cmd.size()))
                .isEqualTo(SubmissionTest.SUBMISSION.arguments());
    }

    @Test
    void command_forYarnOrKubernetesWithoutSparkHome_isNone() {
        assertThat(SubmitLauncher.command(SubmissionTest.SUBMISSION, MasterKind.YARN, Optional.empty())).isEmpty();
        assertThat(SubmitLauncher.command(SubmissionTest.SUBMISSION, MasterKind.KUBERNETES, Optional.of(tmp.toString()))).isEmpty();
    }

    @Test
    void sparkRun_onYarnWithoutTheClustersClient_exits3_andPrintsTheSparkSubmitToRunInstead() {
        assumeTrue(System.getenv("SPARK_HOME") == null, "a SPARK_HOME here would be used");
        StringWriter err = new StringWriter();
        picocli.CommandLine cmd = SparkMain.commandLine();
        cmd.setErr(new PrintWriter(err));
        cmd.setOut(new PrintWriter(new StringWriter()));
        int code = cmd.execute("run", "--master", "yarn", "--app-jar", "hdfs:///apps/hqd-spark-app.jar", "--executors", "4",
                "--input", "hdfs:///abstracts/2025/", "--output", "hdfs:///hqd/2025/");
        assertThat(code).isEqualTo(3);
        assertThat(err.toString()).contains("master yarn 要用集群自己的 Spark 客户端提交").contains("SPARK_HOME")
                .contains("spark-submit \\\n  --class org.hqd.spark.SparkMain \\\n  --master yarn --deploy-mode client")
                .contains("--num-executors 4").contains("hdfs:///apps/hqd-spark-app.jar \\\n  run --scheme");
    }

    @Test
    void sparkRun_localInClusterDeployMode_exits3_andSaysWhy() {
        StringWriter err = new StringWriter();
        picocli.CommandLine cmd = SparkMain.commandLine();
        cmd.setErr(new PrintWriter(err));
        assertThat(cmd.execute("run", "--master", "local[2]", "--deploy-mode", "CLUSTER", "--input", "in", "--output", "out"))
                .isEqualTo(3);
        assertThat(err.toString()).contains("local 模式没有集群可放驱动程序");
    }
}
