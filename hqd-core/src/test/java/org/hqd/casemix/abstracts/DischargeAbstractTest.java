package org.hqd.casemix.abstracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class DischargeAbstractTest {

    @Test
    void builder_nothingSet_everyFieldMissing() {
        DischargeAbstract a = DischargeAbstract.builder().build();

        assertThat(a.sex()).isEqualTo(Sex.UNKNOWN);
        assertThat(a.ageYears()).isEqualTo(DischargeAbstract.UNKNOWN);
        assertThat(a.ageDays()).isEqualTo(DischargeAbstract.UNKNOWN);
        assertThat(a.birthWeightG()).isEqualTo(DischargeAbstract.UNKNOWN);
        assertThat(a.losDays()).isEqualTo(DischargeAbstract.UNKNOWN);
        assertThat(a.principalDx()).isEmpty();
        assertThat(a.secondaryDx()).isEmpty();
        assertThat(a.totalCost()).isNaN();
        assertThat(a.charges()).isEqualTo(Charges.NONE);
        assertThat(a.birthDate()).isNull();
    }

    @Test
    void died_dischargeMethod_trueOnlyForFive() {
        assertThat(DischargeAbstract.builder().dischargeMethod("5").build().died()).isTrue();
        assertThat(DischargeAbstract.builder().dischargeMethod("1").build().died()).isFalse();
        assertThat(DischargeAbstract.builder().build().died()).isFalse();
    }

    @Test
    void hasProcedure_principalProcedure_trueOnlyWhenGiven() {
        assertThat(DischargeAbstract.builder().principalProc("47.0100").build().hasProcedure()).isTrue();
        assertThat(DischargeAbstract.builder().build().hasProcedure()).isFalse();
    }

    @Test
    void constructor_mutableLists_areCopied() {
        List<String> secondary = new ArrayList<>(List.of("J18.900"));
        DischargeAbstract a = DischargeAbstract.builder().secondaryDx(secondary).build();
        secondary.add("later");

        assertThat(a.secondaryDx()).containsExactly("J18.900");
    }

    @Test
    void codes_joinedList_strippedWithoutBlanks() {
        assertThat(DischargeAbstract.codes(" K35.8 | |K65.0|")).containsExactly("K35.8", "K65.0");
        assertThat(DischargeAbstract.codes("")).isEmpty();
        assertThat(DischargeAbstract.codes("I10")).containsExactly("I10");
    }
}
