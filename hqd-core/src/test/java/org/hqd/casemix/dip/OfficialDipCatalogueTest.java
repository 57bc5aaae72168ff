package org.hqd.casemix.dip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalDouble;
import org.hqd.RuleFileException;
import org.hqd.RuleFileProblem;
import org.hqd.payment.CaseCostSource;
import org.hqd.payment.CaseType;
import org.hqd.payment.GroupWeight;
import org.hqd.payment.PaymentCase;
import org.hqd.payment.PaymentEvaluator;
import org.hqd.payment.PaymentMethod;
import org.hqd.payment.PaymentWeights;
import org.hqd.payment.Settlement;
import org.junit.jupiter.api.Test;

/** An official DIP catalogue: its keys, grouping cases into it, the auxiliary catalogue and DIP 偏差病例 payment. */
final class OfficialDipCatalogueTest {
    private static final String CATALOGUE = """
            group_code,principal_dx,operations,score,mean_cost,type,name
            K35.8:47.0900,K35.800x001,47.0900,800,8000,,阑尾切除
            K35.8:47.0100+54.2100,K35.8,54.2100+47.0100,1100,,core,腹腔镜下阑尾切除伴探查
            K35.8,K35.8,,400,4000,,阑尾炎保守治疗
            K35:综合手术,K35,手术,900,9000,comprehensive,阑尾炎其他手术
            """;

    private static OfficialDipCatalogue catalogue() {
        return OfficialDipCatalogue.parse(CATALOGUE, "dip.csv", OptionalDouble.of(10));
    }

    @Test
    void parse_coreAndComprehensiveRows_keysAndMeans() {
        assertThat(catalogue().groups()).extracting(g -> g.group().key(), g -> g.group().meanCost(), g -> g.code())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("K35.8|47.0900", 8000.0, "K35.8:47.0900"),
                        // no mean_cost: score × point value = 1100 × 10
                        org.assertj.core.groups.Tuple.tuple("K35.8|47.0100+54.2100", 11_000.0, "K35.8:47.0100+54.2100"),
                        org.assertj.core.groups.Tuple.tuple("K35.8|", 4000.0, "K35.8"),
                        org.assertj.core.groups.Tuple.tuple("K35/SURGERY", 9000.0, "K35:综合手术"));
    }

    @Test
    void group_casesByTheirCatalogueOperations_coreElseComprehensive() {
        DipCatalog c = catalogue().catalog(DipParameters.DEFAULTS);

        // 99.1800 is in no core group: it does not change the key
        assertThat(c.group(new DipCase("K35.800x001", List.of("47.0900", "99.1800"), 1)).orElseThrow().key())
                .isEqualTo("K35.8|47.0900");
        assertThat(c.group(new DipCase("K35.800x002", List.of("54.2100", "47.0100"), 1)).orElseThrow().score())
                .isEqualTo(1100);
        assertThat(c.group(new DipCase("K35.800x001", List.of(), 1)).orElseThrow().key()).isEqualTo("K35.8|");
        // 47.0900 with 54.2100 is no core group: the comprehensive surgical group of K35
        assertThat(c.group(new DipCase("K35.300", List.of("47.0900", "54.2100"), 1)).orElseThrow().key())
                .isEqualTo("K35/SURGERY");
        assertThat(c.group(new DipCase("K36.x00", List.of("47.0900"), 1))).isEmpty();
    }

    @Test
    void parse_badRows_everyProblemWithItsLine() {
        String bad = """
                group_code,principal_dx,operations,score,mean_cost,type
                A,K35.8,47.0900,0,8000,
                B,K35.8,47.0900,800,,
                C,K35,针灸,100,100,comprehensive
                D,K35.8,47.0900,700,7000,special
                """;

        assertThatThrownBy(() -> OfficialDipCatalogue.parse(bad, "bad.csv", OptionalDouble.empty()))
                .isInstanceOfSatisfying(RuleFileException.class, e -> assertThat(e.problems())
                        .extracting(RuleFileProblem::where)
                        // line 3 twice: no mean cost, and the same group as line 2
                        .containsExactly("第 2 行", "第 3 行", "第 3 行", "第 4 行", "第 5 行"));
        assertThatThrownBy(() -> OfficialDipCatalogue.parse("code,score\n", "x.csv", OptionalDouble.empty()))
                .hasMessageContaining("缺少列 group_code");
    }

    @Test
    void charlson_conditionsOnceSevereFormReplacesMild() {
        // MI 1 + CHF 1 (two codes, counted once) + diabetes with complications 2 (replaces uncomplicated) + metastasis 6
        // (replaces cancer 2)
        assertThat(Charlson.standard().index(List.of("I21.000", "I50.900", "I50.100", "E11.900", "E11.200x001",
                "C34.900", "C78.000"))).isEqualTo(10);
        assertThat(Charlson.standard().index(List.of("K35.800", "J18.900"))).isZero();
    }

    @Test
    void adjust_firstLevelOfEachKind_coefficientsMultiply() {
        DipAuxiliary aux = DipAuxiliary.parse("""
                kind	level	condition	coefficient	source
                CCI	2	cci>=3	1.2	测试
                CCI	1	cci>=1	1.1	测试
                AGE	老年	age_years>=65	1.05	测试
                TUMOUR	转移	secondary_dx^C77|C78|C79	1.3	测试
                """, "aux.tsv");

        DipAuxiliary.Adjustment a = aux.adjust(new AuxCase(List.of("I21.000", "I50.900", "C78.000"), List.of(), 70, -1,
                "1"));
        // CCI = 1 + 1 + 6 = 8 ≥ 3: 1.2; 70 years: 1.05; metastasis: 1.3
        assertThat(a.coefficient()).isEqualTo(1.2 * 1.05 * 1.3);
        assertThat(a.levels()).isEqualTo("CCI:2;AGE:老年;TUMOUR:转移");
        assertThat(aux.adjust(new AuxCase(List.of("J18.900"), List.of(), 40, -1, "1")).coefficient()).isEqualTo(1.0);
    }

    @Test
    void parse_auxiliaryWithBadConditions_everyLine() {
        assertThatThrownBy(() -> DipAuxiliary.parse("""
                kind	level	condition	coefficient
                CCI	1	cci>=x	1.1
                AGE	老年	age>=65	1.05
                AGE	幼儿	age_years<=3	-1
                """, "aux.tsv")).isInstanceOfSatisfying(RuleFileException.class, e -> assertThat(e.problems())
                .extracting(RuleFileProblem::where).containsExactly("第 2 行", "第 3 行", "第 4 行"));
    }

    @Test
    void settle_dipDeviationCases_asTheTechnicalSpecification() {
        // score 1000, mean 10,000 yuan, 10 yuan a point; the case's auxiliary coefficient 1.1
        PaymentWeights w = new PaymentWeights("DIP", java.util.Map.of("K35.8|47.0900",
                new GroupWeight("K35.8|47.0900", 1000, 10_000)), OptionalDouble.empty(), OptionalDouble.of(10));
        PaymentEvaluator pay = PaymentEvaluator.of(PaymentMethod.DIP.bundledRules(), w, 10, CaseCostSource.CHARGES);
        java.util.function.DoubleFunction<Settlement> at = cost -> pay.settle(new PaymentCase("H1", "R1", "1", true,
                "K35.8|47.0900", cost, "1", 5, "", 1.1));

        // normal: 1000 × 1.1 = 1100 points → 11,000.00
        assertThat(at.apply(12_000).points()).isCloseTo(1100, org.assertj.core.api.Assertions.within(1e-9));
        // ≥ 2 times the mean: [(25000 / 10000 − 2) + 1] × 1100 = 1650
        Settlement high = at.apply(25_000);
        assertThat(high.type()).isEqualTo(CaseType.HIGH);
        assertThat(high.points()).isCloseTo(1650, org.assertj.core.api.Assertions.within(1e-9));
        // below half the mean: 4000 / 10000 × 1100 = 440 → 4,400.00
        Settlement low = at.apply(4000);
        assertThat(low.type()).isEqualTo(CaseType.LOW);
        assertThat(low.paymentFen()).isEqualTo(440_000);
    }
}
