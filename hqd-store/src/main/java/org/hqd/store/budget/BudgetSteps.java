package org.hqd.store.budget;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hqd.HqdException;
import org.hqd.budget.BudgetAction;
import org.hqd.budget.BudgetCatalog;
import org.hqd.budget.BudgetLine;
import org.hqd.budget.BudgetState;
import org.hqd.budget.BudgetTemplate;
import org.hqd.budget.BudgetVersion;
import org.hqd.budget.BudgetWorkflow;
import org.hqd.budget.Money;
import org.hqd.store.Transaction;
import org.hqd.store.budget.BudgetStore.Compiled;

/**
 * The steps of {@link BudgetWorkflow} that are not imports: compiling a draft from the template, submitting,
 * approving, returning and closing, adjusting. Each reads the latest version inside its transaction, so two users
 * acting at once cannot both move the same version, and writes one event of the budget's history.
 */
final class BudgetSteps {
    private BudgetSteps() {
    }

    /**
     * Compiles a draft from the template (编制): last year's actuals grown by {@code growth}, with inpatient revenue
     * forecast from last year's cases of each clinical department grown by {@code caseGrowth} (empty: the change in
     * discharges from the year before last to last year, or 0 without the earlier year).
     */
    static Compiled compile(Connection connection, BudgetCatalog catalog, String hospital, int year, double growth,
                            Optional<Double> caseGrowth, String user, Instant at) {
        List<BudgetLine> last = BudgetBook.actuals(connection, hospital, year - 1);
        double cg = caseGrowth.orElseGet(() -> {
            long before = BudgetReference.discharges(connection, hospital, year - 2);
            long lastCases = BudgetReference.discharges(connection, hospital, year - 1);
            return before == 0 || lastCases == 0 ? 0.0 : (double) lastCases / before - 1;
        });
        List<BudgetLine> forecast = BudgetReference.caseForecast(connection, catalog, hospital, year - 1, cg);
        if (last.isEmpty() && forecast.isEmpty()) {
            throw new HqdException(hospital + " 没有 " + (year - 1) + " 年的实际数，也没有该年的病案数据，无法按模板编制 "
                    + year + " 年预算；请用 hqd budget import 导入编制好的预算");
        }
        List<BudgetLine> lines = BudgetTemplate.compile(hospital, year, last, growth, forecast);
        String what = "编制预算";
        BudgetVersion v = Transaction.run(connection, what, c -> {
            Optional<BudgetVersion> before = BudgetBook.latest(c, hospital, year);
            BudgetVersion compiled = BudgetWorkflow.apply(hospital, year, before, BudgetAction.COMPILE, "");
            BudgetBook.saveVersion(c, what, compiled, user, at);
            BudgetBook.replaceLines(c, what, compiled, lines);
            BudgetBook.event(c, what, compiled, BudgetAction.COMPILE, before.map(BudgetVersion::state), BudgetState.DRAFT,
                    String.format("按模板编制：%d 年实际数 %d 行 × (1 %+.1f%%)，病例预测 %d 行 × (1 %+.1f%%)", year - 1,
                            last.size(), growth * 100, forecast.size(), cg * 100), user, at);
            return compiled;
        });
        return new Compiled(v, lines.size(), last.size(), forecast.size(), cg);
    }

    /** Submits, approves, returns or closes the latest version; the workflow refuses what it must. */
    static BudgetVersion transition(Connection connection, String hospital, int year, BudgetAction action,
                                    String comment, String user, Instant at) {
        if (action == BudgetAction.COMPILE || action == BudgetAction.ADJUST) {
            throw new IllegalArgumentException(action + " goes through importBudget / adjust");
        }
        String what = action.label() + "预算";
        return Transaction.run(connection, what, c -> {
            Optional<BudgetVersion> before = BudgetBook.latest(c, hospital, year);
            BudgetVersion after = BudgetWorkflow.apply(hospital, year, before, action, comment);
            if (action == BudgetAction.CLOSE) {
                Set<Integer> months = new TreeSet<>();
                BudgetBook.actuals(c, hospital, year).forEach(a -> months.add(a.month()));
                if (months.size() < 12) {
                    throw new HqdException(hospital + " " + year + " 年决算需要全年 12 个月的实际数，已有 "
                            + (months.isEmpty() ? "0 个月" : months.size() + " 个月（" + months + "）"));
                }
            }
            BudgetBook.setState(c, what, after);
            BudgetBook.event(c, what, after, action, before.map(BudgetVersion::state), after.state(),
                    comment == null ? "" : comment, user, at);
            return after;
        });
    }

    /**
     * Adjusts the approved budget: a new version (or the adjustment draft already open) whose lines are those of
     * the version in force with the given lines replaced (amount 0 removes a line); it goes to approval as usual.
     */
    static BudgetVersion adjust(Connection connection, String hospital, int year, List<BudgetLine> changes,
                                String reason, String user, Instant at) {
        for (BudgetLine l : changes) {
            if (!l.hospitalId().equals(hospital) || l.year() != year) {
                throw new HqdException("调整文件中有其他医院或年度的行：" + l.hospitalId() + " " + l.year());
            }
        }
        String what = "调整预算";
        return Transaction.run(connection, what, c -> {
            Optional<BudgetVersion> before = BudgetBook.latest(c, hospital, year);
            BudgetVersion v = BudgetWorkflow.apply(hospital, year, before, BudgetAction.ADJUST, reason);
            List<BudgetLine> base = BudgetBook.lines(c, hospital, year, before.get().version());
            Map<String, BudgetLine> merged = new LinkedHashMap<>();
            for (BudgetLine l : base) {
                merged.put(l.key(), l);
            }
            for (BudgetLine l : changes) {
                if (l.fen() == 0) {
                    merged.remove(l.key());
                } else {
                    merged.put(l.key(), l);
                }
            }
            BudgetBook.saveVersion(c, what, v, user, at);
            BudgetBook.replaceLines(c, what, v, new ArrayList<>(merged.values()));
            long delta = changes.stream().mapToLong(BudgetLine::fen).sum()
                    - base.stream().filter(b -> changes.stream().anyMatch(x -> x.key().equals(b.key())))
                    .mapToLong(BudgetLine::fen).sum();
            BudgetBook.event(c, what, v, BudgetAction.ADJUST, before.map(BudgetVersion::state), BudgetState.DRAFT,
                    reason + "（调整 " + changes.size() + " 行，净变动 " + Money.yuan(delta) + " 元）", user, at);
            return v;
        });
    }
}
