package org.hqd.casemix.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.abstracts.Sex;
import org.hqd.casemix.grouping.DrgGrouper;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.casemix.standards.GroupStandard;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class InStayMonitorTest {
    private static DrgGrouper grouper;
    // GD25 (appendectomy without CC): mean cost 10,000, LOS 5, drugs 2,000, consumables 1,000, exam+lab 0
    private static final GroupStandard GD25 = new GroupStandard("GD25", 100, 98, 1.0, 10_000, 9_500, 8_000, 11_000,
            13_000, 5, 2_000, 1_000, 0, 0, 0);

    @BeforeAll
    static void load() {
        grouper = DrgGrouper.of(RulePackCatalog.bundled().load("chs-drg-1.1"));
    }

    private static CurrentStay stay(int days, double cost, double drug, double material, double examLab) {
        DischargeAbstract a = DischargeAbstract.builder().recordId("在院").sex(Sex.MALE).ageYears(45).losDays(days)
                .dischargeMethod("1").principalDx("K35.800x001").secondaryDx(List.of()).principalProc("47.0100")
                .build();
        return new CurrentStay(a, cost, drug, material, examLab);
    }

    @Test
    void assess_appendectomyInItsFourthDay_warnsAt80AndAlertsAt100Percent() {
        InStayMonitor monitor = new InStayMonitor(grouper, drg -> "GD25".equals(drg) ? Optional.of(GD25)
                : Optional.empty());

        StayAssessment a = monitor.assess(stay(4, 7_999, 2_000, 850, 300));

        assertThat(a.expectedGroup().drg()).isEqualTo("GD25");
        assertThat(a.standard()).contains(GD25);
        assertThat(a.ratios()).extracting(StayRatio::measure).containsExactly("总费用", "药品费", "耗材费", "住院天数");
        assertThat(a.ratios()).extracting(StayRatio::alert).containsExactly(StayRatio.Alert.NONE,
                StayRatio.Alert.OVER, StayRatio.Alert.NEAR, StayRatio.Alert.NEAR); // 0.7999, 1.0, 0.85, 0.8
        assertThat(a.warnings()).extracting(StayRatio::measure).containsExactly("药品费", "耗材费", "住院天数");
        assertThat(a.ratios().get(3).ratio()).isEqualTo(0.8);
    }

    @Test
    void assess_drgWithoutStandard_groupsButHasNoRatios() {
        InStayMonitor monitor = new InStayMonitor(grouper, drg -> Optional.empty());

        StayAssessment a = monitor.assess(stay(2, 5_000, 0, 0, 0));

        assertThat(a.expectedGroup().drg()).isEqualTo("GD25");
        assertThat(a.standard()).isEmpty();
        assertThat(a.ratios()).isEmpty();
        assertThat(a.expectedGroup().trace()).isNotEmpty();
    }
}
