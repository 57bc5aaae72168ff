package org.hqd.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each check of a budget file's rows, alone and together; the good rows go through. */
class BudgetRowCheckTest {
    static final BudgetCatalog C = BudgetCatalog.standard();
    static final BudgetRowCheck CHECK = new BudgetRowCheck(C, Set.of("H1", "H2"),
            h -> h.equals("H1") ? Set.of("心内科", "骨科") : Set.of());

    static BudgetRowCheck.RawRow row(int line, String... v) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < BudgetRowCheck.COLUMNS.size(); i++) {
            m.put(BudgetRowCheck.COLUMNS.get(i), v[i]);
        }
        return new BudgetRowCheck.RawRow(line, m);
    }

    @Test
    void everyRuleWithItsReason_andTheRestGoesThrough() {
        BudgetRowCheck.Result r = CHECK.check(List.of(
                row(2, "H1", "2025", "心内科", "人员经费", "1", "1200.50"),
                row(3, "H1", "2025", "心内科", "E0201", "1", "1,000"),
                row(4, "H1", "2025", "全院", "财政基本支出补助收入", "12", "-20"),
                row(5, "H9", "2025", "心内科", "人员经费", "1", "1"),
                row(6, "H1", "25", "心内科", "人员经费", "13", "1"),
                row(7, "H1", "2025", "眼科", "人员经费", "1", "1"),
                row(8, "H1", "2025", "心内科", "奖金", "1", "1"),
                row(9, "H1", "2025", "心内科", "人员经费", "2", "一千"),
                row(10, "H1", "2025", "心内科", "人员经费", "2", "1.234"),
                row(11, "H1", "2025", "心内科", "E0101", "1", "7"),
                row(12, "H2", "2025", "心内科", "人员经费", "1", "1"),
                row(13, "", "", "", "", "", "")));
        assertThat(r.accepted()).containsExactly(
                new BudgetLine("H1", 2025, "心内科", "E0101", 1, 120_050),
                new BudgetLine("H1", 2025, "心内科", "E0201", 1, 100_000),
                new BudgetLine("H1", 2025, "全院", "R0201", 12, -2_000));
        assertThat(r.rejected()).extracting(x -> x.row().line() + " " + x.ruleIds()).containsExactly(
                "5 [UNKNOWN_HOSPITAL]", "6 [BAD_YEAR, BAD_MONTH]", "7 [UNKNOWN_DEPARTMENT]", "8 [UNKNOWN_ITEM]",
                "9 [BAD_AMOUNT]", "10 [BAD_AMOUNT]", "11 [DUPLICATE]", "12 [UNKNOWN_DEPARTMENT]",
                "13 [UNKNOWN_HOSPITAL, BAD_YEAR, BAD_MONTH, UNKNOWN_ITEM, BAD_AMOUNT]");
        assertThat(r.rejected().get(2).messages()).containsExactly(
                "科室 眼科 不是医院 H1 的科室或成本中心");
        assertThat(r.rejected().get(6).messages()).containsExactly("与第 2 行重复（同一医院、年度、科室、项目和月份）");
        assertThat(r.rejected().get(4).messages().get(0)).contains("'一千'");
        assertThat(r.countsByRule()).containsEntry("BAD_AMOUNT", 3).containsEntry("UNKNOWN_DEPARTMENT", 2)
                .containsEntry("DUPLICATE", 1);
    }

    @Test
    void money() {
        assertThat(Money.parse("0.1")).hasValue(10);
        assertThat(Money.parse("-1,234.56")).hasValue(-123_456);
        assertThat(Money.parse("1e3")).isEmpty();
        assertThat(Money.parse("")).isEmpty();
        assertThat(Money.yuan(-5)).isEqualTo("-0.05");
        assertThat(Money.yuan(123_456)).isEqualTo("1234.56");
        assertThat(Money.ofYuan(0.005)).isEqualTo(1);
    }
}
