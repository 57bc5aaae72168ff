package org.hqd.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hqd.app.budget.BudgetView;
import org.hqd.app.budget.Selection;
import org.hqd.app.budget.VersionTotals;
import org.hqd.budget.BudgetCatalog;
import org.hqd.budget.BudgetEvent;
import org.hqd.budget.BudgetItem;
import org.hqd.budget.BudgetReport;
import org.hqd.budget.BudgetRules;
import org.hqd.budget.BudgetState;
import org.hqd.budget.BudgetVersion;
import org.hqd.budget.Execution;
import org.hqd.budget.ExecutionLine;
import org.hqd.budget.Money;
import org.hqd.budget.PerformanceAssessment;
import org.hqd.budget.PerformanceTarget;
import org.hqd.budget.StructureIndicators;
import org.hqd.budget.Variance;

/**
 * The budget's records as the API's JSON: amounts in yuan, rates as fractions, labels beside the codes; a department
 * user's view leaves out the reasons of versions and the comments of the history.
 */
final class BudgetJson {
    private BudgetJson() {
    }

    /** A hospital-year as a reader sees it, with what the reader may do now ({@code can}) and the item catalogue. */
    static Map<String, Object> view(BudgetView v, List<String> can, BudgetCatalog catalog) {
        BudgetReport r = v.report();
        Selection sel = v.selection();
        boolean dept = v.department().isPresent();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hospitalId", r.hospitalId());
        m.put("hospitalName", r.hospitalName());
        m.put("year", r.year());
        m.put("month", r.month());
        m.put("timeProgress", r.month() / 12.0);
        m.put("department", v.department().orElse(null));
        m.put("monthsWithActuals", sel.months());
        m.put("basis", version(r.basis(), dept));
        m.put("inForce", v.inForce().map(x -> version(x, dept)).orElse(null));
        m.put("pending", r.pending().map(x -> version(x, dept)).orElse(null));
        List<Map<String, Object>> versions = new ArrayList<>();
        for (VersionTotals t : v.versions()) {
            Map<String, Object> x = version(t.version(), dept);
            x.put("revenue", Money.asYuan(t.revenue()));
            x.put("expenditure", Money.asYuan(t.expenditure()));
            x.put("basis", t.version().version() == r.basis().version());
            versions.add(x);
        }
        m.put("versions", versions);
        Map<String, Object> totals = new LinkedHashMap<>();
        v.totals().forEach((k, t) -> totals.put(k.name(), total(t)));
        m.put("totals", totals);
        m.put("lines", v.lines().stream().map(BudgetJson::line).toList());
        m.put("alertCount", v.alertCount());
        m.put("structure", structure(v.structure()));
        m.put("varianceByDepartment", v.byDepartment().stream().map(BudgetJson::variance).toList());
        m.put("varianceByItem", v.byItem().stream().map(BudgetJson::variance).toList());
        m.put("performance", performance(v.performance()));
        m.put("history", r.history().stream().map(e -> event(e, dept)).toList());
        m.put("can", can);
        m.put("items", catalog.items().stream().map(i -> Map.of("code", i.code(), "name", i.name(), "kind", i.kind().name(),
                "category", i.category())).toList());
        return m;
    }

    static Map<String, Object> version(BudgetVersion v, boolean withoutReason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", v.version());
        m.put("label", v.label());
        m.put("adjustment", v.adjustment());
        m.put("state", v.state().name());
        m.put("stateLabel", v.state().label());
        m.put("reason", withoutReason ? "" : v.reason());
        return m;
    }

    private static Map<String, Object> total(Execution.Total t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", t.kind().name());
        m.put("kindLabel", t.kind().label());
        m.put("annualBudget", Money.asYuan(t.annualBudget()));
        m.put("budgetToDate", Money.asYuan(t.budgetToDate()));
        m.put("actualToDate", Money.asYuan(t.actualToDate()));
        m.put("executionRate", Dto.v(t.executionRate()));
        m.put("budgetOfMonth", Money.asYuan(t.budgetOfMonth()));
        m.put("actualOfMonth", Money.asYuan(t.actualOfMonth()));
        m.put("monthRate", Dto.v(t.monthRate()));
        return m;
    }

    private static Map<String, Object> line(ExecutionLine l) {
        BudgetItem i = l.item();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("department", l.department());
        m.put("itemCode", i.code());
        m.put("itemName", i.name());
        m.put("category", i.category());
        m.put("kind", i.kind().name());
        m.put("kindLabel", i.kind().label());
        m.put("annualBudget", Money.asYuan(l.annualBudget()));
        m.put("budgetToDate", Money.asYuan(l.budgetToDate()));
        m.put("actualToDate", Money.asYuan(l.actualToDate()));
        m.put("budgetOfMonth", Money.asYuan(l.budgetOfMonth()));
        m.put("actualOfMonth", Money.asYuan(l.actualOfMonth()));
        m.put("executionRate", Dto.v(l.executionRate()));
        m.put("timeProgress", l.timeProgress());
        m.put("alerts", l.alerts().stream().map(BudgetRules.AlertRule::id).toList());
        m.put("alertLabels", l.alerts().stream().map(BudgetRules.AlertRule::label).toList());
        m.put("alertTests", l.alerts().stream().map(a -> a.test().name()).toList());
        return m;
    }

    private static Map<String, Object> structure(StructureIndicators s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("serviceRevenueShare", Dto.v(s.serviceRevenueShare()));
        m.put("staffSpendingShare", Dto.v(s.staffSpendingShare()));
        m.put("energyPer10kRevenue", Dto.v(s.energyPer10kRevenue()));
        Map<String, Object> measures = new LinkedHashMap<>();
        s.measures().forEach((k, v) -> measures.put(k, Money.asYuan(v)));
        m.put("measures", measures);
        return m;
    }

    private static Map<String, Object> variance(Variance.Line l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", l.key());
        m.put("kind", l.kind().name());
        m.put("kindLabel", l.kind().label());
        m.put("budgetToDate", Money.asYuan(l.budgetToDate()));
        m.put("actualToDate", Money.asYuan(l.actualToDate()));
        m.put("variance", Money.asYuan(l.variance()));
        m.put("rate", Dto.v(l.rate()));
        return m;
    }

    private static Map<String, Object> performance(PerformanceAssessment p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("score", Dto.v(p.score()));
        m.put("grade", p.grade());
        m.put("targets", p.results().stream().map(x -> {
            PerformanceTarget t = x.target();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", t.name());
            r.put("dimension", t.dimension().name());
            r.put("dimensionLabel", t.dimension().label());
            r.put("department", t.department());
            r.put("item", t.item());
            r.put("comparison", t.comparison().name());
            r.put("comparator", t.comparison().symbol());
            r.put("target", t.target());
            r.put("unit", t.unit());
            r.put("weight", t.weight());
            r.put("source", t.source());
            r.put("actual", Dto.v(x.actual()));
            r.put("met", x.met().orElse(null));
            r.put("earned", x.earned());
            return r;
        }).toList());
        return m;
    }

    private static Map<String, Object> event(BudgetEvent e, boolean withoutComment) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", e.at().toString());
        m.put("version", e.version());
        m.put("action", e.action().name());
        m.put("actionLabel", e.action().label());
        m.put("from", e.from().map(Enum::name).orElse(null));
        m.put("fromLabel", e.from().map(BudgetState::label).orElse(null));
        m.put("to", e.to().name());
        m.put("toLabel", e.to().label());
        m.put("user", e.user());
        m.put("comment", withoutComment ? "" : e.comment());
        return m;
    }
}
