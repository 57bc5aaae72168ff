package org.hqd.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hqd.casemix.performance.UnitPerformance;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.casemix.standards.GroupStandard;
import org.hqd.evaluation.Evaluation;
import org.hqd.evaluation.EvaluationPeriod;
import org.hqd.evaluation.EvaluationRow;
import org.hqd.evaluation.Evaluator;
import org.hqd.evaluation.IndicatorCatalog;
import org.hqd.evaluation.Weights;
import org.hqd.quality.QualityRuleCatalog;
import org.hqd.store.DataDirectory;
import org.hqd.store.evaluation.MeasureQuery;
import org.hqd.store.evaluation.RegionEvaluation;
import org.hqd.store.importing.Importer;
import org.hqd.store.query.CaseFilter;
import org.hqd.store.query.UnitMetricsQuery;
import org.hqd.store.standards.StandardsStore;
import org.hqd.synth.GeneratorSettings;
import org.hqd.synth.SyntheticProvince;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded path and the Spark path on the same generated province (8 hospitals, 6,000 discharges, 12 months,
 * with a few rows the quality rules reject): every output table compared — the grouping of every case exactly, the
 * weights, standards, hospital metrics and evaluation values to 1e-9 relative.
 */
final class EmbeddedEquivalenceTest {
    @TempDir
    static Path tmp;

    static SparkSession spark;
    static DataDirectory dir;
    static Path output;
    static CasemixJob.Summary summary;

    @BeforeAll
    static void runBoth() throws Exception {
        Path source = tmp.resolve("src");
        SyntheticProvince.standard().writeTo(GeneratorSettings.of(8, 6_000, 12, 31), source);
        // rows the rules reject (no principal diagnosis; a negative cost), so both paths must keep the same ones out
        java.nio.file.Files.writeString(source.resolve("abstracts.csv"), badRows(source.resolve("abstracts.csv")),
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        dir = DataDirectory.openForWriting(tmp.resolve("data"));
        Importer importer = new Importer(dir, RulePackCatalog.bundled(), QualityRuleCatalog.standard(),
                new Importer.Settings(StandardCharsets.UTF_8, 2, Optional.empty()));
        for (Path f : importer.inImportOrder(Importer.expand(List.of(source)))) {
            importer.importFile(f);
        }
        new StandardsStore(dir).ensureComputed(RulePackCatalog.DEFAULT_PACK);

        spark = CasemixJob.configure(SparkSession.builder().master("local[2]").appName("equivalence")).getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        output = tmp.resolve("out");
        summary = new CasemixJob(spark).run(new CasemixJob.Settings(RulePackCatalog.DEFAULT_PACK, source.toString(),
                Optional.empty(), Optional.empty(), output.toString(), Optional.empty()));
    }

    /** Two copies of the file's first data row: one without a principal diagnosis, one with a negative total cost. */
    static String badRows(Path abstracts) throws java.io.IOException {
        List<String> lines = java.nio.file.Files.readAllLines(abstracts);
        List<String> header = List.of(lines.get(0).split(",", -1));
        String[] a = lines.get(1).split(",", -1);
        String[] b = lines.get(1).split(",", -1);
        a[header.indexOf("record_id")] = "BAD-NODX";
        a[header.indexOf("principal_dx")] = "";
        b[header.indexOf("record_id")] = "BAD-COST";
        b[header.indexOf("total_cost")] = "-5";
        return String.join(",", a) + "\n" + String.join(",", b) + "\n";
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
        if (dir != null) {
            dir.close();
        }
    }

    static List<Row> table(String name) {
        return spark.read().parquet(output.resolve(name).toString()).collectAsList();
    }

    static void close(String what, double embedded, Object spark) {
        assertThat(spark).as(what + " (embedded " + embedded + ")").isNotNull();
        double s = ((Number) spark).doubleValue();
        double scale = Math.max(Math.abs(embedded), Math.abs(s));
        assertThat(Math.abs(embedded - s)).as(what + ": embedded " + embedded + ", spark " + s).isLessThanOrEqualTo(1e-9 * scale);
    }

    static void close(String what, OptionalDouble embedded, Row r, String column) {
        Object v = r.isNullAt(r.fieldIndex(column)) ? null : r.get(r.fieldIndex(column));
        if (embedded.isEmpty()) {
            assertThat(v).as(what + " " + column + " has no value on either path").isNull();
        } else {
            close(what + " " + column, embedded.getAsDouble(), v);
        }
    }

    static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    @Test
    void everyCaseIsGroupedTheSame_andTheSameRowsAreRejected() throws Exception {
        Map<String, String> embedded = new HashMap<>();
        Map<String, Double> weights = new HashMap<>();
        try (Statement s = dir.connection().createStatement();
             ResultSet r = s.executeQuery("SELECT hospital_id, record_id, status, mdc, adrg, drg, rw FROM cases")) {
            while (r.next()) {
                String key = r.getString(1) + "/" + r.getString(2);
                embedded.put(key, text(r.getString(3)) + "|" + text(r.getString(4)) + "|" + text(r.getString(5)) + "|"
                        + text(r.getString(6)));
                double rw = r.getDouble(7);
                if (!r.wasNull()) {
                    weights.put(key, rw);
                }
            }
        }
        List<Row> cases = table("cases");
        assertThat(cases).hasSize(embedded.size());
        assertThat(embedded).hasSize(6_000).doesNotContainKey("BAD-NODX");
        int withWeight = 0;
        for (Row r : cases) {
            String key = r.getAs("hospital_id") + "/" + r.getAs("record_id");
            assertThat(text(r.getAs("status")) + "|" + text(r.getAs("mdc")) + "|" + text(r.getAs("adrg")) + "|"
                    + text(r.getAs("drg"))).as(key).isEqualTo(embedded.get(key));
            if (weights.containsKey(key)) {
                close(key + " rw", weights.get(key), r.getAs("rw"));
                withWeight++;
            } else {
                assertThat((Object) r.getAs("rw")).as(key + " has no rw").isNull();
            }
        }
        assertThat(withWeight).isGreaterThan(5_000);
        assertThat(table("rejects")).extracting(r -> r.getAs("record_id").toString()).containsExactlyInAnyOrder("BAD-NODX", "BAD-COST");
        assertThat(summary.read()).isEqualTo(6_002);
        assertThat(summary.rejected()).isEqualTo(2);
    }

    @Test
    void standardsAreTheSame() {
        List<GroupStandard> embedded = new StandardsStore(dir).current();
        Map<String, Row> spark = new HashMap<>();
        table("standards").forEach(r -> spark.put(r.getAs("drg"), r));
        assertThat(spark.keySet()).containsExactlyInAnyOrderElementsOf(embedded.stream().map(GroupStandard::drg).toList());
        for (GroupStandard g : embedded) {
            Row r = spark.get(g.drg());
            assertThat(((Number) r.getAs("cases")).intValue()).as(g.drg()).isEqualTo(g.cases());
            assertThat(((Number) r.getAs("trimmed_cases")).intValue()).as(g.drg()).isEqualTo(g.trimmedCases());
            assertThat(((Number) r.getAs("risk_level")).intValue()).as(g.drg()).isEqualTo(g.riskLevel());
            assertThat((String) r.getAs("drg_name")).as(g.drg()).isNotBlank();
            double[] e = {g.rw(), g.meanCost(), g.medianCost(), g.p25Cost(), g.p75Cost(), g.p90Cost(), g.meanLos(),
                g.meanDrugCost(), g.meanConsumableCost(), g.meanExamLabCost(), g.mortality()};
            String[] c = {"rw", "mean_cost", "median_cost", "p25_cost", "p75_cost", "p90_cost", "mean_los", "mean_drug_cost",
                "mean_consumable_cost", "mean_exam_lab_cost", "mortality"};
            for (int i = 0; i < e.length; i++) {
                close(g.drg() + " " + c[i], e[i], r.getAs(c[i]));
            }
        }
    }

    @Test
    void hospitalMetricsAreTheSame() {
        List<UnitPerformance> embedded = new UnitMetricsQuery(dir).run(UnitMetricsQuery.Level.HOSPITAL, CaseFilter.ALL);
        Map<String, Row> spark = new HashMap<>();
        table("metrics_hospital").forEach(r -> spark.put(r.getAs("unit"), r));
        assertThat(spark).hasSize(embedded.size()).hasSize(8);
        for (UnitPerformance u : embedded) {
            Row r = spark.get(u.unit());
            assertThat(((Number) r.getAs("cases")).longValue()).isEqualTo(u.cases());
            assertThat(((Number) r.getAs("grouped")).longValue()).isEqualTo(u.grouped());
            assertThat(((Number) r.getAs("drg_count")).intValue()).isEqualTo(u.drgCount());
            close(u.unit() + " total_weight", u.totalWeight(), r.getAs("total_weight"));
            close(u.unit(), u.cmi(), r, "cmi");
            close(u.unit(), u.costIndex(), r, "cost_index");
            close(u.unit(), u.timeIndex(), r, "time_index");
            close(u.unit(), u.drugIndex(), r, "drug_index");
            close(u.unit(), u.consumableIndex(), r, "consumable_index");
            close(u.unit(), u.lowRiskMortality(), r, "low_risk_mortality");
            close(u.unit(), u.midLowRiskMortality(), r, "mid_low_risk_mortality");
            close(u.unit(), u.alos(), r, "alos");
            close(u.unit(), u.mortality(), r, "mortality");
            close(u.unit(), u.meanCost(), r, "mean_cost");
        }
    }

    @Test
    void theEvaluationIsTheSame() {
        EvaluationPeriod period = new MeasureQuery(dir).dischargeMonths().orElseThrow();
        assertThat(summary.period()).isEqualTo(period);
        Evaluation embedded = new RegionEvaluation(dir, IndicatorCatalog.standard(), Weights.standard()).evaluate(
                new RegionEvaluation.Request(period, Optional.empty(), Optional.empty(), Evaluator.DEFAULT_MARGIN, false));
        Map<String, Row> spark = new HashMap<>();
        table("evaluation").forEach(r -> spark.put(r.getAs("hospital_id") + "/" + r.getAs("indicator"), r));
        assertThat(spark).hasSize(embedded.rows().size());
        int withValue = 0;
        for (EvaluationRow e : embedded.rows()) {
            String key = e.hospitalId() + "/" + e.indicator().id();
            Row r = spark.get(key);
            assertThat(r).as(key).isNotNull();
            close(key, e.value(), r, "value");
            close(key, e.gap(), r, "gap");
            assertThat(text(r.getAs("status"))).as(key).isEqualTo(e.status().map(Enum::name).orElse(""));
            assertThat((Object) r.getAs("rank_in_tier")).as(key).isEqualTo(e.rankInTier().isPresent()
                    ? e.rankInTier().getAsInt() : null);
            assertThat(text(r.getAs("tier"))).isEqualTo(e.tier().map(Enum::name).orElse(""));
            withValue += e.value().isPresent() ? 1 : 0;
        }
        // the indicators with targets that have data, from the abstracts and the facility reports (CMI, ALOS, nurse
        // ratio, EMR level, …): at least eight per hospital
        assertThat(withValue).isGreaterThanOrEqualTo(8 * 8);
    }
}
