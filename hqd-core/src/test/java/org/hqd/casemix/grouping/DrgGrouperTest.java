package org.hqd.casemix.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.abstracts.Sex;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link DrgGrouper} on the bundled CHS-DRG 1.1 pack. Expected groups were worked out from the pack files
 * (rules.json, cc.tsv, mcc.tsv, cc_exclusion.tsv):
 * <ul>
 *   <li>K35.800x001 急性阑尾炎 is in MDCG.mdc_zd; 47.0100 腹腔镜下阑尾切除术 is in GD2.adrg_ss (GD2: mainProcIn);
 *       GD2's DRGs are GD23 (anyOf MCC, CC) then GD25 (no condition). K35.800x001's exclusion table is 112.</li>
 *   <li>J18.900 肺炎 is a CC of table 101; N17.900 急性肾衰竭 an MCC of table 145.</li>
 *   <li>J12.000 腺病毒肺炎 groups to ES3 (ES31 MCC, ES33 MCC or CC, ES35) and its exclusion table is 101, so
 *       J18.900 does not count for it; E87.100 低渗透性和低钠血症 (CC, table 52) and J96.000 急性呼吸衰竭
 *       (MCC, table 109) do.</li>
 *   <li>MDCP (principal in MDCP.mdc_zd, age ≤ 0): PS1 weight &lt; 1500, PS2 1500–1999, PS3 2000–2499, PS4 ≥ 2500,
 *       each with birthWeightKnown and ageDaysAtMost 28.</li>
 * </ul>
 */
final class DrgGrouperTest {
    private static final DrgGrouper CHS = DrgGrouper.of(RulePackCatalog.bundled().load("chs-drg-1.1"));

    private static DischargeAbstract.Builder appendicitis(String... secondaryDx) {
        return DischargeAbstract.builder().recordId("a1").sex(Sex.MALE).ageYears(45).losDays(6).dischargeMethod("1")
                .principalDx("K35.800x001").secondaryDx(List.of(secondaryDx)).principalProc("47.0100");
    }

    @Test
    void pack_loadedById_isThatPack() {
        assertThat(CHS.pack().id()).isEqualTo("chs-drg-1.1");
        assertThat(CHS.pack().adrgs()).containsKey("GD2");
    }

    @Test
    void group_laparoscopicAppendectomyWithoutComplication_isGd25() {
        GroupingResult r = CHS.group(appendicitis().build());

        assertThat(r.status()).isEqualTo(GroupingStatus.GROUPED);
        assertThat(r.mdc()).isEqualTo("MDCG");
        assertThat(r.adrg()).isEqualTo("GD2");
        assertThat(r.drg()).isEqualTo("GD25");
        assertThat(r.drgName()).isEqualTo("阑尾切除术，不伴并发症或合并症");
        assertThat(r.cc()).isFalse();
        assertThat(r.mcc()).isFalse();
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void group_laparoscopicAppendectomyWithPneumonia_isGd23() {
        GroupingResult r = CHS.group(appendicitis("J18.900").build());

        assertThat(r.status()).isEqualTo(GroupingStatus.GROUPED);
        assertThat(r.mdc()).isEqualTo("MDCG");
        assertThat(r.adrg()).isEqualTo("GD2");
        assertThat(r.drg()).isEqualTo("GD23");
        assertThat(r.cc()).isTrue();
        assertThat(r.mcc()).isFalse();
    }

    @Test
    void group_laparoscopicAppendectomyWithAcuteRenalFailure_isGd23WithMcc() {
        GroupingResult r = CHS.group(appendicitis("N17.900").build());

        assertThat(r.drg()).isEqualTo("GD23");
        assertThat(r.mcc()).isTrue();
        assertThat(r.cc()).isFalse();
    }

    @Test
    void group_appendicitisTraced_traceNamesCodesWithDictionaryNames() {
        List<String> t = CHS.group(appendicitis("J18.900").build(), GroupingOptions.TRACED).trace();

        assertThat(t).anySatisfy(l -> assertThat(l).startsWith("进入").contains("MDCG").contains("消化系统"));
        assertThat(t).anySatisfy(l -> assertThat(l).startsWith("匹配").contains("GD2")
                .contains("47.0100 腹腔镜下阑尾切除术"));
        assertThat(t).anySatisfy(l -> assertThat(l).startsWith("并发症评估").contains("112")
                .contains("J18.900 肺炎").contains("101").contains("计为 CC"));
        assertThat(t).anySatisfy(l -> assertThat(l).startsWith("入组").contains("GD23").contains("J18.900"));
    }

    @ParameterizedTest
    @CsvSource({
        "J18.900, ES35, false, false", // CC of table 101 = the principal's table: excluded
        "E87.100, ES33, true, false",  // CC of table 52
        "J96.000, ES31, false, true"   // MCC of table 109
    })
    void group_adenoviralPneumoniaWithSecondary_exclusionTableDecides(String secondary, String drg, boolean cc,
                                                                       boolean mcc) {
        GroupingResult r = CHS.group(DischargeAbstract.builder().sex(Sex.FEMALE).ageYears(60).losDays(8)
                .dischargeMethod("1").principalDx("J12.000").secondaryDx(List.of(secondary)).build());

        assertThat(r.mdc()).isEqualTo("MDCE");
        assertThat(r.adrg()).isEqualTo("ES3");
        assertThat(r.drg()).isEqualTo(drg);
        assertThat(r.cc()).isEqualTo(cc);
        assertThat(r.mcc()).isEqualTo(mcc);
    }

    @ParameterizedTest
    @CsvSource({
        "1499, PS1, PS15",
        "1500, PS2, PS25",
        "1999, PS2, PS25",
        "2000, PS3, PS39",
        "2499, PS3, PS39",
        "2500, PS4, PS45"
    })
    void group_prematureNewborn_birthWeightChoosesTheAdrg(int grams, String adrg, String drg) {
        GroupingResult r = CHS.group(DischargeAbstract.builder().sex(Sex.FEMALE).ageYears(0).ageDays(1)
                .birthWeightG(grams).losDays(12).dischargeMethod("1").principalDx("P07.300x001").build());

        assertThat(r.status()).isEqualTo(GroupingStatus.GROUPED);
        assertThat(r.mdc()).isEqualTo("MDCP");
        assertThat(r.adrg()).isEqualTo(adrg);
        assertThat(r.drg()).isEqualTo(drg);
    }

    @Test
    void group_uterineCancerInAMale_isUngroupable() {
        // C54.800 is in MDCN.mdc_zd, which also needs sex 2; no other MDC takes it.
        GroupingResult r = CHS.group(DischargeAbstract.builder().sex(Sex.MALE).ageYears(5).losDays(19)
                .dischargeMethod("5").principalDx("C54.800").build());

        assertThat(r.status()).isEqualTo(GroupingStatus.UNGROUPABLE);
        assertThat(r.drg()).isEqualTo("0000");
        assertThat(r.mdc()).isEmpty();
    }

    @Test
    void group_uterineCancerInAFemale_isGroupedInMdcn() {
        GroupingResult r = CHS.group(DischargeAbstract.builder().sex(Sex.FEMALE).ageYears(45).losDays(19)
                .dischargeMethod("1").principalDx("C54.800").build());

        assertThat(r.mdc()).isEqualTo("MDCN");
        assertThat(r.drg()).isEqualTo("NR15");
    }
}
