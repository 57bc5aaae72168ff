package org.hqd.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.evaluation.EvaluationPeriod;
import picocli.CommandLine.Option;

/** The options of the job itself, shared by {@code run} and {@code submit-args}. */
final class JobOptions {
    @Option(names = "--scheme", defaultValue = RulePackCatalog.DEFAULT_PACK, paramLabel = "<方案>",
            description = "分组方案（规则包）；默认 ${DEFAULT-VALUE}")
    String scheme;

    @Option(names = "--input", required = true, paramLabel = "<路径>",
            description = "病案首页：CSV 或 Parquet 文件/目录（本地路径或 hdfs://、s3a:// 等；在集群上须是每个节点都能读到的路径），"
                    + "或 hqd generate 的输出目录")
    String input;

    @Option(names = "--hospitals", paramLabel = "<路径>", description = "医院名册 hospitals.csv（评价分层用）")
    String hospitals;

    @Option(names = "--reports", paramLabel = "<路径>", description = "机构月报 facility_reports.csv")
    String reports;

    @Option(names = "--period", paramLabel = "<期间>", description = "评价期间；默认为病例的全部出院月份")
    String period;

    @Option(names = "--output", required = true, paramLabel = "<目录>",
            description = "结果目录（Parquet 表；在集群上须是每个节点都能写的路径：HDFS、S3 或共享目录）")
    String output;

    CasemixJob.Settings settings() {
        return new CasemixJob.Settings(scheme, input, Optional.ofNullable(hospitals), Optional.ofNullable(reports),
                output, Optional.ofNullable(period).map(EvaluationPeriod::parse));
    }

    /** The same options as arguments of {@code run}. */
    List<String> arguments() {
        List<String> a = new ArrayList<>(List.of("--scheme", scheme, "--input", input));
        if (hospitals != null) {
            a.addAll(List.of("--hospitals", hospitals));
        }
        if (reports != null) {
            a.addAll(List.of("--reports", reports));
        }
        if (period != null) {
            a.addAll(List.of("--period", period));
        }
        a.addAll(List.of("--output", output));
        return a;
    }
}
