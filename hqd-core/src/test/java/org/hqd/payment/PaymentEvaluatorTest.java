package org.hqd.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Settlements under the bundled CHS-DRG point rules, computed by hand. Weight table: AA11 weight 0.8 with a published
 * mean of 8,000 yuan; BB11 weight 1.5 without one (mean = 1.5 × the rate 10,000 = 15,000); CC11 weight 2.5 with a
 * mean of 30,000. Rate 10,000 yuan per weight, 100 points per weight: a point is worth 100 yuan.
 */
final class PaymentEvaluatorTest {
    private static final String TABLE = "drg,weight,base_cost\nAA11,0.8,8000\nBB11,1.5,\nCC11,2.5,30000\n";
    private static final PaymentWeights WEIGHTS = WeightTable.parse(TABLE, "weights.csv", "2026 官方权重",
            OptionalDouble.of(10_000), OptionalDouble.empty());
    private static final PaymentEvaluator PAY = PaymentEvaluator.of(PaymentRules.standard(), WEIGHTS, 100,
            CaseCostSource.CHARGES);

    private static Settlement settle(String payer, String drg, double charges, String discharge, int los) {
        return PAY.settle(PaymentCase.of("H1", "R1", payer, !drg.equals("0000"), drg, charges, discharge, los), true);
    }

    @Nested
    final class GroupCases {
        @Test
        void settle_costBetweenTheBands_normalAtBasePoints() {
            // r = 9000 / 8000 = 1.125: between 0.4 and 3 → 0.8 × 100 = 80 points × 100 = 8,000.00
            Settlement s = settle("1", "AA11", 9000, "1", 5);

            assertThat(s.type()).isEqualTo(CaseType.NORMAL);
            assertThat(s.points()).isEqualTo(80.0);
            assertThat(s.paymentFen()).isEqualTo(800_000);
            assertThat(s.balance()).isEqualTo(-1000.0);
            assertThat(s.weight()).isEqualTo(0.8);
        }

        @Test
        void settle_weightAtMostOneAndThreeTimesTheMean_highWithTheExcess() {
            // r = 30000 / 8000 = 3.75 ≥ 3 → 80 + (3.75 − 3) × 80 = 140 points → 14,000.00
            Settlement s = settle("1", "AA11", 30_000, "1", 20);

            assertThat(s.type()).isEqualTo(CaseType.HIGH);
            assertThat(s.points()).isEqualTo(140.0);
            assertThat(s.paymentFen()).isEqualTo(1_400_000);
        }

        @Test
        void settle_weightBetweenOneAndTwo_multipleTwoOnTheDerivedMean() {
            // BB11 mean = 1.5 × 10,000 = 15,000; r = 33000 / 15000 = 2.2 ≥ 2 → 150 + 0.2 × 150 = 180 → 18,000.00
            Settlement s = settle("2", "BB11", 33_000, "1", 9);

            assertThat(s.type()).isEqualTo(CaseType.HIGH);
            assertThat(s.points()).isCloseTo(180.0, within(1e-9));
            assertThat(s.paymentFen()).isEqualTo(1_800_000);
        }

        @Test
        void settle_weightAboveTwo_multipleOneAndAHalf() {
            // CC11: r = 48000 / 30000 = 1.6 ≥ 1.5 → 250 + 0.1 × 250 = 275 → 27,500.00; 1.4 × the mean is normal
            assertThat(settle("1", "CC11", 48_000, "1", 9).paymentFen()).isEqualTo(2_750_000);
            assertThat(settle("1", "CC11", 42_000, "1", 9).type()).isEqualTo(CaseType.NORMAL);
        }

        @Test
        void settle_exactlyTheMultiple_isHigh() {
            // r = 24000 / 8000 = 3: "cost ≥ 3 × the mean" → high, with no excess: 80 points
            Settlement s = settle("1", "AA11", 24_000, "1", 9);

            assertThat(s.type()).isEqualTo(CaseType.HIGH);
            assertThat(s.points()).isEqualTo(80.0);
        }

        @Test
        void settle_belowFourTenthsOfTheMean_lowInProportionToCost() {
            // r = 2000 / 8000 = 0.25 < 0.4 → 80 × 0.25 = 20 points → 2,000.00; exactly 0.4 is normal
            Settlement s = settle("1", "AA11", 2000, "1", 2);

            assertThat(s.type()).isEqualTo(CaseType.LOW);
            assertThat(s.points()).isEqualTo(20.0);
            assertThat(s.paymentFen()).isEqualTo(200_000);
            assertThat(settle("1", "AA11", 3200, "1", 2).type()).isEqualTo(CaseType.NORMAL);
        }
    }

    @Nested
    final class SpecialCases {
        @Test
        void settle_deathWithinADay_paidByCost() {
            // death-24h: 5000 / 10,000 yuan per weight × 100 = 50 points → 5,000.00 (not the low-outlier 80 × 0.625)
            Settlement s = settle("1", "AA11", 5000, "5", 1);

            assertThat(s.type()).isEqualTo(CaseType.SPECIAL);
            assertThat(s.rule()).isEqualTo("death-24h");
            assertThat(s.points()).isEqualTo(50.0);
            assertThat(s.paymentFen()).isEqualTo(500_000);
        }

        @Test
        void settle_deathAfterThreeDays_notTheSpecialRule() {
            Settlement s = settle("1", "AA11", 5000, "5", 3);

            assertThat(s.type()).isEqualTo(CaseType.NORMAL);
            assertThat(s.paymentFen()).isEqualTo(800_000);
        }

        @Test
        void settle_transfer_proportionalUpToTheBasePoints() {
            // BB11: 6000 / 15000 = 0.4 → 150 × 0.4 = 60 → 6,000.00; 20000 / 15000 > 1 → capped at 150 → 15,000.00
            Settlement cheap = settle("1", "BB11", 6000, "2", 4);
            Settlement dear = settle("1", "BB11", 20_000, "2", 4);

            assertThat(cheap.rule()).isEqualTo("transfer");
            assertThat(cheap.points()).isCloseTo(60.0, within(1e-9));
            assertThat(cheap.paymentFen()).isEqualTo(600_000);
            assertThat(dear.points()).isEqualTo(150.0);
            assertThat(dear.paymentFen()).isEqualTo(1_500_000);
        }

        @Test
        void settle_acceptedForReview_byCostWithItsReason() {
            Settlement s = PAY.settle(PaymentCase.of("H1", "R9", "1", true, "AA11", 50_000, "1", 30)
                    .withReview("罕见病，费用极高"), true);

            assertThat(s.type()).isEqualTo(CaseType.SPECIAL);
            assertThat(s.rule()).isEqualTo("review");
            assertThat(s.points()).isEqualTo(500.0);
            assertThat(s.trace()).anyMatch(l -> l.contains("特病单议") && l.contains("罕见病，费用极高"));
        }
    }

    @Nested
    final class OutsideTheGroups {
        @Test
        void settle_selfPay_notInsuredNoPointsNoPayment() {
            Settlement code = settle("7", "AA11", 9000, "1", 5);
            Settlement name = settle("自费", "AA11", 9000, "1", 5);

            assertThat(code.insured()).isFalse();
            assertThat(code.points()).isNaN();
            assertThat(code.payment()).isNaN();
            assertThat(code.balance()).isNaN();
            assertThat(name.payer()).isEqualTo("7");
            assertThat(name.insured()).isFalse();
        }

        @Test
        void settle_commercialAndUnknownPayers_notInsured() {
            assertThat(settle("5", "AA11", 9000, "1", 5).insured()).isFalse();
            Settlement unknown = settle("某保险", "AA11", 9000, "1", 5);
            assertThat(unknown.insured()).isFalse();
            assertThat(unknown.payer()).isEqualTo("某保险");
            assertThat(unknown.trace().get(0)).contains("不在规则的付款方式中");
        }

        @Test
        void settle_ungrouped_byCost() {
            // 12,345.67 / 10,000 × 100 = 123.4567 points × 100 = 12,345.67 yuan
            Settlement s = settle("1", "0000", 12_345.67, "1", 5);

            assertThat(s.type()).isEqualTo(CaseType.UNGROUPED);
            assertThat(s.group()).isEqualTo("0000");
            assertThat(s.weight()).isNaN();
            assertThat(s.points()).isCloseTo(123.4567, within(1e-9));
            assertThat(s.paymentFen()).isEqualTo(1_234_567);
        }

        @Test
        void settle_groupWithoutWeight_ungrouped() {
            Settlement s = settle("1", "ZZ19", 1000, "1", 5);

            assertThat(s.type()).isEqualTo(CaseType.UNGROUPED);
            assertThat(s.trace()).anyMatch(l -> l.contains("ZZ19") && l.contains("没有权重"));
        }
    }

    @Test
    void settle_pointValueWithFractions_roundedToTheFen() {
        // 140 points × 1.2345 yuan = 172.83 yuan
        PaymentEvaluator pay = PaymentEvaluator.of(PaymentRules.standard(), WEIGHTS, 1.2345, CaseCostSource.CHARGES);

        assertThat(pay.settle(PaymentCase.of("H1", "R1", "1", true, "AA11", 30_000, "1", 9)).paymentFen())
                .isEqualTo(17_283);
    }

    @Test
    void settle_costSourceSwapped_balanceAgainstThatCost() {
        PaymentEvaluator pay = PaymentEvaluator.of(PaymentRules.standard(), WEIGHTS, 100, c -> 6000);

        Settlement s = pay.settle(PaymentCase.of("H1", "R1", "1", true, "AA11", 9000, "1", 5));

        assertThat(s.type()).isEqualTo(CaseType.NORMAL);
        assertThat(s.balance()).isEqualTo(2000.0);
    }
}
