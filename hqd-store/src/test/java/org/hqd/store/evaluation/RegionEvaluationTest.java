package org.hqd.store.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hqd.evaluation.DimensionScore;
import org.hqd.evaluation.Evaluation;
import org.hqd.evaluation.EvaluationPeriod;
import org.hqd.evaluation.EvaluationRequest;
import org.hqd.evaluation.EvaluationRow;
import org.hqd.evaluation.Evaluator;
import org.hqd.evaluation.TierFigures;
import org.hqd.evaluation.Weights;
import org.hqd.hospital.Hospital;
import org.hqd.hospital.HospitalTier;
import org.hqd.store.DataDirectory;
import org.hqd.store.fixtures.Stores;
import org.hqd.synth.GeneratorSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The national sets on a generated province of 8 hospitals. Its register (HospitalRegister.tierCounts(8): one
 * hospital per share rounded, at least one, the rest county), listed by tier, highest first:
 * H0001 NATIONAL_CENTER, H0002 NATIONAL_REGIONAL, H0003 PROVINCIAL_REGIONAL, H0004–H0005 CITY_TERTIARY (8 × 0.28 =
 * 2.24 → 2), H0006–H0008 COUNTY (8 − 5). So the tertiary set (56 indicators) rates 5 hospitals (280 rows with every
 * indicator) and leaves 3 out; the secondary set (28) rates 3 (84 rows) and leaves 5 out; HQD's own rates all 8.
 */
final class RegionEvaluationTest {
    @TempDir
    static Path tmp;

    /** The generator's three months (no DRG weights: no indicator here needs them to say who is rated). */
    static final EvaluationPeriod PERIOD = EvaluationPeriod.parse("2024-01..2024-03");
    static Path data;

    @BeforeAll
    static void generate() throws Exception {
        data = Stores.generated(tmp, GeneratorSettings.of(8, 3_000, 3, 7));
    }

    private static Evaluation evaluate(String set) throws Exception {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            return new RegionEvaluation(dir, Weights.standard()).evaluate(new EvaluationRequest(PERIOD,
                    Optional.empty(), set, Optional.empty(), Evaluator.DEFAULT_MARGIN, true));
        }
    }

    private static List<String> rated(Evaluation e) {
        return e.rows().stream().map(EvaluationRow::hospitalId).distinct().toList();
    }

    @Test
    void register_isTheOneWorkedOutAbove() throws Exception {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            assertThat(new MeasureQuery(dir).hospitals(Optional.empty()).stream()
                    .map(h -> h.id() + " " + h.tier().map(Enum::name).orElse("")).toList()).containsExactly(
                    "H0001 NATIONAL_CENTER", "H0002 NATIONAL_REGIONAL", "H0003 PROVINCIAL_REGIONAL",
                    "H0004 CITY_TERTIARY", "H0005 CITY_TERTIARY", "H0006 COUNTY", "H0007 COUNTY", "H0008 COUNTY");
        }
    }

    @Test
    void evaluate_tertiarySet_ratesTheFiveTertiaryHospitalsOnly() throws Exception {
        Evaluation e = evaluate("national-tertiary");

        assertThat(rated(e)).containsExactly("H0001", "H0002", "H0003", "H0004", "H0005");
        assertThat(e.rows()).hasSize(5 * 56).noneMatch(r -> r.tier().equals(Optional.of(HospitalTier.COUNTY)));
        assertThat(e.scores().stream().map(DimensionScore::hospitalId).distinct()).hasSize(5);
        assertThat(e.notApplicable().stream().map(Hospital::id)).containsExactly("H0006", "H0007", "H0008");
        assertThat(e.scopeNote()).hasValue("本指标体系适用于三级医院；不适用的 3 家医院未参评");
        // the tier figures (no. 1, a monitoring indicator) know the four tertiary tiers and 5 hospitals overall
        TierFigures.Line ratio = e.tierFigures().lines().stream()
                .filter(l -> l.indicator().id().equals("outpatient_inpatient_ratio")).findFirst().orElseThrow();
        assertThat(ratio.tiers().stream().map(TierFigures.Cell::tier).map(Optional::orElseThrow)).containsExactly(
                HospitalTier.NATIONAL_CENTER, HospitalTier.NATIONAL_REGIONAL, HospitalTier.PROVINCIAL_REGIONAL,
                HospitalTier.CITY_TERTIARY);
        assertThat(ratio.overall().hospitals()).isEqualTo(5);
        assertThat(ratio.overall().withValue()).isEqualTo(5);
    }

    @Test
    void evaluate_secondarySet_ratesTheThreeCountyHospitalsOnly() throws Exception {
        Evaluation e = evaluate("national-secondary");

        assertThat(rated(e)).containsExactly("H0006", "H0007", "H0008");
        assertThat(e.rows()).hasSize(3 * 28);
        assertThat(e.notApplicable()).hasSize(5);
        assertThat(e.scopeNote()).hasValue("本指标体系适用于二级医院（县级医院）；不适用的 5 家医院未参评");
    }

    @Test
    void evaluate_regionWithoutHospitals_isNamedOnce() throws Exception {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            RegionEvaluation r = new RegionEvaluation(dir, Weights.standard());
            for (String[] c : new String[][] {{"110000", "北京市（110000） 没有登记的医院"},
                {"990999", "地区 990999 没有登记的医院"}}) {
                assertThatThrownBy(() -> r.evaluate(new EvaluationRequest(PERIOD, Optional.of(c[0]), "hqd",
                        Optional.empty(), Evaluator.DEFAULT_MARGIN, true))).hasMessage(c[1]);
            }
        }
    }

    @Test
    void evaluate_ownSet_ratesAllEight() throws Exception {
        Evaluation e = evaluate("hqd");

        assertThat(rated(e)).hasSize(8);
        assertThat(e.notApplicable()).isEmpty();
        assertThat(e.scopeNote()).isEmpty();
    }

    @Test
    void monthly_tertiarySet_eachMonthRatesTheFiveOnly() throws Exception {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            Map<String, Evaluation> months = new RegionEvaluation(dir, Weights.standard()).monthly(
                    new EvaluationRequest(PERIOD, Optional.empty(), "national-tertiary", Optional.empty(),
                            Evaluator.DEFAULT_MARGIN, false));

            assertThat(months).hasSize(3);
            months.values().forEach(m -> assertThat(m.notApplicable()).hasSize(3));
            months.values().forEach(m -> assertThat(m.scores().stream().map(DimensionScore::hospitalId).distinct())
                    .hasSize(5));
        }
    }
}
