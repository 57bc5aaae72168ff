package org.hqd.store.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hqd.casemix.CaseFilter;
import org.hqd.payment.CaseCostSource;
import org.hqd.payment.GroupWeight;
import org.hqd.payment.PaymentCase;
import org.hqd.payment.PaymentEvaluator;
import org.hqd.payment.PaymentRules;
import org.hqd.payment.PaymentWeights;
import org.hqd.payment.Settlement;
import org.hqd.store.DataDirectory;
import org.hqd.store.fixtures.Stores;
import org.hqd.store.standards.StandardsStore;
import org.hqd.synth.GeneratorSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL settlement equals the core's {@link PaymentEvaluator} (an independent computation, in Java) on every case of a
 * generated province: same payer, insured flag, weight, case type, rule, points to the last bit, payment, cost and
 * balance to the fen.
 */
final class SettlementEquivalenceTest {
    @TempDir
    static Path tmp;

    static Path data;

    @BeforeAll
    static void generateAndImport() throws Exception {
        data = Stores.generated(tmp, GeneratorSettings.of(8, 12_000, 4, 19), dir -> {
            new StandardsStore(dir).compute(Optional.empty(), Optional.empty(),
                    org.hqd.casemix.standards.StandardsParameters.DEFAULTS, "chs-drg-1.1");
            // two cases accepted for 特病单议
            try (Statement s = dir.connection().createStatement(); ResultSet r = s.executeQuery(
                    "SELECT hospital_id, record_id FROM case_records ORDER BY total_cost DESC LIMIT 2")) {
                PaymentStore store = new PaymentStore(dir);
                while (r.next()) {
                    store.putReview(new org.hqd.payment.Review(r.getString(1), r.getString(2), "费用极高，专家评议通过",
                            Instant.EPOCH, "测试"));
                }
            }
        });
    }

    /** The cases as the core sees them, by hospital and record. */
    private static Map<String, PaymentCase> cases(DataDirectory dir) throws Exception {
        Map<String, PaymentCase> out = new LinkedHashMap<>();
        try (Statement s = dir.connection().createStatement(); ResultSet r = s.executeQuery(
                "SELECT c.hospital_id, c.record_id, coalesce(c.payer, ''), c.status = 'GROUPED', coalesce(c.drg, ''), "
                        + "c.total_cost, coalesce(c.discharge_method, ''), coalesce(c.los_days, -1), "
                        + "coalesce(v.reason, '') FROM case_records c LEFT JOIN payment_reviews v "
                        + "ON v.hospital_id = c.hospital_id AND v.record_id = c.record_id")) {
            while (r.next()) {
                double cost = r.getDouble(6);
                out.put(r.getString(1) + "/" + r.getString(2), new PaymentCase(r.getString(1), r.getString(2),
                        r.getString(3), r.getBoolean(4), r.getString(5), r.wasNull() ? Double.NaN : cost,
                        r.getString(7), r.getInt(8), r.getString(9), 1));
            }
        }
        return out;
    }

    private static void assertSame(List<Settlement> sql, Map<String, PaymentCase> cases,
                                   java.util.function.Function<PaymentCase, Settlement> core, String... kinds) {
        assertThat(sql).hasSize(cases.size());
        Map<String, Integer> types = new HashMap<>();
        for (Settlement s : sql) {
            Settlement j = core.apply(cases.get(s.hospitalId() + "/" + s.recordId()));
            String at = s.hospitalId() + "/" + s.recordId();
            assertThat(s.payer()).as(at).isEqualTo(j.payer());
            assertThat(s.insured()).as(at).isEqualTo(j.insured());
            assertThat(s.group()).as(at).isEqualTo(j.group());
            assertThat(Double.doubleToLongBits(s.weight())).as(at).isEqualTo(Double.doubleToLongBits(j.weight()));
            assertThat(s.type()).as(at).isEqualTo(j.type());
            assertThat(s.rule()).as(at).isEqualTo(j.rule());
            assertThat(Double.doubleToLongBits(s.points())).as(at + " points " + s.points() + " vs " + j.points())
                    .isEqualTo(Double.doubleToLongBits(j.points()));
            assertThat(s.paymentFen()).as(at).isEqualTo(j.paymentFen());
            assertThat(s.costFen()).as(at).isEqualTo(j.costFen());
            assertThat(s.balanceFen()).as(at).isEqualTo(j.balanceFen());
            types.merge(s.type().code() + (s.insured() ? "" : "/not-insured"), 1, Integer::sum);
        }
        // the province exercises these kinds of case
        assertThat(types.keySet()).contains(kinds);
    }

    @Test
    void settle_officialWeightsWithAndWithoutBaseCosts_sqlEqualsCore() throws Exception {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            PaymentRules rules = PaymentRules.standard();
            // an official table made from the standards: weights rounded to 4 places, every third mean cost left out,
            // every tenth group left out (its cases are ungrouped)
            Map<String, GroupWeight> groups = new LinkedHashMap<>();
            try (Statement s = dir.connection().createStatement(); ResultSet r = s.executeQuery(
                    "SELECT drg, round(rw, 4), round(mean_cost, 2) FROM standards WHERE rw > 0 ORDER BY drg")) {
                int i = 0;
                while (r.next()) {
                    if (i % 10 != 9) {
                        groups.put(r.getString(1), new GroupWeight(r.getString(1), r.getDouble(2),
                                i % 3 == 0 ? Double.NaN : r.getDouble(3)));
                    }
                    i++;
                }
            }
            PaymentWeights w = new PaymentWeights("测试官方权重", groups, OptionalDouble.of(9876.5), OptionalDouble.empty());
            PaymentStore.Loaded v = new PaymentStore(dir).loadWeights(w, "w.csv", "h", Instant.EPOCH, "测试");
            double ypp = w.yuanPerPoint(rules.pointsPerWeight()).getAsDouble();
            WeightBasis basis = WeightBasis.official(v.version(), "官方", w.yuanPerWeight(rules.pointsPerWeight()), ypp);

            List<Settlement> sql = new SettlementQuery(dir, rules, basis, CostBasis.CHARGES)
                    .rows(CaseFilter.ALL, Integer.MAX_VALUE);

            PaymentEvaluator core = PaymentEvaluator.of(rules, w, ypp, CaseCostSource.CHARGES);
            assertSame(sql, cases(dir), c -> core.settle(c), "normal", "high", "low", "special", "ungrouped",
                    "normal/not-insured");
        }
    }

    @Test
    void settle_standardsWithAHospitalsOwnRate_sqlEqualsCore() throws Exception {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            PaymentRules rules = PaymentRules.standard();
            String own = Stores.rows(dir.connection(), "SELECT min(hospital_id) FROM case_records").get(0);
            dir.putSetting(WeightBasis.HOSPITAL_RATE + own, "12000");
            Map<String, GroupWeight> groups = new LinkedHashMap<>();
            try (Statement s = dir.connection().createStatement(); ResultSet r = s.executeQuery(
                    "SELECT drg, rw, mean_cost FROM standards WHERE rw > 0 AND mean_cost > 0")) {
                while (r.next()) {
                    groups.put(r.getString(1), new GroupWeight(r.getString(1), r.getDouble(2), r.getDouble(3)));
                }
            }
            WeightBasis basis = WeightBasis.standards("HQD 权重", 9000, true, rules.pointsPerWeight());

            List<Settlement> sql = new SettlementQuery(dir, rules, basis, CostBasis.CHARGES)
                    .rows(CaseFilter.ALL, Integer.MAX_VALUE);

            // points at the region's rate (cost turns into points at 9,000 a weight); a point worth 90, or 120 yuan
            // at the hospital with its own rate of 12,000
            PaymentWeights region = new PaymentWeights("r", groups, OptionalDouble.of(9000), OptionalDouble.empty());
            PaymentEvaluator regionRate = PaymentEvaluator.of(rules, region, 90, CaseCostSource.CHARGES);
            PaymentEvaluator ownRate = PaymentEvaluator.of(rules, region, 120, CaseCostSource.CHARGES);
            assertSame(sql, cases(dir), c -> (c.hospitalId().equals(own) ? ownRate : regionRate).settle(c), "normal",
                    "high", "low", "special", "normal/not-insured");
            dir.execute("DELETE FROM settings WHERE key LIKE 'base_rate:%'");
        }
    }
}
