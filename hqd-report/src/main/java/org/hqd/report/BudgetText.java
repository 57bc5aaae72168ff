package org.hqd.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.hqd.budget.BudgetEvent;
import org.hqd.budget.BudgetKind;
import org.hqd.budget.BudgetReport;
import org.hqd.budget.BudgetRules;
import org.hqd.budget.BudgetVersion;
import org.hqd.budget.ExecutionLine;
import org.hqd.budget.PerformanceAssessment;
import org.hqd.budget.PerformanceTarget;

/** The words and number formats of the budget report (预算执行与绩效报告), shared by the PDF and the Excel renderings. */
final class BudgetText {
    /** History times are shown in China Standard Time, whatever the server's zone. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private BudgetText() {
    }

    /** "市第一人民医院 2025 年预算执行与绩效报告". */
    static String title(BudgetReport r) {
        return r.hospitalName() + " " + r.year() + " 年预算执行与绩效报告";
    }

    /** "市第一人民医院 2025 年财务信息公开（预算执行情况）". */
    static String publicTitle(BudgetReport.PublicSummary p) {
        return p.hospitalName() + " " + p.year() + " 年财务信息公开（预算执行情况）";
    }

    /** "截至 2025年6月". */
    static String asOf(int year, int month) {
        return "截至 " + year + "年" + month + "月";
    }

    /** Time progress as of a month: M / 12. */
    static double progress(int month) {
        return month / 12.0;
    }

    /** "年初预算（已批准）". */
    static String version(BudgetVersion v) {
        return v.label() + "（" + v.state().label() + "）";
    }

    /** The labels of the alerts that fire on a line, joined by 、; "" for none. */
    static String alerts(ExecutionLine l) {
        return String.join("、", l.alerts().stream().map(BudgetRules.AlertRule::label).toList());
    }

    /** 达标, 未达标 or 无数据. */
    static String met(PerformanceAssessment.Result r) {
        return r.met().map(m -> m ? "达标" : "未达标").orElse("无数据");
    }

    /** "已提交 → 已批准", or the new state alone for the first compile. */
    static String stateChange(BudgetEvent e) {
        return e.from().map(f -> f.label() + " → ").orElse("") + e.to().label();
    }

    /**
     * The label of an event's version ("年初预算", "第 1 次调整"): an event names its version by number only, and
     * version 1 is the original budget, every later one an adjustment.
     */
    static String version(BudgetReport r, BudgetEvent e) {
        return new BudgetVersion(r.hospitalId(), r.year(), e.version(), e.version() > 1, e.to(), "").label();
    }

    static LocalDateTime localTime(Instant at) {
        return LocalDateTime.ofInstant(at, ZONE);
    }

    static String time(Instant at) {
        return TIME.format(localTime(at));
    }

    /** Fen as 万元 with thousands separators and two decimals: 123456789 → "123.46". */
    static String wan(long fen) {
        return String.format("%,.2f", fen / 1_000_000.0);
    }

    /** Fen as a number of yuan, for numeric cells. */
    static double yuanValue(long fen) {
        return fen / 100.0;
    }

    static String percent(OptionalDouble v) {
        return Formats.percent(v);
    }

    static String percent(double v) {
        return Formats.percent(OptionalDouble.of(v));
    }

    /** A variance with its sign: "+1,234.00" / "-1,234.00" (万元). */
    static String signedWan(long fen) {
        return (fen > 0 ? "+" : "") + wan(fen);
    }

    /** 万元收入能耗支出: yuan of energy spending per 10,000 yuan of revenue, two decimals, or —. */
    static String energy(OptionalDouble v) {
        return v.isPresent() ? String.format("%,.2f", v.getAsDouble()) : "—";
    }

    /** A structure indicator: its name, whether it is a share (a fraction shown as a percentage) and its value. */
    record Indicator(String name, boolean share, OptionalDouble value) {
        String text() {
            return share ? percent(value) : energy(value);
        }
    }

    static List<Indicator> indicators(org.hqd.budget.StructureIndicators s) {
        return List.of(new Indicator("医疗服务收入占医疗收入比例", true, s.serviceRevenueShare()),
                new Indicator("人员支出占业务支出比例", true, s.staffSpendingShare()),
                new Indicator("万元收入能耗支出（元）", false, s.energyPer10kRevenue()));
    }

    /** Whether a target's values are fractions shown as percentages (unit {@code ratio}, or an execution rate). */
    static boolean ratio(PerformanceTarget t) {
        return "ratio".equals(t.unit()) || PerformanceTarget.EXECUTION_RATE.equals(t.source());
    }

    /** A target's unit as shown: % for fractions. */
    static String unit(PerformanceTarget t) {
        return ratio(t) ? "%" : t.unit();
    }

    /** A target's value (target or actual) in its unit, or —. */
    static String targetValue(PerformanceTarget t, OptionalDouble v) {
        return ratio(t) ? percent(v) : Formats.value(v, t.unit());
    }

    /**
     * The item of a target as shown: "全部项目" for the department's whole budget, else the item's name when a line of
     * the report has it as code (targets name their item by code or by name).
     */
    static String item(BudgetReport r, PerformanceTarget t) {
        if (t.item() == null || t.item().isBlank()) {
            return "全部项目";
        }
        for (ExecutionLine l : r.lines()) {
            if (l.item().code().equals(t.item())) {
                return l.item().name();
            }
        }
        return t.item();
    }

    /** Numbers as written in a table: weights and earned weights with at most two decimals. */
    static String number(double v) {
        String s = String.format("%.2f", v);
        return s.replaceAll("\\.?0+$", "");
    }

    /** The budget to date and actual to date of the report's lines by kind and category, in catalogue order of kind. */
    record CategoryAmounts(BudgetKind kind, String category, long budgetToDate, long actualToDate) { }

    static List<CategoryAmounts> byCategory(List<ExecutionLine> lines) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        Map<String, ExecutionLine> first = new LinkedHashMap<>();
        for (BudgetKind k : BudgetKind.values()) {
            for (ExecutionLine l : lines) {
                if (l.item().kind() == k) {
                    String key = k + "\u0001" + l.item().category();
                    long[] s = sums.computeIfAbsent(key, x -> new long[2]);
                    s[0] += l.budgetToDate();
                    s[1] += l.actualToDate();
                    first.putIfAbsent(key, l);
                }
            }
        }
        List<CategoryAmounts> out = new ArrayList<>();
        sums.forEach((k, s) -> out.add(new CategoryAmounts(first.get(k).item().kind(), first.get(k).item().category(),
                s[0], s[1])));
        return out;
    }
}
