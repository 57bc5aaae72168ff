package org.hqd.evaluation;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.hqd.hospital.HospitalTier;
import org.hqd.hospital.HospitalType;

/** Small hand-made catalogue, target set and measure maps shared by the evaluation tests. */
final class Fixtures {
    /** Five indicators whose formulas are one measure or one ratio, one per dimension plus a second quality one. */
    static final String CATALOGUE_TSV = String.join("\n",
            "id\tname\tdimension\tformula\tunit\tdirection\tsource\tnote",
            "volume\tDRG 组数\t医疗质量\tdrg_count\t组\tHIGHER_BETTER\t病案首页\t",
            "mortality\t死亡率\t医疗质量\tdeaths / cases\tratio\tLOWER_BETTER\t病案首页\t",
            "stay\t平均住院日\t运营效率\tlos_days / cases\t天\tLOWER_BETTER\t病案首页\t",
            "emr\t电子病历\t持续发展\temr_level\t级\tHIGHER_BETTER\t机构报表\t",
            "satisfaction\t患者满意度\t满意度评价\tpatient_satisfaction\t分\tHIGHER_BETTER\t机构报表\t");

    /**
     * volume: COUNTY ≥ 100, CITY_TERTIARY ≥ 200 (no row for untiered hospitals); mortality ≤ 0.05, stay &lt; 8 and
     * emr &gt; 4 for every tier; satisfaction has no target.
     */
    static final String TARGETS_TSV = String.join("\n",
            "# id: test-targets",
            "# name: 测试目标集",
            "indicator\ttier\tcomparison\ttarget\tyear\tsource",
            "volume\tCOUNTY\tGE\t100\t\ttest.txt:1",
            "volume\tCITY_TERTIARY\tGE\t200\t\ttest.txt:2",
            "mortality\t*\tLE\t0.05\t\ttest.txt:3",
            "stay\t*\tLT\t8\t\ttest.txt:4",
            "emr\t*\tGT\t4\t\ttest.txt:5");

    static final IndicatorCatalog CATALOGUE = IndicatorCatalog.parse(CATALOGUE_TSV, "test-indicators.tsv");
    /** The five indicators as HQD's own set (the set the test targets are for by default). */
    static final IndicatorSet SET = IndicatorSet.parse(String.join("\n", "# id: hqd",
            "national_no\tindicator\tname\tdimension\tgroup\tmonitored",
            "\tvolume", "\tmortality", "\tstay", "\temr", "\tsatisfaction"), "test-set.tsv", CATALOGUE);
    static final TargetSet TARGETS = TargetSet.parse(TARGETS_TSV, "test-targets.tsv", CATALOGUE);

    private Fixtures() {
    }

    /** A measure map from (Measure, number) pairs. */
    static Map<Measure, Double> measures(Object... pairs) {
        Map<Measure, Double> m = new EnumMap<>(Measure.class);
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((Measure) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        }
        return m;
    }

    static HospitalMeasures hospital(String id, HospitalTier tier, Object... pairs) {
        return new HospitalMeasures(id, "医院" + id, Optional.ofNullable(tier), measures(pairs));
    }

    static HospitalMeasures hospital(String id, HospitalTier tier, HospitalType type, Object... pairs) {
        return new HospitalMeasures(id, "医院" + id, Optional.ofNullable(tier), Optional.ofNullable(type),
                measures(pairs), Map.of());
    }

    static Indicator indicator(String id) {
        return CATALOGUE.indicator(id).orElseThrow();
    }
}
