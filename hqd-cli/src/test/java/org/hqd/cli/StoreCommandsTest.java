package org.hqd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * generate → import → sql / quality, through the command line. The province is generated and imported once for the
 * class (both checked here); each test works on its own copy of the imported data directory, so what one test changes
 * (standards, a DIP build, a saved rate, another import) no other test sees.
 */
final class StoreCommandsTest {
    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static Path source;
    private static Path imported;
    private Path data;

    @BeforeAll
    static void generateAndImport() {
        source = shared.resolve("src");
        imported = shared.resolve("data");
        CliRun gen = CliRun.of("generate", "--hospitals", "8", "--records", "2000", "--months", "3", "--seed", "7",
                "--output", source.toString());
        assertThat(gen.exitCode()).as(gen.err()).isZero();
        assertThat(gen.out()).contains("医院 8 家，病案 2,000 份，机构月报 24 行");
        CliRun imp = CliRun.of("import", "--data", imported.toString(), source.toString());
        assertThat(imp.exitCode()).as(imp.err()).isZero();
    }

    @BeforeEach
    void copyOfTheImport() throws IOException {
        data = dir.resolve("data");
        try (Stream<Path> files = Files.walk(imported)) {
            for (Path p : files.toList()) {
                Path to = data.resolve(imported.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
    }

    @Test
    void sql_countsByStatus_matchTheImportedRows() {
        CliRun run = CliRun.of("sql", "--data", data.toString(),
                "SELECT count(*) AS n, count(DISTINCT hospital_id) AS h FROM cases");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("n,h\n");
        long n = Long.parseLong(run.out().lines().skip(1).findFirst().orElseThrow().split(",")[0]);
        CliRun rejects = CliRun.of("sql", "--data", data.toString(), "SELECT count(DISTINCT line) FROM rejects");
        long rejected = Long.parseLong(rejects.out().lines().skip(1).findFirst().orElseThrow());
        assertThat(n + rejected).isEqualTo(2000);
    }

    @Test
    void sql_writeStatement_isRefusedAndChangesNothing() {
        CliRun run = CliRun.of("sql", "--data", data.toString(), "DELETE FROM case_records");

        assertThat(run.exitCode()).isEqualTo(ErrorReporter.DATA_ERROR);
        CliRun count = CliRun.of("sql", "--data", data.toString(), "SELECT count(*) > 0 FROM cases");
        assertThat(count.out()).contains("true");
    }

    @Test
    void quality_csv_hasOneLinePerHospitalPeriodDimensionAndRule() {
        CliRun run = CliRun.of("quality", "--data", data.toString(), "--format", "csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("hospital_id,period,rows,dimension,rule_id,failed,pass_rate\n");
    }

    @Test
    void standards_firstRunComputesVersionOne_andCsvHasTheDocumentedColumns() {
        CliRun run = CliRun.of("standards", "--data", data.toString(), "--format", "csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("已计算权重版本 1");
        assertThat(run.out()).startsWith(StandardsCommand.HEADER + "\n");
        CliRun again = CliRun.of("standards", "--data", data.toString(), "--format", "csv");
        assertThat(again.err()).contains("权重版本 1").contains("--recompute");
        assertThat(again.out()).isEqualTo(run.out());
        CliRun cmi = CliRun.of("sql", "--data", data.toString(),
                "SELECT abs(sum(rw) / count(*) - (SELECT sum(s.rw * s.cases) / sum(s.cases) FROM standards s)) < 1e-9 "
                        + "FROM cases WHERE status = 'GROUPED' AND total_cost > 0");
        assertThat(cmi.out()).contains("true");
        CliRun recompute = CliRun.of("standards", "--data", data.toString(), "--recompute");
        assertThat(recompute.err()).contains("已计算权重版本 2");
    }

    @Test
    void metrics_byHospital_csvHasTheDocumentedColumnsAndOneRowPerHospital() {
        CliRun run = CliRun.of("metrics", "--data", data.toString(), "--format", "csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith(MetricsCommand.HEADER + "\n").doesNotContain("NaN");
        assertThat(run.out().lines().count()).isEqualTo(1 + 8);
    }

    @Test
    void metrics_byDepartmentPhysicianDrg_ranksOnlyUnitsWithThirtyGroupedCases() {
        for (String by : List.of("department", "physician", "drg")) {
            CliRun run = CliRun.of("metrics", "--data", data.toString(), "--by", by, "--format", "csv");
            assertThat(run.exitCode()).as(run.err()).isZero();
            List<String> lines = run.out().lines().toList();
            assertThat(lines.get(0)).isEqualTo(MetricsCommand.HEADER + ",cmi_rank");
            List<String[]> rows = lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
            List<Double> rankedCmi = rows.stream().filter(f -> Long.parseLong(f[2]) >= 30)
                    .map(f -> Double.parseDouble(f[5])).toList();
            boolean unrankedSeen = false;
            int previousRank = 0;
            for (String[] f : rows) {
                String rank = f[f.length - 1];
                if (Long.parseLong(f[2]) < 30) {
                    assertThat(rank).as(by + " " + f[0]).isEqualTo("例数不足");
                    unrankedSeen = true;
                    continue;
                }
                assertThat(unrankedSeen).as(by + ": ranked units come first, " + f[0]).isFalse();
                double cmi = Double.parseDouble(f[5]);
                // competition ranking: 1 + the ranked units with a higher CMI
                long expected = 1 + rankedCmi.stream().filter(c -> c > cmi).count();
                assertThat(Integer.parseInt(rank)).as(by + " " + f[0]).isEqualTo((int) expected)
                        .isGreaterThanOrEqualTo(previousRank);
                previousRank = Integer.parseInt(rank);
            }
            assertThat(rows).as(by + ": some units below 30 cases").anyMatch(f -> Long.parseLong(f[2]) < 30);
            if (by.equals("department")) { // 2,000 stays in 3 months: departments reach 30 cases, few physicians do
                assertThat(rankedCmi).as(by + ": some units ranked").hasSizeGreaterThan(1);
            }
        }
        CliRun text = CliRun.of("metrics", "--data", data.toString(), "--by", "department");
        assertThat(text.out()).contains("CMI排名").contains("例数不足");
        CliRun hospitals = CliRun.of("metrics", "--data", data.toString(), "--format", "csv");
        assertThat(hospitals.out()).doesNotContain("cmi_rank");
    }

    @Test
    void metrics_byMonth_givesOneRowPerHospitalAndMonthWithTheChangeOfCmi() {
        CliRun run = CliRun.of("metrics", "--data", data.toString(), "--by-month", "--format", "csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("period," + MetricsCommand.HEADER + ",cmi_change");
        String previousUnit = "";
        double previousCmi = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertThat(f[0]).matches("2024-0[1-3]");
            double cmi = Double.parseDouble(f[6]);
            if (f[1].equals(previousUnit)) {
                assertThat(Double.parseDouble(f[16])).isCloseTo(cmi - previousCmi,
                        org.assertj.core.api.Assertions.within(2e-6));
            } else {
                assertThat(f[16]).isEmpty();
            }
            previousUnit = f[1];
            previousCmi = cmi;
        }
    }

    @Test
    void metrics_againstTheTier_changesIndicesButNotCmi() {
        CliRun all = CliRun.of("metrics", "--data", data.toString(), "--format", "csv");
        CliRun tier = CliRun.of("metrics", "--data", data.toString(), "--format", "csv", "--benchmark", "tier");

        assertThat(tier.exitCode()).as(tier.err()).isZero();
        List<String> a = all.out().lines().toList();
        List<String> t = tier.out().lines().toList();
        assertThat(t).hasSameSizeAs(a);
        for (int i = 1; i < a.size(); i++) {
            assertThat(t.get(i).split(",")[5]).isEqualTo(a.get(i).split(",")[5]); // cmi
        }
        assertThat(t).isNotEqualTo(a);
    }

    @Test
    void metrics_emptyPeriodOrUnknownHospital_failWithClearMessage() {
        CliRun empty = CliRun.of("metrics", "--data", data.toString(), "--from", "1999-01-01", "--to", "1999-12-31");
        assertThat(empty.exitCode()).isEqualTo(ErrorReporter.DATA_ERROR);
        assertThat(empty.err()).contains("所选期间没有病例");

        CliRun unknown = CliRun.of("metrics", "--data", data.toString(), "--hospital", "H9999");
        assertThat(unknown.exitCode()).isEqualTo(ErrorReporter.DATA_ERROR);
        assertThat(unknown.err()).contains("H9999");

        CliRun badBy = CliRun.of("metrics", "--data", data.toString(), "--by", "ward");
        assertThat(badBy.exitCode()).isEqualTo(ErrorReporter.DATA_ERROR);
        assertThat(badBy.err()).contains("--by");
    }

    @Test
    void costs_byHospital_atTheNeutralRate_balanceAddsUpToPaymentMinusCost_biggestLossFirst() {
        CliRun run = CliRun.of("costs", "--data", data.toString(), "--format", "csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("预算中性");
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo(CostsCommand.HEADER);
        assertThat(lines).hasSize(1 + 8);
        double previous = Double.NEGATIVE_INFINITY;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double payment = Double.parseDouble(f[3]);
            double cost = Double.parseDouble(f[4]);
            double balance = Double.parseDouble(f[5]);
            assertThat(balance).isCloseTo(payment - cost, org.assertj.core.api.Assertions.within(0.011));
            assertThat(balance).isGreaterThanOrEqualTo(previous);
            previous = balance;
        }
    }

    @Test
    void outliers_csv_listsOnlyHighAndLowCasesWithTheirFactor() {
        CliRun run = CliRun.of("outliers", "--data", data.toString(), "--format", "csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo(OutliersCommand.HEADER);
        assertThat(lines.size()).isGreaterThan(1);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double factor = Double.parseDouble(f[6]);
            assertThat(f[5]).isIn("HIGH", "LOW");
            assertThat("HIGH".equals(f[5]) ? factor > 1.5 : factor < 0.4).as(line).isTrue();
        }
    }

    @Test
    void monitor_beforeStandards_saysSo_andAfterwardsComparesWithTheDrgStandard() {
        // a stored adult case discharged normally: regrouped with the same codes it lands in the same DRG
        CliRun pick = CliRun.of("sql", "--data", data.toString(), "SELECT sex, age_years, principal_dx, "
                + "replace(coalesce(secondary_dx, ''), '|', ','), coalesce(principal_proc, ''), "
                + "replace(coalesce(other_procs, ''), '|', ','), drg FROM cases WHERE status = 'GROUPED' "
                + "AND age_years >= 18 AND discharge_method = '1' ORDER BY record_id LIMIT 1");
        String[] f = pick.out().lines().skip(1).findFirst().orElseThrow().split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
        List<String> args = new java.util.ArrayList<>(List.of("monitor", "--data", data.toString(), "--sex", f[0],
                "--age", f[1], "--dx", String.join(",", f[2], f[3].replace("\"", "")).replaceAll(",$", ""),
                "--days", "3", "--cost", "10000000", "--drug", "1"));
        String procs = String.join(",", f[4], f[5].replace("\"", "")).replaceAll("^,|,$", "");
        if (!procs.isEmpty()) {
            args.addAll(List.of("--proc", procs));
        }
        CliRun before = CliRun.of(args.toArray(String[]::new));
        assertThat(before.exitCode()).isEqualTo(ErrorReporter.DATA_ERROR);
        assertThat(before.err()).contains("hqd standards");

        assertThat(CliRun.of("standards", "--data", data.toString()).exitCode()).isZero();
        CliRun after = CliRun.of(args.toArray(String[]::new));

        assertThat(after.exitCode()).as(after.err()).isZero();
        assertThat(after.out()).contains("预分组：分组成功 " + f[6], "总费用", "✗", "提示：总费用已超过标准");
    }

    @Test
    void physicians_csv_ranksOnlyPhysiciansWithThirtyGroupedCasesEachDepartmentFromOne() {
        CliRun run = CliRun.of("physicians", "--data", data.toString(), "--format", "csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo(PhysiciansCommand.HEADER);
        java.util.Map<String, Integer> best = new java.util.HashMap<>();
        int unranked = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            int rank = Integer.parseInt(f[2]);
            int size = Integer.parseInt(f[3]);
            long grouped = Long.parseLong(f[5]);
            assertThat(rank).isBetween(0, size);
            // 2,000 cases over 8 hospitals: few physicians reach the 30 grouped cases a ranking needs
            assertThat(rank > 0).as(line).isEqualTo(grouped >= 30);
            if (rank > 0) {
                best.merge(f[1], rank, Math::min);
            } else {
                unranked++;
            }
        }
        assertThat(unranked).isPositive();
        assertThat(best.values()).allSatisfy(r -> assertThat(r).isEqualTo(1));
        assertThat(CliRun.of("physicians", "--data", data.toString()).out()).contains("例数不足");
    }

    @Test
    void dip_buildThenShow_coversEveryStoredCaseOnce() {
        CliRun before = CliRun.of("dip", "show", "--data", data.toString());
        assertThat(before.exitCode()).isEqualTo(ErrorReporter.DATA_ERROR);
        assertThat(before.err()).contains("hqd dip build");

        CliRun build = CliRun.of("dip", "build", "--data", data.toString());
        assertThat(build.exitCode()).as(build.err()).isZero();
        assertThat(build.out()).contains("已生成 DIP 目录版本 1");

        CliRun show = CliRun.of("dip", "show", "--data", data.toString(), "--format", "csv");
        List<String> lines = show.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo(DipCommand.HEADER);
        long covered = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            covered += Long.parseLong(f[2]);
            if ("true".equals(f[1])) {
                assertThat(Long.parseLong(f[2])).isGreaterThanOrEqualTo(15);
            }
        }
        CliRun count = CliRun.of("sql", "--data", data.toString(), "SELECT count(*) FROM cases");
        long stored = Long.parseLong(count.out().lines().skip(1).findFirst().orElseThrow());
        assertThat(covered).isEqualTo(stored);

        // every baseline case has a group; at the budget-neutral point value the balances sum to zero
        CliRun metrics = CliRun.of("dip", "metrics", "--data", data.toString(), "--format", "csv");
        assertThat(metrics.exitCode()).as(metrics.err()).isZero();
        assertThat(metrics.err()).contains("预算中性");
        List<String> rows = metrics.out().lines().skip(1).toList();
        assertThat(rows).hasSize(8);
        assertThat(rows.stream().mapToLong(r -> Long.parseLong(r.split(",")[2])).sum()).isEqualTo(stored);
        assertThat(rows.stream().mapToDouble(r -> Double.parseDouble(r.split(",")[17])).sum())
                .isCloseTo(0, org.assertj.core.api.Assertions.within(0.01 * rows.size()));
        // one hospital alone is paid at the region's neutral point value, so its line is the same
        CliRun one = CliRun.of("dip", "metrics", "--data", data.toString(), "--format", "csv", "--hospital",
                rows.get(0).split(",")[0]);
        assertThat(one.out().lines().skip(1).toList()).containsExactly(rows.get(0));

        // every case of the store has its group in the cases view; the metrics' total score is Σ dip_score of it
        CliRun scores = CliRun.of("sql", "--data", data.toString(), "SELECT hospital_id, count(*) FILTER "
                + "(WHERE dip_key IS NULL), sum(dip_score), count(DISTINCT dip_key) FROM cases GROUP BY 1 ORDER BY 1");
        List<String> expected = scores.out().lines().skip(1).toList();
        assertThat(expected).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] want = expected.get(i).split(",");
            String[] got = rows.get(i).split(",");
            assertThat(got[0]).isEqualTo(want[0]);
            assertThat(want[1]).isEqualTo("0");
            assertThat(Double.parseDouble(got[4])).isCloseTo(Double.parseDouble(want[2]),
                    org.assertj.core.api.Assertions.within(1e-6));
            assertThat(got[3]).isEqualTo(want[3]);
        }
    }

    @Test
    void dip_caseImportedAfterTheBuild_isAssignedByTheImport() throws IOException {
        assertThat(CliRun.of("dip", "build", "--data", data.toString()).exitCode()).isZero();
        // a second file: the first abstract again with a changed cost (replaces it) and one new record
        List<String> lines = Files.readAllLines(source.resolve("abstracts.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        String[] changed = lines.get(1).split(",", -1);
        for (String column : List.of("total_cost", "cost_other")) {
            int at = header.indexOf(column);
            changed[at] = String.valueOf(Double.parseDouble(changed[at]) + 1);
        }
        String[] added = lines.get(2).split(",", -1);
        added[header.indexOf("record_id")] = "NEW-0001";
        Path resent = dir.resolve("resent.csv");
        Files.write(resent, List.of(lines.get(0), String.join(",", changed), String.join(",", added)));

        CliRun imp = CliRun.of("import", "--data", data.toString(), resent.toString());

        assertThat(imp.exitCode()).as(imp.err()).isZero();
        assertThat(imp.out()).contains("新增 1，替换 1", "为 2 例新导入或更新的病例分配病种");
        CliRun check = CliRun.of("sql", "--data", data.toString(), "SELECT count(*), count(dip_key), "
                + "(SELECT count(*) FROM case_records WHERE dip_version = 1) FROM cases");
        assertThat(check.out().lines().skip(1).findFirst().orElseThrow()).isEqualTo("2001,2001,2001");
    }

    @Test
    void audit_listsImportsAndSettingChangesNewestFirst() {
        assertThat(CliRun.of("costs", "--data", data.toString(), "--save-base-rate", "15000").exitCode()).isZero();

        CliRun run = CliRun.of("audit", "--data", data.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("at,user,action,detail,client");
        assertThat(lines.get(1)).contains(",设置变更,", "15000", "命令行");
        assertThat(lines).anyMatch(l -> l.contains(",导入,") && l.contains("abstracts.csv：读取 2000 行，新增 2000"));
    }

    @Test
    void costs_savedHospitalRate_scalesThatHospitalsPaymentOnly() {
        Path own = data;
        assertThat(CliRun.of("costs", "--data", own.toString(), "--save-base-rate", "20000").out())
                .contains("已保存全地区基准费率");
        java.util.Map<String, Double> regionOnly = payments(own);
        assertThat(CliRun.of("costs", "--data", own.toString(), "--save-base-rate", "10000", "--hospital", "H0001")
                .out()).contains("已保存医院 H0001 的基准费率");

        java.util.Map<String, Double> withOwnRate = payments(own);

        // a point of H0001 is worth half as much: its payment halves (to the fen per case); the others are unchanged
        long h1Cases = Long.parseLong(CliRun.of("sql", "--data", own.toString(), "SELECT count(*) FROM cases "
                + "WHERE hospital_id = 'H0001'").out().lines().skip(1).findFirst().orElseThrow());
        assertThat(withOwnRate.get("H0001")).isCloseTo(regionOnly.get("H0001") / 2,
                org.assertj.core.api.Assertions.within(0.005 * h1Cases + 0.01));
        regionOnly.forEach((h, p) -> {
            if (!h.equals("H0001")) {
                assertThat(withOwnRate.get(h)).as(h).isEqualTo(p);
            }
        });
    }

    private static java.util.Map<String, Double> payments(Path dir) {
        CliRun run = CliRun.of("costs", "--data", dir.toString(), "--format", "csv");
        assertThat(run.exitCode()).as(run.err()).isZero();
        java.util.Map<String, Double> payment = new java.util.HashMap<>();
        run.out().lines().skip(1).forEach(l -> payment.put(l.split(",")[0], Double.parseDouble(l.split(",")[3])));
        return payment;
    }

    @Test
    void unknownOutputFormat_isAUsageError() {
        CliRun run = CliRun.of("standards", "--data", data.toString(), "--format", "xlsx");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--format", "xlsx");
    }

    @Test
    void costs_badBaseRate_isRefused() {
        CliRun run = CliRun.of("costs", "--data", data.toString(), "--base-rate", "-5");

        assertThat(run.exitCode()).isEqualTo(ErrorReporter.DATA_ERROR);
        assertThat(run.err()).contains("基准费率应为正数");
    }

    @Test
    void import_sameDirectoryAgain_changesNothing() {
        CliRun again = CliRun.of("import", "--data", data.toString(), source.toString());

        assertThat(again.exitCode()).isZero();
        // the register, the yearly and monthly reports, the abstracts
        assertThat(again.out().lines().filter(l -> l.contains("已导入过")).count()).isEqualTo(4);
    }

    @Test
    void import_unrecognisedFile_failsWithClearMessage() throws IOException {
        Path odd = Files.writeString(dir.resolve("odd.csv"), "a,b\n1,2\n");

        CliRun run = CliRun.of("import", "--data", data.toString(), odd.toString());

        assertThat(run.exitCode()).isEqualTo(ErrorReporter.DATA_ERROR);
        assertThat(run.err()).contains("没有可识别的表头");
    }

    @Test
    void sql_onMissingDataDirectory_tellsToImportFirst() {
        CliRun run = CliRun.of("sql", "--data", dir.resolve("none").toString(), "SELECT 1");

        assertThat(run.exitCode()).isEqualTo(ErrorReporter.DATA_ERROR);
        assertThat(run.err()).contains("hqd import");
    }
}
