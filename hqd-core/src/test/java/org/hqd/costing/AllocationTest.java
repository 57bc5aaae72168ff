package org.hqd.costing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Stepwise allocation of {@link SmallHospital}, every figure worked by hand (in fen). */
final class AllocationTest {

    @Nested
    final class HandWorked {
        final AllocationResult r = Allocation.run(SmallHospital.input());

        @Test
        void run_smallHospital_departmentLinesAsWorkedByHand() {
            // Level 1: 全院 depreciation 60,000 by area 50:100:250:200 → 5,000 / 10,000 / 25,000 / 20,000;
            //          院办公室 staff cost 100,000 by staff 2:3:10:5 → 10,000 / 15,000 / 50,000 / 25,000.
            // Level 2: 消毒供应中心 (30,000 + 10,000 staff cost, 5,000 depreciation) by workload 1:2:1.
            // Level 3: 检验科 (75,000 staff, 20,000 materials, 11,250 depreciation) by revenue 10,000:10,000.
            // Clinical shares split by revenue: 内科 3,000:7,000, 外科 1,000:9,000, remainders to 门诊 on ties.
            assertThat(r.departments()).containsExactly(
                    new DepartmentCost("全院", CostClass.ADMINISTRATIVE, 60_000, 0, 60_000, 0, 0, 0),
                    new DepartmentCost("科教科", CostClass.ADMINISTRATIVE, 0, 0, 0, 0, 0, 0),
                    new DepartmentCost("院办公室", CostClass.ADMINISTRATIVE, 100_000, 0, 100_000, 0, 0, 0),
                    new DepartmentCost("消毒供应中心", CostClass.AUXILIARY, 30_000, 15_000, 45_000, 0, 0, 0),
                    new DepartmentCost("检验科", CostClass.MEDICAL_TECHNOLOGY, 70_000, 36_250, 106_250, 0, 0, 0),
                    new DepartmentCost("内科", CostClass.CLINICAL, 300_000, 150_625, 0, 450_625, 135_188, 315_437),
                    new DepartmentCost("外科", CostClass.CLINICAL, 300_000, 109_375, 0, 409_375, 40_938, 368_437));
        }

        @Test
        void run_smallHospital_clinicalFullCostsAddUpToAllDirectCosts() {
            // 科研教学项目支出 (科教项目支出) is not cost under the rules: 8,600.00 yuan, not 8,650.00.
            assertThat(r.totalDirect()).isEqualTo(860_000);
            assertThat(r.clinicalFull()).isEqualTo(860_000);
        }

        @Test
        void run_eachLevel_movesItsClassAndKeepsTheTotal() {
            assertThat(r.steps()).containsExactly(
                    new AllocationStep(1, CostClass.ADMINISTRATIVE, 160_000, 860_000),
                    new AllocationStep(2, CostClass.AUXILIARY, 45_000, 860_000),
                    new AllocationStep(3, CostClass.MEDICAL_TECHNOLOGY, 106_250, 860_000));
        }

        @Test
        void run_itemsAreCarriedThrough_inpatientUnitOfInternalMedicine() {
            // staff 140,000 + 35,000 + 14,000 + 26,250; depreciation 17,500 + 1,750 + 3,937 (the tie gave 门诊 the fen)
            assertThat(r.unit("内科", Setting.INPATIENT).orElseThrow().fullByItem()).isEqualTo(Map.of(
                    "E0101", 215_250L, "E0201", 70_000L, "E0202", 7_000L, "E0301", 23_187L));
        }

        @Test
        void run_transfers_sayByWhichDriverAndWeight() {
            Transfer t = r.transfers().stream().filter(x -> x.from().equals("院办公室") && x.to().equals("外科")
                    && x.toSetting() == Setting.INPATIENT).findFirst().orElseThrow();
            assertThat(t).isEqualTo(new Transfer(1, "院办公室", "E0101", "外科", Setting.INPATIENT, 22_500, "staff",
                    BigDecimal.valueOf(5), BigDecimal.valueOf(20)));
            assertThat(r.explain("外科", SmallHospital.RULES::itemName)).contains(
                    "一级分摊：自 院办公室 分入人员经费 250.00 元（staff 5 / 合计 20）：门诊 25.00，住院 225.00",
                    "全成本 4093.75 元：门诊 409.38，住院 3684.37");
            assertThat(r.explain("检验科", SmallHospital.RULES::itemName)).contains(
                    "三级分摊：分出卫生材料费 200.00 元，按 outpatient_revenue+inpatient_revenue 分给 2 个科室");
        }
    }

    @Nested
    final class Problems {
        @Test
        void run_noReceiverHasTheDriver_everyProblemReportedAndNoResult() {
            CostingInput in = SmallHospital.input();
            Map<String, Map<String, BigDecimal>> drivers = new HashMap<>(in.drivers());
            drivers.replaceAll((d, v) -> without(v, "workload"));
            drivers.put("外科", without(drivers.get("外科"), "outpatient_revenue", "inpatient_revenue"));
            CostingInput broken = new CostingInput("H1", 2024, in.classes(), in.directCosts(), drivers, in.rules());

            assertThatThrownBy(() -> Allocation.run(broken)).isInstanceOf(CostingException.class)
                    .satisfies(e -> assertThat(((CostingException) e).problems()).extracting(CostingProblem::toString)
                            .containsExactly(
                                    "H1 2024 年 外科：临床科室的直接成本无法划分门诊与住院：没有 outpatient_revenue+inpatient_revenue 的值（在分摊参数文件中为它填写）",
                                    "H1 2024 年 外科：临床科室的分摊所得无法划分门诊与住院：没有 outpatient_revenue+inpatient_revenue 的值（在分摊参数文件中为它填写）",
                                    "H1 2024 年 消毒供应中心：医疗辅助类科室的人员经费 400.00 元无法分摊：接收科室（医疗技术类、临床服务类）都没有 工作量（workload） 的值",
                                    "H1 2024 年 消毒供应中心：医疗辅助类科室的固定资产折旧费 50.00 元无法分摊：接收科室（医疗技术类、临床服务类）都没有 工作量（workload） 的值"));
        }

        @Test
        void run_hospitalOverridesAClass_departmentAllocatedAtItsNewLevel() {
            CostingInput in = SmallHospital.input();
            Map<String, CostClass> classes = new LinkedHashMap<>(in.classes());
            classes.put("消毒供应中心", CostClass.ADMINISTRATIVE);
            AllocationResult r = Allocation.run(new CostingInput("H1", 2024, classes, in.directCosts(), in.drivers(),
                    in.rules()));
            // now a level-1 sender: its 300.00 goes by staff 3:10:5 (检验科, 内科, 外科) and it receives nothing
            assertThat(r.departments().stream().filter(d -> d.department().equals("消毒供应中心")).findFirst())
                    .hasValue(new DepartmentCost("消毒供应中心", CostClass.ADMINISTRATIVE, 30_000, 0, 30_000, 0, 0, 0));
            assertThat(r.steps().get(1)).isEqualTo(new AllocationStep(2, CostClass.AUXILIARY, 0, 860_000));
            assertThat(r.clinicalFull()).isEqualTo(860_000);
        }
    }

    private static Map<String, BigDecimal> without(Map<String, BigDecimal> m, String... drivers) {
        Map<String, BigDecimal> out = new LinkedHashMap<>(m);
        for (String d : drivers) {
            out.remove(d);
        }
        return out;
    }
}
