package org.hqd.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.hqd.casemix.CaseFilter;
import org.hqd.casemix.performance.UnitLevel;
import org.hqd.casemix.performance.UnitPerformance;
import org.hqd.casemix.standards.GroupStandard;
import org.hqd.evaluation.Evaluation;
import org.hqd.evaluation.EvaluationPeriod;
import org.hqd.evaluation.EvaluationRequest;
import org.hqd.evaluation.EvaluationRow;
import org.hqd.evaluation.Evaluator;
import org.hqd.evaluation.Weights;
import org.hqd.store.evaluation.MeasureQuery;
import org.hqd.store.evaluation.RegionEvaluation;
import org.hqd.store.query.UnitMetricsQuery;
import org.hqd.store.standards.StandardsStore;

/**
 * The Spark job's tables against the embedded path on the same province: the grouping of every case exactly and the
 * same rejected rows; every DRG's standard, every hospital's metrics and every evaluation row, counts and statuses
 * exactly, amounts to 1e-9 relative.
 *
 * @param tables a table written by the job, by name
 */
record Equivalence(EmbeddedProvince embedded, Function<String, List<Row>> tables) {
    void assertAll() throws SQLException {
        casesAndRejects();
        standards();
        hospitalMetrics();
        evaluation();
    }

    /** The months the embedded path evaluates by default: those of the discharges. */
    EvaluationPeriod period() {
        return new MeasureQuery(embedded.dir()).dischargeMonths().orElseThrow();
    }

    void casesAndRejects() throws SQLException {
        Map<String, String> grouped = new HashMap<>();
        Map<String, Double> weights = new HashMap<>();
        try (Statement s = embedded.dir().connection().createStatement();
             ResultSet r = s.executeQuery("SELECT hospital_id, record_id, status, mdc, adrg, drg, rw FROM cases")) {
            while (r.next()) {
                String key = r.getString(1) + "/" + r.getString(2);
                grouped.put(key, text(r.getString(3)) + "|" + text(r.getString(4)) + "|" + text(r.getString(5)) + "|"
                        + text(r.getString(6)));
                double rw = r.getDouble(7);
                if (!r.wasNull()) {
                    weights.put(key, rw);
                }
            }
        }
        List<Row> cases = tables.apply("cases");
        assertThat(grouped).hasSize(embedded.records()).doesNotContainKey("BAD-NODX");
        assertThat(cases).hasSize(grouped.size());
        int withWeight = 0;
        for (Row r : cases) {
            String key = r.getAs("hospital_id") + "/" + r.getAs("record_id");
            assertThat(text(r.getAs("status")) + "|" + text(r.getAs("mdc")) + "|" + text(r.getAs("adrg")) + "|"
                    + text(r.getAs("drg"))).as(key).isEqualTo(grouped.get(key));
            if (weights.containsKey(key)) {
                close(key + " rw", weights.get(key), r.getAs("rw"));
                withWeight++;
            } else {
                assertThat((Object) r.getAs("rw")).as(key + " has no rw").isNull();
            }
        }
        assertThat(withWeight).isGreaterThan(embedded.records() * 5 / 6);
        assertThat(tables.apply("rejects")).extracting(r -> r.getAs("record_id").toString())
                .containsExactlyInAnyOrder("BAD-NODX", "BAD-COST");
    }

    void standards() {
        List<GroupStandard> expected = new StandardsStore(embedded.dir()).current();
        Map<String, Row> spark = new HashMap<>();
        tables.apply("standards").forEach(r -> spark.put(r.getAs("drg"), r));
        assertThat(spark.keySet()).containsExactlyInAnyOrderElementsOf(expected.stream().map(GroupStandard::drg).toList());
        for (GroupStandard g : expected) {
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

    void hospitalMetrics() {
        List<UnitPerformance> expected = new UnitMetricsQuery(embedded.dir()).run(UnitLevel.HOSPITAL, CaseFilter.ALL);
        Map<String, Row> spark = new HashMap<>();
        tables.apply("metrics_hospital").forEach(r -> spark.put(r.getAs("unit"), r));
        assertThat(spark).hasSize(expected.size()).hasSize(embedded.hospitals());
        for (UnitPerformance u : expected) {
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

    void evaluation() {
        EvaluationPeriod period = period();
        Evaluation expected = new RegionEvaluation(embedded.dir(), Weights.standard()).evaluate(
                new EvaluationRequest(period, Optional.empty(), Optional.empty(), Evaluator.DEFAULT_MARGIN, false));
        Map<String, Row> spark = new HashMap<>();
        tables.apply("evaluation").forEach(r -> spark.put(r.getAs("hospital_id") + "/" + r.getAs("indicator"), r));
        assertThat(spark).hasSize(expected.rows().size());
        int withValue = 0;
        for (EvaluationRow e : expected.rows()) {
            String key = e.hospitalId() + "/" + e.indicator().id();
            Row r = spark.get(key);
            assertThat(r).as(key).isNotNull();
            close(key, e.value(), r, "value");
            close(key, e.gap(), r, "gap");
            assertThat(text(r.getAs("status"))).as(key).isEqualTo(e.status().map(Enum::name).orElse(""));
            assertThat((Object) r.getAs("rank_in_peers")).as(key).isEqualTo(e.rankInPeers().isPresent()
                    ? e.rankInPeers().getAsInt() : null);
            assertThat(text(r.getAs("tier"))).isEqualTo(e.tier().map(Enum::name).orElse(""));
            withValue += e.value().isPresent() ? 1 : 0;
        }
        // the indicators with targets that have data, from the abstracts and the facility reports (CMI, ALOS, nurse
        // ratio, EMR level, …): at least eight per hospital
        assertThat(withValue).isGreaterThanOrEqualTo(8 * embedded.hospitals());
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
}
