package org.hqd.costing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The allocation rules as data: the bundled defaults, precedence, and every problem of a bad set at once. */
final class CostingRulesTest {
    static final CostingRules RULES = SmallHospital.RULES;

    @Test
    void standard_theDefaultsOfTheRegulation() {
        assertThat(RULES.id()).isEqualTo("cost-accounting-2021");
        assertThat(RULES.split().id()).isEqualTo("outpatient_revenue+inpatient_revenue");
        assertThat(RULES.isCost("E0101")).isTrue();
        assertThat(RULES.isCost("E0501")).isTrue();  // 单位管理费用
        assertThat(RULES.isCost("E0601")).isFalse(); // 科教项目支出
        assertThat(RULES.isCost("E0701")).isFalse(); // 资本性支出
        assertThat(RULES.isCost("R0101")).isFalse(); // revenue
    }

    @Test
    void ruleFor_mostSpecificRowWins() {
        CostingRules r = CostingRules.parse("""
                # id: t
                # cost_categories: 业务活动费用
                # split: outpatient_visits+bed_days
                sender\titem\tdriver
                行政后勤类\t\tstaff
                行政后勤类\t固定资产折旧费\tarea
                全院\t\tworkload
                全院\t水电燃料能耗费\tarea+workload
                医疗辅助类\t\tworkload
                医疗技术类\t\toutpatient_revenue+inpatient_revenue
                """, "t.tsv", SmallHospital.DRIVERS, SmallHospital.ITEMS);

        assertThat(r.ruleFor(CostClass.ADMINISTRATIVE, "全院", "E0401").driver().id()).isEqualTo("area+workload");
        assertThat(r.ruleFor(CostClass.ADMINISTRATIVE, "全院", "E0301").driver().id()).isEqualTo("workload");
        assertThat(r.ruleFor(CostClass.ADMINISTRATIVE, "院办公室", "E0301").driver().id()).isEqualTo("area");
        assertThat(r.ruleFor(CostClass.ADMINISTRATIVE, "院办公室", "E0101").driver().id()).isEqualTo("staff");
        assertThat(r.senderDepartments()).containsExactly("全院");
    }

    @Test
    void parse_badSet_everyProblemAtOnce() {
        assertThatThrownBy(() -> CostingRules.parse("""
                # id: bad set
                # cost_categories: 业务活动费用, 奖金
                # split: staff+bed_days
                sender\titem\tdriver
                行政后勤类\t\tstaff
                行政后勤类\t\tarea
                临床服务类\t\tstaff
                医疗辅助类\t科研教学项目支出\tworkload
                医疗辅助类\t奖金\tworkload
                医疗技术类\t\trevenue
                \t\tstaff
                """, "bad.tsv", SmallHospital.DRIVERS, SmallHospital.ITEMS))
                .isInstanceOf(CostingException.class)
                .satisfies(e -> assertThat(((CostingException) e).problems()).extracting(CostingProblem::toString)
                        .containsExactly(
                                "bad.tsv # id：应以 '# id: <规则编号>' 开头（字母、数字、- _ .），实际为 'bad set'",
                                "bad.tsv # cost_categories：'奖金' 不是预算项目目录中的支出类别",
                                "bad.tsv # split：划分门诊与住院的参数应各有门诊（OUTPATIENT）和住院（INPATIENT）口径的项，且没有全科（WHOLE）口径的项；实际为 staff+bed_days",
                                "bad.tsv 第 6 行：行政后勤类 的分摊参数重复",
                                "bad.tsv 第 7 行：临床服务类是分摊的终点，不向其他科室分摊",
                                "bad.tsv 第 8 行：项目 科研教学项目支出 不计入成本（cost_categories 不含 科教项目支出）",
                                "bad.tsv 第 9 行：项目 '奖金' 不在预算项目目录中",
                                "bad.tsv 第 10 行：分摊参数 'revenue' 不在分摊参数目录中（可用：staff、area、workload、outpatient_visits、bed_days、outpatient_revenue、inpatient_revenue）",
                                "bad.tsv 第 11 行：sender 不能为空：写类别（行政后勤类、医疗辅助类、医疗技术类）或科室名",
                                "bad.tsv：医疗辅助类 没有分摊参数：加一行 sender 为 医疗辅助类、item 留空的规则"));
    }

    @Test
    void costCentreClasses_catalogueDefaults_clinicalOtherwise_overridesWin() {
        CostCentreClasses c = CostCentreClasses.standard();
        assertThat(c.classOf("全院")).isEqualTo(CostClass.ADMINISTRATIVE);
        assertThat(c.classOf("病案室")).isEqualTo(CostClass.AUXILIARY);
        assertThat(c.classOf("放射科")).isEqualTo(CostClass.MEDICAL_TECHNOLOGY);
        assertThat(c.classOf("心血管内科")).isEqualTo(CostClass.CLINICAL);
        CostCentreClasses h = c.withOverrides(java.util.Map.of("药剂科", CostClass.AUXILIARY));
        assertThat(h.classOf("药剂科")).isEqualTo(CostClass.AUXILIARY);
        assertThat(h.overridden("药剂科")).isTrue();
    }

    @Test
    void casePools_badFile_everyProblem() {
        assertThatThrownBy(() -> CasePools.parse("""
                pool\titems\tcategories
                药品\t药品费,奖金\tcost_western_drug,cost_wine
                其他\t药品费\tcost_western_drug
                """, "pools.tsv", SmallHospital.ITEMS))
                .isInstanceOf(CostingException.class)
                .satisfies(e -> assertThat(((CostingException) e).problems()).extracting(CostingProblem::toString)
                        .containsExactly(
                                "pools.tsv 第 2 行：项目 '奖金' 不在预算项目目录中",
                                "pools.tsv 第 2 行：'cost_wine' 不是病案首页的费用列（cost_bed … cost_other）",
                                "pools.tsv 第 3 行：项目 药品费 已在别的成本池中",
                                "pools.tsv 第 3 行：西药费 已在别的成本池中",
                                "pools.tsv：应有一行 items 为 *（其余成本项目）",
                                "pools.tsv：有费用类别不在任何成本池中：加一行 categories 为 *"));
    }
}
