package org.hqd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * generate → import → evaluate / trend / targets / indicators through the command line. The generated province
 * (12 hospitals of every tier, 3,000 abstracts, seed 11) discharges its stays in 2024-01..2024-03 (checked below
 * with hqd sql).
 */
final class EvaluateCommandTest {
    static final String HEADER = "hospital_id,hospital_name,tier,indicator,value,target,comparator,status,gap,"
            + "rank_in_peers,peers,type,national_no,percentile,source,no_data";
    static final String Q1 = "2024-01..2024-03";
    static final double MARGIN = 0.10;

    @TempDir
    static Path tmp;

    static Path source;
    static Path data;

    @BeforeAll
    static void generateAndImport() {
        source = tmp.resolve("src");
        CliRun gen = CliRun.of("generate", "--hospitals", "12", "--records", "3000", "--months", "3", "--seed", "11",
                "--output", source.toString());
        assertThat(gen.exitCode()).as(gen.err()).isZero();
        data = importInto("data");
        CliRun months = CliRun.of("sql", "--data", data.toString(),
                "SELECT DISTINCT strftime(discharge_date, '%Y-%m') AS m FROM cases ORDER BY 1");
        assertThat(months.out().lines().toList()).containsExactly("m", "2024-01", "2024-02", "2024-03");
    }

    static Path importInto(String name) {
        Path d = tmp.resolve(name);
        CliRun imp = CliRun.of("import", "--data", d.toString(), source.toString());
        assertThat(imp.exitCode()).as(imp.err()).isZero();
        return d;
    }

    /** The fields of one CSV line (RFC 4180 quotes). */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }

    /** The data lines of a CSV output as maps by header column. */
    static List<Map<String, String>> records(String csv) {
        List<String> lines = csv.lines().toList();
        List<String> header = fields(lines.get(0));
        List<Map<String, String>> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = fields(line);
            assertThat(f).as(line).hasSameSizeAs(header);
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), f.get(i));
            }
            out.add(m);
        }
        return out;
    }

    static CliRun ok(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run.err()).isZero();
        return run;
    }

    /** Indicator id → whether higher is better, from {@code hqd indicators --format csv}. */
    static Map<String, Boolean> higherBetter() {
        Map<String, Boolean> out = new HashMap<>();
        for (Map<String, String> r : records(ok("indicators", "--format", "csv").out())) {
            out.put(r.get("id"), r.get("direction").equals("HIGHER_BETTER"));
        }
        return out;
    }

    /** The status a value gets against a target (DESIGN §4), computed here independently. */
    static String status(double v, double t, String comparator) {
        boolean met = switch (comparator) {
            case "GE" -> v >= t;
            case "GT" -> v > t;
            case "LE" -> v <= t;
            case "LT" -> v < t;
            default -> throw new AssertionError(comparator);
        };
        if (met) {
            return "MET";
        }
        double tol = MARGIN * Math.abs(t);
        boolean floor = comparator.equals("GE") || comparator.equals("GT");
        return (floor ? v >= t - tol : v <= t + tol) ? "WARNING" : "NOT_MET";
    }

    @Test
    void evaluate_csv_headerStatusesGapsAndRanksAreConsistent() {
        CliRun run = ok("evaluate", "--data", data.toString(), "--period", Q1, "--format", "csv");

        assertThat(run.out()).startsWith(HEADER + "\n");
        assertThat(EvaluateCommand.HEADER).isEqualTo(HEADER);
        assertThat(run.err()).contains("期间 " + Q1).contains("目标集 design-default").contains("预警幅度 10%");
        List<Map<String, String>> rows = records(run.out());
        assertThat(rows).isNotEmpty();
        assertThat(rows).extracting(r -> r.get("hospital_id")).containsAll(List.of("H0001", "H0006", "H0012"));
        Map<String, Boolean> higher = higherBetter();
        Map<String, List<Map<String, String>>> groups = new TreeMap<>();
        Set<String> seenStatuses = new java.util.HashSet<>();
        for (Map<String, String> r : rows) {
            String where = r.get("hospital_id") + " " + r.get("indicator");
            assertThat(r.get("status")).as(where).isIn("MET", "WARNING", "NOT_MET", "NO_DATA");
            assertThat(r.get("comparator")).as(where).isIn("GE", "GT", "LE", "LT");
            assertThat(r.get("tier")).as(where).isIn("NATIONAL_CENTER", "NATIONAL_REGIONAL", "PROVINCIAL_REGIONAL",
                    "CITY_TERTIARY", "COUNTY");
            assertThat(higher).as(where).containsKey(r.get("indicator"));
            seenStatuses.add(r.get("status"));
            double t = Double.parseDouble(r.get("target"));
            if (r.get("value").isEmpty()) {
                assertThat(r.get("status")).as(where).isEqualTo("NO_DATA");
                assertThat(r.get("gap")).as(where).isEmpty();
                assertThat(r.get("rank_in_peers")).as(where).isEmpty();
            } else {
                double v = Double.parseDouble(r.get("value"));
                // the value is printed with 6 decimals: recompute at both ends of its rounding interval
                String low = status(v - 5e-7, t, r.get("comparator"));
                String high = status(v + 5e-7, t, r.get("comparator"));
                assertThat(r.get("status")).as(where + " value " + v + " target " + t).isIn(low, high);
                assertThat(Double.parseDouble(r.get("gap"))).as(where).isCloseTo(v - t, within(2e-6));
                assertThat(r.get("rank_in_peers")).as(where).isNotEmpty();
            }
            groups.computeIfAbsent(r.get("tier") + "|" + r.get("type") + "|" + r.get("indicator"),
                    k -> new ArrayList<>()).add(r);
        }
        assertThat(seenStatuses).contains("MET", "NOT_MET");
        assertThat(groups.keySet().stream().filter(k -> groups.get(k).size() > 1)).isNotEmpty();
        for (Map.Entry<String, List<Map<String, String>>> g : groups.entrySet()) {
            assertCompetitionRanking(g.getKey(), g.getValue(), higher.get(g.getValue().get(0).get("indicator")));
        }
    }

    /**
     * The ranks of a (tier, type, indicator) peer group: among the rows with a value, a better value (in the
     * indicator's direction) has a smaller rank, equal values the same rank, and rank = 1 + how many are strictly
     * better; peers = how many have a value.
     */
    static void assertCompetitionRanking(String group, List<Map<String, String>> rows, boolean higherBetter) {
        List<Map<String, String>> valued = rows.stream().filter(r -> !r.get("value").isEmpty()).toList();
        for (Map<String, String> r : rows) {
            assertThat(Integer.parseInt(r.get("peers"))).as(group).isEqualTo(valued.size());
        }
        for (Map<String, String> a : valued) {
            double va = Double.parseDouble(a.get("value"));
            int better = 0;
            int tied = 0;
            for (Map<String, String> b : valued) {
                if (b == a) {
                    continue;
                }
                double vb = Double.parseDouble(b.get("value"));
                if (vb == va) {
                    tied++;
                } else if (higherBetter ? vb > va : vb < va) {
                    better++;
                }
            }
            int rank = Integer.parseInt(a.get("rank_in_peers"));
            String where = group + " " + a.get("hospital_id") + " value " + va;
            // percentile = 100 (n − rank) / (n − 1) among the n peers with a value; none with fewer than two
            if (valued.size() < 2) {
                assertThat(a.get("percentile")).as(where).isEmpty();
            } else {
                assertThat(Double.parseDouble(a.get("percentile"))).as(where)
                        .isCloseTo(100.0 * (valued.size() - rank) / (valued.size() - 1), within(1e-6));
            }
            // values equal to 6 decimals may still differ: the rank is then anywhere among the tied places
            assertThat(rank).as(where).isBetween(1 + better, 1 + better + tied);
            for (Map<String, String> b : valued) {
                double vb = Double.parseDouble(b.get("value"));
                if (higherBetter ? vb > va : vb < va) {
                    assertThat(Integer.parseInt(b.get("rank_in_peers"))).as(where + " vs " + b.get("hospital_id"))
                            .isLessThan(rank);
                }
            }
        }
    }

    @Test
    void evaluate_cmi_equalsSumOfRwOverGroupedCasesOfThePeriod_forEveryHospital() {
        for (String[] p : new String[][] {{Q1, "2024-01-01", "2024-03-31"}, {"2024-02", "2024-02-01", "2024-02-29"}}) {
            CliRun run = ok("evaluate", "--data", data.toString(), "--period", p[0], "--format", "csv");
            CliRun sql = ok("sql", "--data", data.toString(), "SELECT hospital_id, sum(rw) / count(*) AS cmi "
                    + "FROM cases WHERE status = 'GROUPED' AND discharge_date BETWEEN DATE '" + p[1] + "' AND DATE '"
                    + p[2] + "' GROUP BY 1 ORDER BY 1");
            Map<String, Double> expected = new TreeMap<>();
            for (Map<String, String> r : records(sql.out())) {
                expected.put(r.get("hospital_id"), Double.parseDouble(r.get("cmi")));
            }
            assertThat(expected).as(p[0]).hasSize(12);

            Map<String, Double> actual = new TreeMap<>();
            for (Map<String, String> r : records(run.out())) {
                if (r.get("indicator").equals("cmi")) {
                    actual.put(r.get("hospital_id"), Double.parseDouble(r.get("value")));
                }
            }

            assertThat(actual.keySet()).as(p[0]).isEqualTo(expected.keySet());
            for (String h : expected.keySet()) {
                assertThat(actual.get(h)).as(p[0] + " " + h).isCloseTo(expected.get(h), within(1e-6));
            }
        }
    }

    @Test
    void evaluate_wholeYear_givesTheSameRowsAsTheMonthsWithData() {
        CliRun year = ok("evaluate", "--data", data.toString(), "--period", "2024", "--format", "csv");
        CliRun q1 = ok("evaluate", "--data", data.toString(), "--period", Q1, "--format", "csv");

        assertThat(year.err()).contains("期间 2024，");
        assertThat(year.out()).isEqualTo(q1.out());
    }

    @Test
    void evaluate_scores_csvHasFiveRowsPerHospital() {
        CliRun run = ok("evaluate", "--data", data.toString(), "--period", Q1, "--scores", "--format", "csv");

        assertThat(run.out()).startsWith("hospital_id,tier,type,dimension,score,indicators,rank_in_peers\n");
        List<Map<String, String>> rows = records(run.out());
        assertThat(rows).hasSize(12 * 5);
        Map<String, List<String>> byHospital = new TreeMap<>();
        for (Map<String, String> r : rows) {
            byHospital.computeIfAbsent(r.get("hospital_id"), k -> new ArrayList<>()).add(r.get("dimension"));
            if (!r.get("score").isEmpty()) {
                assertThat(Double.parseDouble(r.get("score"))).isBetween(0.0, 100.0);
                assertThat(r.get("rank_in_peers")).isNotEmpty();
            }
        }
        assertThat(byHospital).hasSize(12);
        assertThat(byHospital.values()).allSatisfy(d -> assertThat(d).containsExactly("QUALITY", "EFFICIENCY",
                "DEVELOPMENT", "SATISFACTION", "OVERALL"));
    }

    @Test
    void evaluate_badPeriod_failsCleanlyWithAChineseMessage() {
        for (String bad : List.of("2024-13", "2024-03..2024-01", "last year")) {
            CliRun run = CliRun.of("evaluate", "--data", data.toString(), "--period", bad, "--format", "csv");

            assertThat(run.exitCode()).as(bad).isEqualTo(ErrorReporter.DATA_ERROR);
            assertThat(run.err()).as(bad).contains("错误：").containsPattern("期间")
                    .doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(run.out()).as(bad).isEmpty();
        }
        CliRun run = CliRun.of("evaluate", "--data", data.toString(), "--period", "2024-13");
        assertThat(run.err()).contains("YYYY-MM").contains("'2024-13'");
        CliRun trend = CliRun.of("trend", "--data", data.toString(), "--period", "2024-13");
        assertThat(trend.exitCode()).isEqualTo(ErrorReporter.DATA_ERROR);
        assertThat(trend.err()).contains("'2024-13'").doesNotContain("Exception");
    }

    @Test
    void targetsLoad_thenEvaluate_usesTheLoadedSet() throws IOException {
        Path own = importInto("data-targets");
        Path file = Files.writeString(tmp.resolve("city-targets.tsv"), """
                # id: city-2024
                # name: 某市目标
                indicator\ttier\tcomparison\ttarget\tyear\tsource
                cmi\t*\tGE\t0.9\t\t某市规划
                alos\tCOUNTY\tLT\t9\t\t某市规划
                """);

        CliRun load = ok("targets", "load", "--data", own.toString(), file.toString());
        assertThat(load.out()).contains("已载入目标集 city-2024").contains("2 条目标");
        CliRun list = ok("targets", "list", "--data", own.toString());
        assertThat(list.out()).contains("* city-2024").contains("  design-default");

        CliRun run = ok("evaluate", "--data", own.toString(), "--period", Q1, "--format", "csv");

        assertThat(run.err()).contains("目标集 city-2024（某市目标）");
        List<Map<String, String>> rows = records(run.out());
        // cmi for all 12 hospitals; alos only for the COUNTY hospitals (as many as the register has)
        long county = rows.stream().filter(r -> r.get("indicator").equals("cmi") && r.get("tier").equals("COUNTY"))
                .count();
        assertThat(county).isPositive();
        assertThat(rows).hasSize(12 + (int) county);
        for (Map<String, String> r : rows) {
            if (r.get("indicator").equals("cmi")) {
                assertThat(List.of(r.get("target"), r.get("comparator"))).containsExactly("0.9", "GE");
            } else {
                assertThat(r.get("indicator")).isEqualTo("alos");
                assertThat(r.get("tier")).isEqualTo("COUNTY");
                assertThat(List.of(r.get("target"), r.get("comparator"))).containsExactly("9", "LT");
            }
        }
        CliRun bundled = ok("evaluate", "--data", own.toString(), "--period", Q1, "--format", "csv",
                "--targets", "design-default");
        assertThat(bundled.err()).contains("目标集 design-default");
        assertThat(records(bundled.out()).size()).isGreaterThan(rows.size());

        CliRun again = ok("targets", "load", "--data", own.toString(), file.toString());
        assertThat(again.out()).contains("已替换目标集 city-2024");
        CliRun unknown = CliRun.of("evaluate", "--data", own.toString(), "--period", Q1, "--targets", "nope");
        assertThat(unknown.exitCode()).isEqualTo(ErrorReporter.DATA_ERROR);
        assertThat(unknown.err()).contains("nope").contains("design-default").contains("city-2024");
    }

    @Test
    void trend_changesCsv_hasTheDocumentedHeader_andEachChangeLeavesMet() {
        CliRun run = ok("trend", "--data", data.toString(), "--period", Q1, "--format", "csv", "--changes");

        assertThat(run.out()).startsWith("hospital_id,hospital_name,indicator,from_month,to_month,status,value,target\n");
        for (Map<String, String> r : records(run.out())) {
            assertThat(r.get("status")).isIn("WARNING", "NOT_MET");
            assertThat(r.get("from_month")).matches("2024-0[12]");
            assertThat(r.get("to_month")).matches("2024-0[23]").isGreaterThan(r.get("from_month"));
        }
        CliRun series = ok("trend", "--data", data.toString(), "--period", Q1, "--format", "csv");
        assertThat(series.out()).startsWith("hospital_id,indicator,trend,slope_per_month,2024-01,2024-02,2024-03\n");
    }

    @Test
    void indicators_csv_listsTheDesignIndicators() {
        CliRun run = ok("indicators", "--format", "csv");

        assertThat(run.out()).startsWith("id,national_no,name,dimension,group,monitored,unit,direction,source,"
                + "computable\n");
        List<Map<String, String>> rows = records(run.out());
        assertThat(rows).extracting(r -> r.get("id")).doesNotHaveDuplicates().contains("cmi", "drg_count",
                "low_risk_mortality", "mortality", "surgery_share", "grade4_surgery_share", "grade3_4_surgery_share",
                "day_surgery_share", "readmission_31d_rate", "appointment_rate", "alos", "cost_index", "time_index",
                "cost_per_stay", "service_revenue_share", "drug_share", "material_share", "supplies_cost_share",
                "nurse_to_physician_ratio", "personnel_cost_share", "energy_per_10k_revenue",
                "drg_dip_payment_share", "emr_level", "patient_satisfaction", "staff_satisfaction");
        assertThat(rows).hasSize(31);
        for (Map<String, String> r : rows) {
            assertThat(r.get("direction")).isIn("HIGHER_BETTER", "LOWER_BETTER", "MONITOR");
            assertThat(r.get("computable")).isIn("true", "false");
            assertThat(r.get("national_no")).isEmpty();
        }
        // the operations are counted from the abstracts now: computable
        assertThat(rows).filteredOn(r -> r.get("id").equals("minimally_invasive_share")).singleElement()
                .satisfies(r -> assertThat(r.get("computable")).isEqualTo("true"));
    }

    @Test
    void indicators_nationalTertiary_are56NumberedInOrder_with26Monitored_andTheExternalOnesNotComputable() {
        List<Map<String, String>> rows = records(ok("indicators", "--set", "national-tertiary", "--format", "csv")
                .out());

        assertThat(rows).hasSize(56);
        for (int i = 0; i < 56; i++) {
            assertThat(rows.get(i).get("national_no")).isEqualTo(String.valueOf(i + 1));
        }
        assertThat(rows).filteredOn(r -> r.get("monitored").equals("▲")).hasSize(26);
        assertThat(rows.get(3).get("id")).isEqualTo("surgery_share");
        assertThat(rows.get(3).get("dimension")).isEqualTo("医疗质量");
        assertThat(rows).filteredOn(r -> r.get("computable").equals("false")).extracting(r -> r.get("national_no"))
                .containsExactly("10", "49", "52");
        assertThat(records(ok("indicators", "--set", "national-secondary", "--format", "csv").out())).hasSize(28);
        CliRun unknown = CliRun.of("indicators", "--set", "national");
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.err()).contains("national").contains("national-tertiary");
    }
}
