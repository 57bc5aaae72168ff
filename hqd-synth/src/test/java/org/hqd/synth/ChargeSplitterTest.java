package org.hqd.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class ChargeSplitterTest {
    private static final int SURGERY = 5;
    private static final int MATERIAL = 7;
    private static final int WESTERN = 8;
    private static final int HERBAL = 9;

    @Test
    void split_anyCost_partsAddUpExactlyAndStayNearTheCost() {
        SplittableRandom r = new SplittableRandom(3);
        long[] parts = new long[14];
        for (int i = 0; i < 10_000; i++) {
            long cents = 15_000 + r.nextLong(50_000_000);
            GroupKind kind = GroupKind.values()[r.nextInt(3)];
            long total = ChargeSplitter.split(r, kind, r.nextBoolean(), r.nextBoolean(), r.nextBoolean(), 1.0, cents,
                    parts, new double[14]);
            long sum = 0;
            for (long p : parts) {
                assertThat(p).isNotNegative();
                sum += p;
            }
            assertThat(total).isEqualTo(sum);
            assertThat(Math.abs(total - cents)).isLessThanOrEqualTo(14);
        }
    }

    @Test
    void split_noProcedure_noOperationFee() {
        SplittableRandom r = new SplittableRandom(4);
        long[] parts = new long[14];
        for (int i = 0; i < 1000; i++) {
            ChargeSplitter.split(r, GroupKind.SURGICAL, false, false, false, 1.0, 1_000_000, parts, new double[14]);
            assertThat(parts[SURGERY]).isZero();
        }
    }

    @Test
    void split_surgicalAgainstMedical_moreMaterialAndSurgeryLessDrugs() {
        double[] surgical = meanShares(GroupKind.SURGICAL, false);
        double[] medical = meanShares(GroupKind.MEDICAL, false);
        assertThat(surgical[MATERIAL]).isGreaterThan(2 * medical[MATERIAL]);
        assertThat(surgical[SURGERY]).isGreaterThan(0.1);
        assertThat(medical[SURGERY]).isZero();
        assertThat(medical[WESTERN]).isGreaterThan(surgical[WESTERN]);
    }

    @Test
    void split_tcmHospital_moreHerbalMedicine() {
        assertThat(meanShares(GroupKind.MEDICAL, true)[HERBAL])
                .isGreaterThan(5 * meanShares(GroupKind.MEDICAL, false)[HERBAL]);
    }

    private static double[] meanShares(GroupKind kind, boolean tcm) {
        SplittableRandom r = new SplittableRandom(5);
        long[] parts = new long[14];
        double[] shares = new double[14];
        int n = 2000;
        for (int i = 0; i < n; i++) {
            long total = ChargeSplitter.split(r, kind, tcm, true, false, 1.0, 2_000_000, parts, new double[14]);
            for (int k = 0; k < 14; k++) {
                shares[k] += parts[k] / (double) total / n;
            }
        }
        return shares;
    }
}
