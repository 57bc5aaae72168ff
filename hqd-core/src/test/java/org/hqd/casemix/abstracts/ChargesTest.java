package org.hqd.casemix.abstracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class ChargesTest {
    /** Amounts 1, 2, ..., 14 in category order: bed 1 … western drug 9, herbal 10, patent drug 11 … other 14. */
    private static final double[] ONE_TO_FOURTEEN = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14};

    @Test
    void total_oneToFourteen_isTheirSum() {
        assertThat(Charges.of(ONE_TO_FOURTEEN).total()).isEqualTo(105.0);
    }

    @Test
    void drugs_oneToFourteen_isWesternHerbalAndPatent() {
        assertThat(Charges.of(ONE_TO_FOURTEEN).drugs()).isEqualTo(9 + 10 + 11);
    }

    @Test
    void drugs_onlyNonDrugCharges_isZero() {
        Charges c = Charges.of(500, 20, 300, 200, 100, 1000, 80, 400, 0, 0, 0, 50, 10, 5);

        assertThat(c.drugs()).isZero();
        assertThat(c.total()).isCloseTo(2665.0, within(1e-9));
    }

    @Test
    void get_eachCategory_readsItsPosition() {
        Charges c = Charges.of(ONE_TO_FOURTEEN);

        for (ChargeCategory k : ChargeCategory.values()) {
            assertThat(c.get(k)).as(k.name()).isEqualTo(k.ordinal() + 1.0);
        }
        assertThat(c.get(ChargeCategory.BED)).isEqualTo(1.0);
        assertThat(c.get(ChargeCategory.OTHER)).isEqualTo(14.0);
    }

    @Test
    void none_everyCategory_isZero() {
        assertThat(Charges.NONE.total()).isZero();
        assertThat(Charges.NONE.drugs()).isZero();
        assertThat(Charges.NONE).isEqualTo(Charges.of(new double[14]));
    }

    @Test
    void of_wrongNumberOfAmounts_throwsGivingTheCount() {
        assertThatThrownBy(() -> Charges.of(1, 2, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("14").hasMessageContaining("3");
        assertThatThrownBy(() -> Charges.of(new double[15])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void of_array_isCopied() {
        double[] amounts = ONE_TO_FOURTEEN.clone();
        Charges c = Charges.of(amounts);
        amounts[0] = 1000;

        assertThat(c.get(ChargeCategory.BED)).isEqualTo(1.0);
    }

    @Test
    void equals_sameAmounts_areEqualWithTheSameHash() {
        assertThat(Charges.of(ONE_TO_FOURTEEN)).isEqualTo(Charges.of(ONE_TO_FOURTEEN))
                .hasSameHashCodeAs(Charges.of(ONE_TO_FOURTEEN)).isNotEqualTo(Charges.NONE);
    }
}
